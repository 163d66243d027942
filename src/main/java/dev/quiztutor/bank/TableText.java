package dev.quiztutor.bank;

import java.util.List;

/**
 * A lesson table as monospace text, the one form every front end can show (Discord in a code
 * block, the console as is). Columns are padded to their widest cell.
 */
public final class TableText {
    private TableText() {
    }

    public static String render(Lesson.Table table) {
        List<String> columns = table.columns();
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).length();
            for (List<String> row : table.rows()) {
                if (c < row.size()) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, columns, widths);
        for (int c = 0; c < widths.length; c++) {
            text.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        text.append('\n');
        for (List<String> row : table.rows()) {
            line(text, row, widths);
        }
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = c < cells.size() ? cells.get(c) : "";
            line.append(c == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[c] - cell.length()));
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
