package dev.quiztutor.tutor;

import java.util.Objects;

/**
 * Where a question was asked: the post (a Discord message id; a console question number) and the
 * guild it is in (0 outside Discord). Every member answering the same post has their own attempt;
 * another day's post of the same question is a fresh attempt.
 */
public record Place(long guild, long post, Kind kind) {
    /**
     * What sort of place it is. A post is public and scored; a lesson is one member's walk-through,
     * opened again with every {@code /learn}, so its quiz answers are graded and kept but score
     * nothing: otherwise the same question answered on each new lesson message would add points.
     * A topic test's answers ({@link #TEST}, the post being the test's id) and a review session's
     * ({@link #REVIEW}) are kept for the member's review cards and the question statistics, and score
     * nothing either: a test has its own report, and a review asks again what was already scored.
     */
    public enum Kind {
        POST(true), LESSON(false), TEST(false), REVIEW(false);

        private final boolean scored;

        Kind(boolean scored) {
            this.scored = scored;
        }

        /** Whether an attempt ended here adds to the member's figures, points and leaderboard. */
        public boolean scored() {
            return scored;
        }
    }

    public Place {
        Objects.requireNonNull(kind, "kind");
    }

    /** A post: what every practice, code and scheduled question is. */
    public Place(long guild, long post) {
        this(guild, post, Kind.POST);
    }

    /** A lesson page's own quiz question in one member's lesson message. */
    public static Place lesson(long guild, long message) {
        return new Place(guild, message, Kind.LESSON);
    }

    /** One answer of a member's topic test: the test's id stands in for the post. */
    public static Place test(long guild, long testId) {
        return new Place(guild, testId, Kind.TEST);
    }

    /** A question of a member's review session, identified by {@code session} (a message id, a counter). */
    public static Place review(long guild, long session) {
        return new Place(guild, session, Kind.REVIEW);
    }

    /** The console and tests: no guild. */
    public static Place local(long post) {
        return new Place(0, post);
    }
}
