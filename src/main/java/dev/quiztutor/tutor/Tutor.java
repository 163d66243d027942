package dev.quiztutor.tutor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quiztutor.bank.Banks;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Topic;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The tutor every front end talks to: it picks questions, decides and records each user's practice
 * actions, draws topic tests and lays out lessons. No I/O of its own: time comes from the clock,
 * events go to the journal behind {@link LiveAttempts}.
 */
public final class Tutor {
    /** How many recently met questions picking tries to avoid. */
    static final int RECENT = 20;

    private final Banks banks;
    private final LiveAttempts attempts;
    private final History history;
    private final Practice practice;
    private final Clock clock;
    private final RandomGenerator random;
    /**
     * The candidates of each selection, kept with the bank snapshot they were drawn from (weak keys
     * compare by identity): a swapped snapshot (an upload, a reload) starts afresh, and the old one's
     * entries go with it.
     */
    private final Cache<QuizBank, Map<SelectionKey, QuestionPicker.Candidates>> candidates =
            Caffeine.newBuilder().weakKeys().build();

    /** A tutor of one bank with no server topics (the console, tests). */
    public Tutor(QuizBank bank, LiveAttempts attempts, History history, ScoringPolicy scoring, Clock clock,
                 RandomGenerator random) {
        this(Banks.of(bank), attempts, history, scoring, clock, random);
    }

    public Tutor(Banks banks, LiveAttempts attempts, History history, ScoringPolicy scoring, Clock clock,
                 RandomGenerator random) {
        this.banks = Objects.requireNonNull(banks);
        this.attempts = Objects.requireNonNull(attempts);
        this.history = Objects.requireNonNull(history);
        this.practice = new Practice(scoring);
        this.clock = Objects.requireNonNull(clock);
        this.random = new Shared(Objects.requireNonNull(random));
    }

    /**
     * The draws of every thread that picks or starts a test (the bot's interaction workers, the
     * scheduler's posting threads), one at a time: the JDK's seedable generators are not safe for
     * concurrent use, and a race can wreck their state. A draw is a few nanoseconds.
     */
    private static final class Shared implements RandomGenerator {
        private final RandomGenerator inner;

        Shared(RandomGenerator inner) {
            this.inner = inner;
        }

        @Override
        public synchronized long nextLong() {
            return inner.nextLong();
        }

        @Override
        public synchronized int nextInt() {
            return inner.nextInt();
        }

        @Override
        public synchronized int nextInt(int bound) {
            return inner.nextInt(bound);
        }

        @Override
        public synchronized int nextInt(int origin, int bound) {
            return inner.nextInt(origin, bound);
        }

        @Override
        public synchronized double nextDouble() {
            return inner.nextDouble();
        }
    }

    /** Where the topics are: the global ones, and each server's own. */
    public Banks banks() {
        return banks;
    }

