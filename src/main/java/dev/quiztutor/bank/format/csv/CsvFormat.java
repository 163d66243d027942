package dev.quiztutor.bank.format.csv;

import dev.quiztutor.bank.format.Batch;
import dev.quiztutor.bank.format.Draft;
import dev.quiztutor.bank.format.FormatException;
import dev.quiztutor.bank.format.NumericAnswer;
import dev.quiztutor.bank.format.QuizFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A spreadsheet saved as CSV (quizzes/README.md, "Bringing an existing bank in"): a header row
 * naming the columns {@code id, type, difficulty, question, A, B, ..., answer, hint, hint2, hint3,
 * explanation} in any order and case, then one question a row.
 */
public final class CsvFormat implements QuizFormat {
    private static final List<String> TYPES = List.of("choice", "multi", "truefalse", "short", "numeric");

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public List<String> extensions() {
        return List.of("csv");
    }

    @Override
    public boolean looksLike(String text) {
        String header = text.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        List<String> cells = Arrays.stream(header.split("[,;]")).map(c -> c.strip().replace("\"", "")).toList();
        return cells.contains("question") && cells.contains("answer");
    }

    /** Where each known column is in the header. */
    private record Columns(Map<String, Integer> named, TreeMap<Character, Integer> options, List<Integer> hints) {
        String get(List<String> row, String name) {
            Integer i = named.get(name);
            return i == null || i >= row.size() ? "" : row.get(i).strip();
        }
    }

    @Override
    public Batch read(String file, String text) throws FormatException {
        List<CsvReader.Record> records = CsvReader.read(text, CsvReader.delimiter(text));
        if (records.isEmpty()) {
            throw new FormatException(1, "empty file; the first row names the columns (question, A, B, ..., answer)");
        }
        Batch batch = new Batch(file);
        Columns columns = columns(records.get(0), batch);
        for (CsvReader.Record record : records.subList(1, records.size())) {
            if (!record.blank()) {
                row(batch, columns, record);
            }
        }
        return batch;
    }

