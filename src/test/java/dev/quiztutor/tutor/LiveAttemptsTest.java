package dev.quiztutor.tutor;

import dev.quiztutor.bank.Question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.quiztutor.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache of live attempts: atomic per attempt, bounded, and rebuilt from the journal on a miss. */
class LiveAttemptsTest {
    private static final Place POST = Place.local(7);
    private final Question question = Fixtures.choice("B");
    private final InMemoryAttemptJournal journal = new InMemoryAttemptJournal();

    private Tutor tutor(LiveAttempts attempts) {
        return new Tutor(Fixtures.shippedBank(), attempts, new InMemoryHistory(), ScoringPolicy.DEFAULT,
                Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC), new Random(1));
    }

    @Test
    void sixteenThreadsAnsweringOneAttemptAtOnceAreCountedOneByOne() throws Exception {
        for (int round = 0; round < 20; round++) {
            InMemoryAttemptJournal events = new InMemoryAttemptJournal();
            Tutor tutor = tutor(new LiveAttempts(events, LiveAttempts.Settings.DEFAULT));
            List<Feedback> feedback = race(16, () -> tutor.answer(POST, 1, question, Response.of("B")).feedback());
            long correct = feedback.stream().filter(f -> f instanceof Feedback.Correct).count();
            long already = feedback.stream().filter(f -> f instanceof Feedback.AlreadyEnded).count();
            assertEquals(1, correct, "exactly one of 16 simultaneous right answers counts");
            assertEquals(15, already);
            assertEquals(1, events.eventCount(), "one event recorded");
        }
    }

    @Test
    void sixteenSimultaneousWrongAnswersUseExactlyTheThreeTries() throws Exception {
        InMemoryAttemptJournal events = new InMemoryAttemptJournal();
        Tutor tutor = tutor(new LiveAttempts(events, LiveAttempts.Settings.DEFAULT));
        List<Feedback> feedback = race(16, () -> tutor.answer(POST, 1, question, Response.of("A")).feedback());
        assertEquals(2, feedback.stream().filter(f -> f instanceof Feedback.Incorrect).count());
        assertEquals(1, feedback.stream().filter(f -> f instanceof Feedback.OutOfTries).count());
        assertEquals(13, feedback.stream().filter(f -> f instanceof Feedback.AlreadyEnded).count());
        assertEquals(3, events.eventCount());
    }

    @Test
    void eachUserHasTheirOwnAttemptOnTheSamePost() {
        Tutor tutor = tutor(new LiveAttempts(journal, LiveAttempts.Settings.DEFAULT));
        tutor.answer(POST, 1, question, Response.of("A"));
        tutor.answer(POST, 1, question, Response.of("C"));
        Feedback bob = tutor.answer(POST, 2, question, Response.of("A")).feedback();
        assertEquals(2, bob.progress().triesLeft(), "Alice's tries are hers alone");
        Feedback otherPost = tutor.answer(Place.local(8), 1, question, Response.of("B")).feedback();
        assertInstanceOf(Feedback.Correct.class, otherPost, "another post is a fresh attempt");
    }

    @Test
    void anEvictedAttemptIsRebuiltFromTheJournalWithoutRegainingTries() {
        LiveAttempts attempts = new LiveAttempts(journal, LiveAttempts.Settings.DEFAULT);
        Tutor tutor = tutor(attempts);
        tutor.answer(POST, 1, question, Response.of("A"));
        tutor.answer(POST, 1, question, Response.of("C"));
        attempts.invalidateAll();
        assertEquals(0, attempts.estimatedSize());
        Feedback last = tutor.answer(POST, 1, question, Response.of("D")).feedback();
        assertInstanceOf(Feedback.OutOfTries.class, last, "the two earlier tries still count");
        attempts.invalidateAll();
        assertInstanceOf(Feedback.AlreadyEnded.class, tutor.answer(POST, 1, question, Response.of("B")).feedback());
    }

    @Test
    void aFirstClickIsStoredWithoutReadingTheJournalAndAnAttemptStartedElsewhereIsStillReplayed() {
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        AttemptJournal counting = new AttemptJournal() {
            @Override
            public List<AttemptEvent> load(AttemptKey key) {
                loads.incrementAndGet();
                return journal.load(key);
            }

            @Override
            public void append(RecordedEvent event) {
                journal.append(event);
            }

            @Override
            public boolean appendFirst(RecordedEvent event) {
                return journal.appendFirst(event);
            }
        };
        LiveAttempts attempts = new LiveAttempts(counting, LiveAttempts.Settings.DEFAULT);
        Tutor tutor = tutor(attempts);
        assertInstanceOf(Feedback.Incorrect.class, tutor.answer(POST, 1, question, Response.of("A")).feedback());
        assertEquals(0, loads.get(), "a member's first click is decided as a new attempt, not read");
        assertEquals(1, journal.eventCount());

        // Another process (or this one before a restart) took two of member 2's tries; this cache never saw them.
        Tutor elsewhere = tutor(new LiveAttempts(journal, LiveAttempts.Settings.DEFAULT));
        elsewhere.answer(POST, 2, question, Response.of("A"));
        elsewhere.answer(POST, 2, question, Response.of("C"));
        assertInstanceOf(Feedback.OutOfTries.class, tutor.answer(POST, 2, question, Response.of("D")).feedback(),
                "the tries taken elsewhere count: the attempt is replayed, not started afresh");
        assertEquals(1, loads.get());
        assertEquals(4, journal.eventCount(), "the guess stored nothing");
        assertEquals(new LiveAttempts.Stats(2, 0, 2), attempts.stats(), "two look-ups, each missed once");
    }

    @Test
    void idleAttemptsExpireAndTheCacheStaysBounded() {
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = nanos::get;
        LiveAttempts attempts = new LiveAttempts(journal, new LiveAttempts.Settings(100, Duration.ofMinutes(30)), ticker);
        Tutor tutor = tutor(attempts);
        tutor.hint(POST, 1, question);
        nanos.addAndGet(Duration.ofMinutes(29).toNanos());
        attempts.cleanUp();
        assertEquals(1, attempts.estimatedSize(), "still live after 29 minutes");
        nanos.addAndGet(Duration.ofMinutes(31).toNanos());
        attempts.cleanUp();
        assertEquals(0, attempts.estimatedSize(), "expired after 30 idle minutes");
        assertEquals(1, tutor.progress(POST, 1, question).hintsShown(), "and rebuilt from the journal");
        for (int user = 0; user < 1000; user++) {
            tutor.hint(POST, user, question);
        }
        attempts.cleanUp();
        assertTrue(attempts.estimatedSize() <= 100, "bounded: " + attempts.estimatedSize());
    }

    @Test
    void aJournalFailureCountsNothing() {
        AttemptJournal failing = new AttemptJournal() {
            @Override
            public List<AttemptEvent> load(AttemptKey key) {
                return List.of();
            }

            @Override
            public void append(RecordedEvent event) {
                throw new IllegalStateException("disk full");
            }
        };
        LiveAttempts attempts = new LiveAttempts(failing, LiveAttempts.Settings.DEFAULT);
        Tutor tutor = tutor(attempts);
        assertThrows(IllegalStateException.class, () -> tutor.answer(POST, 1, question, Response.of("A")));
        assertEquals(3, tutor.progress(POST, 1, question).triesLeft(), "the failed try is not counted");
    }

    /**
     * A journal write that fails after its commit (the connection lost on the way back, an I/O error
     * reported by COMMIT): the event is stored though the caller saw an exception. The cached attempt
     * must not stand for it, or the next click would get the try back.
     */
    @Test
    void anAmbiguousJournalFailureGivesNoTryBack() {
        InMemoryAttemptJournal stored = new InMemoryAttemptJournal();
        boolean[] failNext = new boolean[1];
        AttemptJournal lostAfterCommit = new AttemptJournal() {
            @Override
            public List<AttemptEvent> load(AttemptKey key) {
                return stored.load(key);
            }

            @Override
            public void append(RecordedEvent event) {
                stored.append(event);
                if (failNext[0]) {
                    failNext[0] = false;
                    throw new IllegalStateException("I/O error on COMMIT: connection reset");
                }
            }
        };
        Tutor tutor = tutor(new LiveAttempts(lostAfterCommit, LiveAttempts.Settings.DEFAULT));
        assertEquals(2, tutor.answer(POST, 1, question, Response.of("A")).feedback().progress().triesLeft());
        failNext[0] = true;
        assertThrows(IllegalStateException.class, () -> tutor.answer(POST, 1, question, Response.of("C")));
        assertEquals(1, tutor.progress(POST, 1, question).triesLeft(), "the stored try counts");
        Feedback last = tutor.answer(POST, 1, question, Response.of("D")).feedback();
        assertInstanceOf(Feedback.OutOfTries.class, last, "the third try is the last: " + last);
        assertEquals(3, stored.eventCount());
    }

    @Test
    void theJournalGetsWhatStorageNeedsForFigures() {
        List<RecordedEvent> recorded = new ArrayList<>();
        AttemptJournal spy = new AttemptJournal() {
            @Override
            public List<AttemptEvent> load(AttemptKey key) {
                return List.of();
            }

            @Override
            public void append(RecordedEvent event) {
                recorded.add(event);
            }
        };
        Tutor tutor = tutor(new LiveAttempts(spy, LiveAttempts.Settings.DEFAULT));
        tutor.answer(new Place(42, 7), 1, question, Response.of("A"));
        tutor.answer(new Place(42, 7), 1, question, Response.of("B"));
        assertEquals(2, recorded.size());
        RecordedEvent last = recorded.get(1);
        assertEquals(new AttemptKey(new Place(42, 7), 1, question.ref()), last.key());
        assertTrue(last.ends());
        assertEquals(0.667, last.scoreAfter());
        assertEquals(question.difficulty(), last.difficulty());
        assertTrue(!recorded.get(0).ends());
    }

    /**
     * A commit that waits for the disk holds its own attempt and nothing else: other members' answers
     * go on meanwhile, including while the cache grows (its map resizes bin by bin, and an update
     * that held a bin of it during the commit stalled every thread that met the resize).
     */
    @Test
    void aSlowCommitHoldsUpNoOtherAttempt() throws Exception {
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch disk = new CountDownLatch(1);
        InMemoryAttemptJournal stored = new InMemoryAttemptJournal();
        AttemptJournal slowForUserZero = new AttemptJournal() {
            @Override
            public List<AttemptEvent> load(AttemptKey key) {
                return stored.load(key);
            }

            @Override
            public void append(RecordedEvent event) {
                if (event.key().user() == 0) {
                    committing.countDown();
                    try {
                        disk.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                stored.append(event);
            }
        };
        Tutor tutor = tutor(new LiveAttempts(slowForUserZero, LiveAttempts.Settings.DEFAULT));
        ExecutorService slow = Executors.newSingleThreadExecutor();
        try {
            Future<Feedback> first = slow.submit(() -> tutor.answer(POST, 0, question, Response.of("A")).feedback());
            assertTrue(committing.await(10, TimeUnit.SECONDS));
            ExecutorService others = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> answered = others.submit(() -> {
                    for (int user = 1; user <= 20_000; user++) {
                        tutor.answer(POST, user, question, Response.of("B"));
                    }
                    return 20_000;
                });
                // Not a speed check: before, these stalled until the commit of user 0 came back (never here).
                assertEquals(20_000, answered.get(60, TimeUnit.SECONDS), "others answered while user 0's commit waits");
            } finally {
                others.shutdownNow();
            }
            assertTrue(!first.isDone(), "user 0 is still waiting for the disk");
            disk.countDown();
            assertEquals(2, first.get(10, TimeUnit.SECONDS).progress().triesLeft());
            assertEquals(20_001, stored.eventCount(), "every acknowledged answer is stored");
        } finally {
            disk.countDown();
            slow.shutdownNow();
        }
    }

    private static <T> List<T> race(int threads, java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(10, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
