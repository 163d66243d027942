package dev.quiztutor.bank.format.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: fields separated by the delimiter, quoted fields holding delimiters, line
 * breaks and doubled quotes. Each record keeps the line it starts on, for the import report.
 */
final class CsvReader {
    record Record(int line, List<String> fields) {
        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private CsvReader() {
    }

    /** Comma, or semicolon when the header has semicolons and no commas (Excel in many locales). */
    static char delimiter(String text) {
        String header = text.lines().findFirst().orElse("");
        return header.indexOf(',') < 0 && header.indexOf(';') >= 0 ? ';' : ',';
    }

    static List<Record> read(String text, char delimiter) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                records.add(new Record(start, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                line++;
                start = line;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(start, List.copyOf(fields)));
        }
        return records;
    }
}