    private static Columns columns(CsvReader.Record header, Batch batch) throws FormatException {
        Map<String, Integer> named = new LinkedHashMap<>();
        TreeMap<Character, Integer> options = new TreeMap<>();
        // By number, so that hint10 comes after hint9, not after hint1.
        TreeMap<Integer, Integer> hints = new TreeMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (name.matches("[a-z]")) {
                options.put(Character.toUpperCase(name.charAt(0)), i);
            } else if (name.matches("hint\\d{0,3}")) {
                hints.put(name.equals("hint") ? 1 : Integer.parseInt(name.substring("hint".length())), i);
            } else if (List.of("id", "type", "difficulty", "question", "answer", "explanation").contains(name)) {
                named.put(name, i);
            } else if (!name.isEmpty()) {
                batch.note(header.line(), "header", "column \"" + header.fields().get(i).strip() + "\" is not one we read;"
                        + " ignored");
            }
        }
        if (!named.containsKey("question")) {
            throw new FormatException(header.line(), "the first row has no \"question\" column; it names the columns:"
                    + " id, type, difficulty, question, A, B, ..., answer, hint, hint2, hint3, explanation");
        }
        if (!named.containsKey("answer")) {
            throw new FormatException(header.line(), "the first row has no \"answer\" column");
        }
        return new Columns(named, options, List.copyOf(hints.values()));
    }

    private static void row(Batch batch, Columns columns, CsvReader.Record record) {
        List<String> row = record.fields();
        int line = record.line();
        String prompt = columns.get(row, "question");
        String name = columns.get(row, "id");
        String label = !name.isEmpty() ? name : prompt.length() <= 40 ? prompt : prompt.substring(0, 39) + "…";
        if (prompt.isEmpty()) {
            batch.skip(line, label.isEmpty() ? "row" : label, "no question text");
            return;
        }
        String answer = columns.get(row, "answer");
        if (answer.isEmpty()) {
            batch.skip(line, label, "no answer");
            return;
        }
        // Option columns keep their order; letters are given again without gaps (A, C filled -> A, B).
        List<Draft.Option> options = new ArrayList<>();
        Map<Character, Integer> letterToIndex = new LinkedHashMap<>();
        for (Map.Entry<Character, Integer> column : columns.options().entrySet()) {
            int i = column.getValue();
            String text = i < row.size() ? row.get(i).strip() : "";
            if (!text.isEmpty()) {
                letterToIndex.put(column.getKey(), options.size());
                options.add(new Draft.Option(text, ""));
            }
        }
        String type = columns.get(row, "type").toLowerCase(Locale.ROOT);
        if (type.isEmpty()) {
            type = guess(answer, options);
        }
        if (!TYPES.contains(type)) {
            batch.skip(line, label, "type \"" + type + "\" is not one of " + String.join(", ", TYPES));
            return;
        }
        List<String> hints = columns.hints().stream().filter(i -> i < row.size()).map(i -> row.get(i).strip())
                .filter(h -> !h.isEmpty()).toList();
        String difficulty = columns.get(row, "difficulty").toLowerCase(Locale.ROOT);
        if (!difficulty.isEmpty() && !List.of("easy", "medium", "hard").contains(difficulty)) {
            batch.note(line, label, "difficulty \"" + difficulty + "\" is not easy, medium or hard; the default is used");
            difficulty = "";
        }
        Draft.Common common = Draft.Common.of(line, name, "", prompt).withHints(hints)
                .withGeneralFeedback(columns.get(row, "explanation"))
                .withDifficulty(difficulty.isEmpty() ? Optional.empty() : Optional.of(difficulty));
        Optional<Draft> draft = switch (type) {
            case "choice", "multi" -> {
                List<Integer> right = new ArrayList<>();
                for (String letter : answer.toUpperCase(Locale.ROOT).split("[\\s,;]+")) {
                    Integer index = letter.length() == 1 ? letterToIndex.get(letter.charAt(0)) : null;
                    if (index == null) {
                        batch.skip(line, label, "answer \"" + letter + "\" names no option; options are "
                                + String.join(", ", letterToIndex.keySet().stream().map(String::valueOf).toList()));
                        yield Optional.empty();
                    }
                    if (!right.contains(index)) {
                        right.add(index);
                    }
                }
                if (options.size() < 2) {
                    batch.skip(line, label, "fewer than two options");
                    yield Optional.empty();
                }
                right.sort(null);
                if (type.equals("choice") && right.size() != 1) {
                    batch.skip(line, label, "a choice question has one right letter; for several, use type multi");
                    yield Optional.empty();
                }
                yield Optional.of(type.equals("choice") ? new Draft.Choice(common, options, right.get(0))
                        : new Draft.Multi(common, options, right));
            }
            case "truefalse" -> {
                String a = answer.toLowerCase(Locale.ROOT);
                if (!a.matches("true|false|t|f")) {
                    batch.skip(line, label, "a truefalse answer is true or false, not \"" + answer + "\"");
                    yield Optional.empty();
                }
                yield Optional.of(new Draft.TrueFalse(common, a.startsWith("t"), "", ""));
            }
            case "short" -> {
                List<String> accept = Arrays.stream(answer.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                if (accept.isEmpty()) {
                    batch.skip(line, label, "no answer");
                    yield Optional.empty();
                }
                yield Optional.of(new Draft.Short(common, accept, 0, Map.of()));
            }
            default -> {
                List<NumericAnswer> accept = new ArrayList<>();
                for (String one : answer.split("\\|")) {
                    Optional<NumericAnswer> n = NumericAnswer.parse(one);
                    if (n.isEmpty()) {
                        batch.skip(line, label, "\"" + one.strip() + "\" is not a number, number:tolerance or min..max");
                        yield Optional.empty();
                    }
                    accept.add(n.get());
                }
                yield Optional.of(new Draft.Numeric(common, accept, "", Map.of()));
            }
        };
        draft.ifPresent(batch::add);
    }

    /** A row without a type: letters with options are choice or multi, else true/false, a number or text. */
    private static String guess(String answer, List<Draft.Option> options) {
        if (!options.isEmpty()) {
            return answer.strip().split("[\\s,;]+").length > 1 ? "multi" : "choice";
        }
        if (answer.toLowerCase(Locale.ROOT).matches("true|false")) {
            return "truefalse";
        }
        boolean numbers = Arrays.stream(answer.split("\\|")).allMatch(a -> NumericAnswer.parse(a).isPresent());
        return numbers ? "numeric" : "short";
    }
}
