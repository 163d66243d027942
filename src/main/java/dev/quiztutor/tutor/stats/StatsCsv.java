package dev.quiztutor.tutor.stats;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.QuestionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The full table of a topic's statistics as CSV (RFC 4180: comma separated, CRLF line ends, a field
 * with a comma, quote or line break quoted), one row per question, for a spreadsheet. A figure there
 * is too little data for is an empty cell, and the row's notes say why.
 */
public final class StatsCsv {
    public static final List<String> HEADER = List.of("question", "difficulty", "kind", "attempts",
            "first_try_right", "first_try_share", "facility", "tests", "discrimination", "hints_shown",
            "attempts_with_hints", "gave_up", "option_picks", "flags", "notes");

    private StatsCsv() {
    }

    public static String write(TopicStats stats) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (QuestionStats q : stats.questions()) {
            line(csv, row(q));
        }
        return csv.toString();
    }

    static List<String> row(QuestionStats q) {
        List<String> notes = new ArrayList<>();
        note(notes, "facility", q.facility(), "attempts");
        note(notes, "discrimination", q.discrimination(), "tests");
        return List.of(q.question().id(), difficulty(q.question().difficulty()), kind(q.question().kind()),
                Integer.toString(q.attempts()), Integer.toString(q.firstTryRight()), number(q.firstTry()),
                number(q.facility()), Integer.toString(q.tests()), number(q.discrimination()),
                Integer.toString(q.hintsShown()), Integer.toString(q.withHints()), Integer.toString(q.gaveUp()),
                q.picks().stream().map(p -> p.label() + (p.right() ? "*" : "") + " " + p.attempts())
                        .collect(Collectors.joining("; ")),
                q.flags().stream().map(f -> f == Flag.UNUSED_DISTRACTOR ? f.label() + " ("
                                + q.unusedDistractors().stream().map(OptionPicks::label).collect(Collectors.joining(" and ")) + ")"
                                : f.label())
                        .collect(Collectors.joining("; ")),
                String.join("; ", notes));
    }

    private static void note(List<String> notes, String what, Figure figure, String counted) {
        if (figure instanceof Figure.TooFew few) {
            notes.add(what + ": too few " + counted + " (" + few.have() + " of the " + few.need() + " wanted)");
        } else if (figure instanceof Figure.NoSpread) {
            notes.add(what + ": every test scored the same on it or on the rest, so there is no correlation");
        }
    }

    private static String number(Figure figure) {
        return figure instanceof Figure.Value v ? String.format(Locale.ROOT, "%.3f", v.value()) : "";
    }

    private static String difficulty(Difficulty d) {
        return d.label();
    }

    private static String kind(QuestionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