    /** The live attempts, whose figures an operator watches (size, hit rate). */
    public LiveAttempts attempts() {
        return attempts;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * What to pick from: a topic or all, a difficulty or any, and the kinds of question (such as
     * {@link QuestionKind#PRACTICE} or {@link QuestionKind#CODE}).
     */
    public record Selection(Optional<Topic> topic, Optional<Difficulty> difficulty, Set<QuestionKind> kinds) {
        public Selection {
            kinds = kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        }

        public static Selection of(Set<QuestionKind> kinds) {
            return new Selection(Optional.empty(), Optional.empty(), kinds);
        }
    }

    /** The questions a selection allows in {@code bank}, before avoiding repeats. */
    public List<Question> candidates(QuizBank bank, Selection selection) {
        return indexed(bank, selection).questions;
    }

    /** What a selection selects, by the names of its parts (a topic's own equality would hash its questions). */
    private record SelectionKey(String topicId, Difficulty difficulty, Set<QuestionKind> kinds) {
    }

    /**
     * The candidates of a selection, worked out once per bank snapshot: a snapshot never changes,
     * and filtering a bank of 100,000 questions for every /practice would cost milliseconds. A topic
     * that is not the bank's own (same id, another object) is filtered afresh.
     */
    private QuestionPicker.Candidates indexed(QuizBank bank, Selection selection) {
        SelectionKey key = new SelectionKey(selection.topic().map(Topic::id).orElse(null),
                selection.difficulty().orElse(null), selection.kinds());
        boolean cacheable = selection.topic().isEmpty()
                || bank.topic(key.topicId()).filter(t -> t == selection.topic().get()).isPresent();
        Map<SelectionKey, QuestionPicker.Candidates> cache = candidates.get(bank, b -> new ConcurrentHashMap<>());
        QuestionPicker.Candidates found = cacheable ? cache.get(key) : null;
        if (found == null) {
            found = new QuestionPicker.Candidates(
                    selection.topic().map(t -> t.questions().stream()).orElseGet(bank::questions)
                            .filter(q -> selection.kinds().contains(q.kind()))
                            .filter(q -> selection.difficulty().map(d -> q.difficulty() == d).orElse(true))
                            .toList());
            if (cacheable) {
                cache.put(key, found);
            }
        }
        return found;
    }

    /** {@link #pick(QuizBank, long, Selection)} from the global bank. */
    public Optional<Question> pick(long audience, Selection selection) {
        return pick(banks.global(), audience, selection);
    }

    /**
     * Picks a question of {@code bank} (the bank of the place, see {@link Banks#forGuild}) for
     * {@code audience} (a user, or a channel), avoiding what it met recently, and remembers that it
     * met it. Empty when the selection has no question.
     */
    public Optional<Question> pick(QuizBank bank, long audience, Selection selection) {
        Optional<Question> picked = QuestionPicker.pick(indexed(bank, selection), history.recent(audience, RECENT), random);
        picked.ifPresent(q -> history.seen(audience, q.ref()));
        return picked;
    }

    public Practice.Outcome answer(Place place, long user, Question question, Response response) {
        return attempts.update(key(place, user, question), question, practice.scoring(),
                a -> practice.answer(question, a, response, clock.instant()));
    }

    public Practice.Outcome hint(Place place, long user, Question question) {
        return attempts.update(key(place, user, question), question, practice.scoring(),
                a -> practice.hint(question, a, clock.instant()));
    }

    public Practice.Outcome giveUp(Place place, long user, Question question) {
        return attempts.update(key(place, user, question), question, practice.scoring(),
                a -> practice.giveUp(question, a, clock.instant()));
    }

    /** Where a user's attempt stands, without acting on it. */
    public Feedback.Progress progress(Place place, long user, Question question) {
        return practice.progress(question, attempts.get(key(place, user, question), question));
    }

    /**
     * Forgets the attempts of {@code user} held in memory, once the store deleted theirs: the next
     * click starts afresh instead of replaying what the cache still held.
     */
    public void dropLiveAttempts(long user) {
        attempts.dropUser(user);
    }

    public ScoringPolicy scoring() {
        return practice.scoring();
    }

    public TopicTest startTest(Topic topic, int size) {
        return TopicTest.start(TopicTest.draw(topic, size, random));
    }

    /**
     * Keeps what one step of a member's topic test filled in ({@code before} to {@code after}: an answer, a
     * skip, or a finish) as attempt events at {@link Place#test}{@code (guild, testId)}, so that topic tests
     * count towards the member's review cards and the question statistics, and score nothing (the test has
     * its own report). Call it when the step is taken, before the test is saved: each answer is then kept
     * as soon as it is given, and a crash in between loses nothing.
     * <ul>
     *   <li>an answered question: one {@link AttemptEvent.Answered} with the response and its grade (as
     *       in a deferred-feedback test: one try, marked now, told at the end);</li>
     *   <li>a question skipped, or the question on screen when the member finished early: a give-up, as the
     *       member met it and could not answer it (Again for review);</li>
     *   <li>the questions a finish leaves never shown: nothing, since the member never met them (the
     *       report counts them as missed; review brings back only what was met).</li>
     * </ul>
     * Idempotent per question: a question whose test attempt already has an event keeps it, so a step
     * replayed after a crash (kept here, the test not yet saved) cannot record a second try.
     */
    public void recordTest(long guild, long user, long testId, TopicTest before, TopicTest after) {
        if (!after.paper().equals(before.paper())) {
            throw new IllegalArgumentException("two steps of different tests");
        }
        Place place = Place.test(guild, testId);
        for (int i = before.position(); i < after.position(); i++) {
            Question question = after.paper().questions().get(i);
            Optional<Response> given = after.answers().get(i);
            boolean seen = i == before.position();
            if (given.isEmpty() && !seen) {
                continue;
            }
            attempts.update(key(place, user, question), question, practice.scoring(), a -> {
                if (!a.events().isEmpty()) {
                    return new Practice.Outcome(a, Optional.empty(), new Feedback.AlreadyEnded(practice.progress(question, a)));
                }
                return given.isPresent() ? practice.answer(question, a, given.get(), clock.instant())
                        : practice.giveUp(question, a, clock.instant());
            });
        }
    }

    /** The lesson of a topic as pages, empty when the topic has no lesson. */
    public List<LessonPage> lesson(Topic topic) {
        return topic.lesson().map(LessonPage::of).orElse(List.of());
    }

    private static AttemptKey key(Place place, long user, Question question) {
        return new AttemptKey(place, user, question.ref());
    }
}
