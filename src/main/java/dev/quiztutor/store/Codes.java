package dev.quiztutor.store;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.review.Card;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.Verdict;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The words the schema stores for enumerations, and the text form of responses. Fixed here rather
 * than taken from {@code Enum.name()}, so that renaming a Java constant never orphans stored rows; the
 * exhaustive switches make a new constant a compile error until it has a word (and a migration
 * widening the column's CHECK).
 */
final class Codes {
    private Codes() {
    }

    static String kind(QuestionKind kind) {
        return switch (kind) {
            case CHOICE -> "choice";
            case BLANKS -> "blanks";
            case TRUEFALSE -> "truefalse";
            case MULTI -> "multi";
            case SHORT -> "short";
            case NUMERIC -> "numeric";
            case MATCHING -> "matching";
        };
    }

    static QuestionKind kind(String word) {
        return Arrays.stream(QuestionKind.values()).filter(k -> kind(k).equals(word)).findFirst()
                .orElseThrow(() -> unknown("question kind", word));
    }

    static String difficulty(Difficulty difficulty) {
        return switch (difficulty) {
            case EASY -> "easy";
            case MEDIUM -> "medium";
            case HARD -> "hard";
        };
    }

    static Difficulty difficulty(String word) {
        return Arrays.stream(Difficulty.values()).filter(d -> difficulty(d).equals(word)).findFirst()
                .orElseThrow(() -> unknown("difficulty", word));
    }

    static String status(Attempt.Status status) {
        return switch (status) {
            case OPEN -> "open";
            case SOLVED -> "solved";
            case OUT_OF_TRIES -> "out_of_tries";
            case GAVE_UP -> "gave_up";
        };
    }

    static Attempt.Status status(String word) {
        return Arrays.stream(Attempt.Status.values()).filter(s -> status(s).equals(word)).findFirst()
                .orElseThrow(() -> unknown("attempt status", word));
    }

    static String placeKind(Place.Kind kind) {
        return switch (kind) {
            case POST -> "post";
            case LESSON -> "lesson";
            case TEST -> "test";
            case REVIEW -> "review";
        };
    }

    static Place.Kind placeKind(String word) {
        return Arrays.stream(Place.Kind.values()).filter(k -> placeKind(k).equals(word)).findFirst()
                .orElseThrow(() -> unknown("place kind", word));
    }

    static String cardState(Card.State state) {
        return switch (state) {
            case NEW -> "new";
            case LEARNING -> "learning";
            case REVIEW -> "review";
            case RELEARNING -> "relearning";
        };
    }

    static Card.State cardState(String word) {
        return Arrays.stream(Card.State.values()).filter(s -> cardState(s).equals(word)).findFirst()
                .orElseThrow(() -> unknown("card state", word));
    }

    static String verdict(Verdict verdict) {
        return switch (verdict) {
            case STRONG -> "strong";
            case GETTING_THERE -> "getting_there";
            case NEEDS_PRACTICE -> "needs_practice";
        };
    }

    static Verdict verdict(String word) {
        return Arrays.stream(Verdict.values()).filter(v -> verdict(v).equals(word)).findFirst()
                .orElseThrow(() -> unknown("verdict", word));
    }

    /**
     * "A C B" for letters (option letters never hold spaces, so one space separates them, and they are
     * capitals); "true" or "false"; "=" and the text for a typed answer. The three never overlap, and
     * rows written before typed answers existed read back as letters.
     */
    static String response(Response response) {
        if (response instanceof Response.Truth truth) {
            return truth.value() ? "true" : "false";
        }
        if (response instanceof Response.Typed typed) {
            return "=" + typed.text();
        }
        List<String> letters = ((Response.Letters) response).letters();
        for (String letter : letters) {
            if (letter.isEmpty() || letter.chars().anyMatch(c -> c < 'A' || c > 'Z')) {
                throw new IllegalArgumentException("a response letter must be capital letters, not '" + letter + "'");
            }
        }
        return String.join(" ", letters);
    }

    static Response response(String text) {
        if (text.startsWith("=")) {
            return new Response.Typed(text.substring(1));
        }
        if (text.equals("true") || text.equals("false")) {
            return Response.Truth.of(text.equals("true"));
        }
        return new Response.Letters(text.isEmpty() ? List.of() : List.of(text.split(" ")));
    }

    /** Points are kept in thousandths: the scoring policy rounds to a thousandth, so this is exact. */
    static long milli(double points) {
        return Math.round(points * 1000);
    }

    static double points(long milli) {
        return milli / 1000.0;
    }

    static Instant instant(long second, int nano) {
        return Instant.ofEpochSecond(second, nano);
    }

    private static StorageException unknown(String what, String word) {
        return new StorageException("The database holds an unknown " + what + " '" + word
                + "'; was it written by a newer version of the bot?");
    }
}
