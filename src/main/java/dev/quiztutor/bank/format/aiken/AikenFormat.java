package dev.quiztutor.bank.format.aiken;

import dev.quiztutor.bank.format.Batch;
import dev.quiztutor.bank.format.Draft;
import dev.quiztutor.bank.format.QuizFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aiken (docs.moodle.org/en/Aiken_format): a question's text, its options lettered {@code A.} or
 * {@code A)}, then {@code ANSWER: B}. One-answer multiple choice only; no names, no feedback.
 */
public final class AikenFormat implements QuizFormat {
    private static final Pattern OPTION = Pattern.compile("^([A-Z])[.)]\\s+(.*)$");
    private static final Pattern ANSWER = Pattern.compile("^ANSWER:\\s*(\\S*)\\s*$", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return "aiken";
    }

    @Override
    public List<String> extensions() {
        return List.of("aiken");
    }

    @Override
    public boolean looksLike(String text) {
        return Pattern.compile("^ANSWER:\\s*[A-Z]\\s*$", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    @Override
    public Batch read(String file, String text) {
        Batch batch = new Batch(file);
        List<String> prompt = new ArrayList<>();
        List<String> letters = new ArrayList<>();
        List<String> options = new ArrayList<>();
        int start = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher answer = ANSWER.matcher(line);
            Matcher option = OPTION.matcher(line);
            if (answer.matches() && !prompt.isEmpty()) {
                finish(batch, start, prompt, letters, options, answer.group(1));
                prompt.clear();
                letters.clear();
                options.clear();
            } else if (option.matches() && !prompt.isEmpty()) {
                letters.add(option.group(1));
                options.add(option.group(2).strip());
            } else {
                if (!options.isEmpty()) {
                    // A new question's text after options that never got their ANSWER: line.
                    batch.skip(start, label(prompt), "no ANSWER: line after its options");
                    prompt.clear();
                    letters.clear();
                    options.clear();
                }
                if (prompt.isEmpty()) {
                    start = i + 1;
                }
                prompt.add(line);
            }
        }
        if (!prompt.isEmpty()) {
            batch.skip(start, label(prompt), options.isEmpty() ? "no options and no ANSWER: line"
                    : "no ANSWER: line after its options");
        }
        return batch;
    }

    private static void finish(Batch batch, int line, List<String> prompt, List<String> letters, List<String> options,
            String answer) {
        String label = label(prompt);
        if (options.size() < 2) {
            batch.skip(line, label, "fewer than two options");
            return;
        }
        int right = letters.indexOf(answer.toUpperCase(java.util.Locale.ROOT));
        if (right < 0) {
            batch.skip(line, label, "ANSWER: " + answer + " names no option; options are " + String.join(", ", letters));
            return;
        }
        List<Draft.Option> drafts = options.stream().map(o -> new Draft.Option(o, "")).toList();
        batch.add(new Draft.Choice(Draft.Common.of(line, "", "", String.join("\n", prompt)), drafts, right));
    }

    private static String label(List<String> prompt) {
        String one = String.join(" ", prompt);
        return one.length() <= 40 ? one : one.substring(0, 39) + "…";
    }
}
