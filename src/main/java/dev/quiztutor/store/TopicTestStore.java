package dev.quiztutor.store;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.TopicTest;
import dev.quiztutor.tutor.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Topic tests that outlive a restart: a test in progress is saved after every answer and resumed from
 * its saved paper and answers; a finished test leaves its result, which {@code /progress} shows.
 */
public interface TopicTestStore {
    /**
     * One test of one user in one guild (0 outside a guild). {@code test} is any id unique for that
     * user there, such as the id of the message the test was started from.
     */
    record TestId(long guild, long user, long test) {
    }

    /** A test in progress as saved: the paper as question refs in order, and the answers so far (empty = skipped). */
    record SavedTest(TestId id, String topicId, int requested, List<QuestionRef> questions,
                     List<Optional<Response>> answers, Instant started) {
        public SavedTest {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(topicId, "topicId");
            questions = List.copyOf(questions);
            answers = List.copyOf(answers);
            if (answers.size() > questions.size()) {
                throw new IllegalArgumentException("more answers than questions");
            }
        }

        /**
         * The test as it stood, its paper rebuilt from {@code bank}; empty when the bank no longer has
         * the topic or one of the questions (a quiz file was edited), and the test cannot go on as it was.
         */
        public Optional<TopicTest> resume(QuizBank bank) {
            Optional<Topic> topic = bank.topic(topicId);
            if (topic.isEmpty()) {
                return Optional.empty();
            }
            List<Question> paper = new ArrayList<>();
            for (QuestionRef ref : questions) {
                Optional<Question> question = bank.question(ref);
                if (question.isEmpty()) {
                    return Optional.empty();
                }
                paper.add(question.get());
            }
            return Optional.of(TopicTest.resume(
                    new TopicTest.Paper(topicId, topic.get().title(), paper, requested), answers));
        }
    }

    /** Right answers out of questions of one difficulty in a test. */
    record DifficultyTally(Difficulty difficulty, TopicTest.Tally tally) {
    }

    /** A finished test as its report told the user; {@code byDifficulty} in easy, medium, hard order. */
    record TestResult(TestId id, String topicId, TopicTest.Tally overall, List<DifficultyTally> byDifficulty,
                      Verdict verdict, Instant finished) {
        public TestResult {
            byDifficulty = List.copyOf(byDifficulty);
        }
    }

    /**
     * Saves the test as it stands, replacing what was saved under {@code id}: call it when the test
     * starts and after every answer or skip. Durable when it returns.
     */
    void save(TestId id, TopicTest test);

    Optional<SavedTest> find(TestId id);

    /** The user's tests in progress in the guild, oldest first: what to offer to resume after a restart. */
    List<SavedTest> inProgress(long guild, long user);

    /**
     * Stores the result of a finished test and forgets it as in progress, in one transaction. Finishing
     * the same test twice keeps the first result.
     */
    TestResult finish(TestId id, TopicTest.Report report);

    /** Forgets a test in progress without a result (the user abandoned it). */
    void discard(TestId id);

    /**
     * Forgets, without a result, every test in progress (of every guild and user) last saved before
     * {@code untouchedSince}: tests their users walked away from. Returns how many.
     */
    int discardAbandoned(Instant untouchedSince);

    /** The user's latest results in the guild, newest first. */
    List<TestResult> results(long guild, long user, int limit);
}
