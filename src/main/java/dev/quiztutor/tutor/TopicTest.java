package dev.quiztutor.tutor;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A topic test with deferred feedback: a paper of questions across easy, medium and hard, answered
 * one after another with nothing marked until the end, then a report. Immutable: answering makes a
 * new test, so a front end can keep one per user without locks.
 */
public final class TopicTest {
    public static final int DEFAULT_SIZE = 10;

    /** The questions drawn, easy first; {@code requested} tells whether the bank had enough. */
    public record Paper(String topicId, String topicTitle, List<Question> questions, int requested) {
        public Paper {
            questions = List.copyOf(questions);
        }

        public boolean shorterThanRequested() {
            return questions.size() < requested;
        }
    }

    /**
     * Draws up to {@code size} distinct questions, balanced across difficulties as far as the bank
     * allows: a round-robin over easy, medium and hard, each turn taking a random unused question of
     * that difficulty, skipping a difficulty that has run out.
     */
    public static Paper draw(Topic topic, int size, RandomGenerator random) {
        Map<Difficulty, List<Question>> pools = new EnumMap<>(Difficulty.class);
        for (Difficulty d : Difficulty.values()) {
            pools.put(d, new ArrayList<>());
        }
        topic.questions().forEach(q -> pools.get(q.difficulty()).add(q));
        List<Question> drawn = new ArrayList<>();
        boolean tookAny = true;
        while (drawn.size() < size && tookAny) {
            tookAny = false;
            for (Difficulty d : Difficulty.values()) {
                List<Question> pool = pools.get(d);
                if (drawn.size() < size && !pool.isEmpty()) {
                    drawn.add(pool.remove(random.nextInt(pool.size())));
                    tookAny = true;
                }
            }
        }
        drawn.sort(Comparator.comparing(Question::difficulty));
        return new Paper(topic.id(), topic.title(), drawn, size);
    }

    private final Paper paper;
    private final List<Optional<Response>> answers;

    private TopicTest(Paper paper, List<Optional<Response>> answers) {
        this.paper = paper;
        this.answers = List.copyOf(answers);
    }

    public static TopicTest start(Paper paper) {
        return new TopicTest(paper, List.of());
    }

    /** A test resumed from its answers so far (empty = skipped), as after a restart. */
    public static TopicTest resume(Paper paper, List<Optional<Response>> answers) {
        if (answers.size() > paper.questions().size()) {
            throw new IllegalArgumentException("more answers than questions");
        }
        return new TopicTest(paper, answers);
    }

    public Paper paper() {
        return paper;
    }

    public List<Optional<Response>> answers() {
        return answers;
    }

    /** 0-based index of the question being asked; equals the size when finished. */
    public int position() {
        return answers.size();
    }

    public int size() {
        return paper.questions().size();
    }

    public boolean finished() {
        return answers.size() >= paper.questions().size();
    }

    public Optional<Question> current() {
        return finished() ? Optional.empty() : Optional.of(paper.questions().get(position()));
    }

    /** Records the answer to the current question; nothing is marked until the report. */
    public TopicTest answer(Response response) {
        return next(Optional.of(response));
    }

    /** Leaves the current question unanswered; it counts as missed. */
    public TopicTest skip() {
        return next(Optional.empty());
    }

    /** Ends the test now; the questions not reached count as missed. */
    public TopicTest finish() {
        List<Optional<Response>> all = new ArrayList<>(answers);
        while (all.size() < size()) {
            all.add(Optional.empty());
        }
        return new TopicTest(paper, all);
    }

    private TopicTest next(Optional<Response> response) {
        if (finished()) {
            throw new IllegalStateException("the test is finished");
        }
        List<Optional<Response>> more = new ArrayList<>(answers);
        more.add(response);
        return new TopicTest(paper, more);
    }

    /** A question answered wrongly or not at all, with what the user gave. */
    public record Missed(int number, Question question, Optional<Response> given, Optional<Grade> grade) {
    }

    /** Right answers out of questions. */
    public record Tally(int right, int total) {
        public int percent() {
            return total == 0 ? 0 : (int) Math.round(100.0 * right / total);
        }
    }

    /** The end-of-test report: overall, per difficulty, the verdict, and the missed questions. */
    public record Report(Paper paper, Tally overall, Map<Difficulty, Tally> byDifficulty, Verdict verdict,
                         List<Missed> missed) {
        public Report {
            byDifficulty = Map.copyOf(byDifficulty);
            missed = List.copyOf(missed);
        }
    }

    public Report report() {
        if (!finished()) {
            throw new IllegalStateException("the test is not finished");
        }
        Map<Difficulty, int[]> counts = new EnumMap<>(Difficulty.class);
        List<Missed> missed = new ArrayList<>();
        int right = 0;
        for (int i = 0; i < size(); i++) {
            Question q = paper.questions().get(i);
            Optional<Response> given = answers.get(i);
            Optional<Grade> grade = given.map(r -> Grade.of(q, r));
            boolean correct = grade.map(Grade::correct).orElse(false);
            int[] count = counts.computeIfAbsent(q.difficulty(), d -> new int[2]);
            count[1]++;
            if (correct) {
                count[0]++;
                right++;
            } else {
                missed.add(new Missed(i + 1, q, given, grade));
            }
        }
        Map<Difficulty, Tally> byDifficulty = new EnumMap<>(Difficulty.class);
        counts.forEach((d, c) -> byDifficulty.put(d, new Tally(c[0], c[1])));
        return new Report(paper, new Tally(right, size()), byDifficulty, Verdict.of(right, size()), missed);
    }
}
