package dev.quiztutor.tutor.progress;

import dev.quiztutor.bank.Difficulty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Where a member's right answers are read from: the attempts they solved, with when and how hard. */
public interface RightAnswers {
    /** One solved attempt: when it was solved, and the question's difficulty. */
    record Solved(Instant at, Difficulty difficulty) {
        public Solved {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(difficulty, "difficulty");
        }
    }

    /**
     * The attempts the member solved in the guild at or after {@code since}, in any order: at practice
     * and scheduled posts, in topic tests and reviews; not a lesson's quiz, which anyone can open and
     * answer again and again.
     */
    List<Solved> solvedSince(long guild, long user, Instant since);
}
