package dev.quiztutor.schedule;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.AttemptJournal;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.PlaceSummary;
import dev.quiztutor.tutor.Tutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the schedules of the guilds this process owns: each pass ({@link #tick}) posts the slots that
 * are due and reveals the answers that are due. All time comes from the clock, so a test can run a
 * week of schedules in a moment.
 *
 * <h2>Exactly once</h2>
 * A slot is posted only by the pass whose claim the store accepted ({@link ScheduleStore#claim}), so
 * a second process, or this one after a restart, never posts it again. The slot's outcome is
 * recorded under the claim. What happens when that outcome never comes:
 * <ul>
 * <li><b>A claim with no outcome is taken over after the claim timeout</b> (10 minutes by default):
 *     the process that made it stopped between claiming and recording. Whoever takes it over posts
 *     it if the slot is still inside the grace window, and records it as skipped otherwise. Not
 *     retrying would lose the day's post to any crash or kill during the post, the likeliest moment
 *     for one (it waits for Discord). The price is a rare double post: when a process stopped (or
 *     its database write failed) in the few milliseconds after Discord accepted the post and before
 *     the outcome committed. The timeout is far longer than a post may take ({@link Poster} must
 *     give up well before), so a slow post is not mistaken for a dead one. {@link #close} waits for
 *     a pass in progress, so a normal shutdown or restart never leaves a claim behind.
 * <li><b>A failure that may pass</b> (Discord unavailable, a timeout) is retried every
 *     {@link Settings#retryDelay} while the slot is inside the grace window; then the slot fails.
 * <li><b>A permanent failure</b> (missing permissions, channel deleted), a topic gone from the bank
 *     or no question to ask fails the slot at once.
 * </ul>
 * A failed slot counts one consecutive failure on the schedule, a posted slot resets the count,
 * and at {@link Settings#pauseAfterFailures} the schedule pauses itself with the reason
 * ({@link Pause.AfterFailures}). A skipped slot counts neither way.
 *
 * <h2>Missed slots</h2>
 * A pass looks at each schedule's latest slot due at or before now. If it is late by at most the
 * grace window (a restart at 18:40 for 18:00) it is posted now; if later, it is recorded as skipped
 * and logged, and the next day's slot posts as usual. Slots before the latest are never posted.
 *
 * <h2>Reveals</h2>
 * A posted slot of a schedule with a reveal is due for its reveal that many hours after it was
 * posted. Reveals are claimed like slots. A reveal comes however late (the answer is still worth
 * having); one that fails in a way that may pass is retried every retry delay, up to
 * {@link Settings#revealTries} tries. Posts are revealed even if their schedule was paused or
 * removed since.
 *
 * <h2>Many at once</h2>
 * When a thousand guilds' schedules fire in the same minute, a pass posts to up to
 * {@link Settings#postsAtOnce} channels at the same time, on threads of its own, and waits for them
 * all; the schedules and reveals of one channel run one after another. The poster keeps the pace
 * Discord allows. Claims make this safe: a slot is posted by whoever the store gave it to.
 */
public final class Scheduler implements AutoCloseable {
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    /** How many latest slots {@link #overview} shows per schedule. */
    private static final int RECENT_SLOTS = 5;
    /** How long {@link #close} waits for a pass in progress: longer than a post may take. */
    private static final Duration CLOSE_WAIT = Duration.ofMinutes(2);

    /**
     * @param grace              how late a slot may still be posted (a restart after its time)
     * @param pauseAfterFailures failed slots in a row after which a schedule pauses itself
     * @param claimTimeout       after this long without an outcome, a claim is deemed abandoned
     * @param retryDelay         the wait before trying again after a failure that may pass
     * @param revealTries        tries of one reveal before giving it up
     * @param postsAtOnce        how many channels a pass posts to (or reveals in) at the same time
     */
    public record Settings(Duration grace, int pauseAfterFailures, Duration claimTimeout, Duration retryDelay,
                           int revealTries, int postsAtOnce) {
        /**
         * Eight posts at once: a post waits about a round trip for Discord (100 ms or more), so one
         * at a time is 10 posts a second, and 1,000 guilds due at 17:00 would get theirs over nearly
         * two minutes. Eight in flight reach Discord's global limit of 50 requests a second, which
         * the poster paces to; more would only queue for it (measured in BENCHMARKS.md, fan-out).
         */
        public static final int DEFAULT_POSTS_AT_ONCE = 8;
        /** More would be threads waiting for the pace, not posts going out sooner. */
        public static final int MAX_POSTS_AT_ONCE = 64;
        public static final Settings DEFAULT = new Settings(Duration.ofHours(2), 3, Duration.ofMinutes(10),
                Duration.ofMinutes(5), 5, DEFAULT_POSTS_AT_ONCE);

        public Settings {
            Objects.requireNonNull(grace, "grace");
            Objects.requireNonNull(claimTimeout, "claimTimeout");
            Objects.requireNonNull(retryDelay, "retryDelay");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("the grace window cannot be negative");
            }
            if (pauseAfterFailures < 1) {
                throw new IllegalArgumentException("pause after at least 1 failure, not " + pauseAfterFailures);
            }
            if (claimTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("the claim timeout must be at least a minute, longer than a post"
                        + " may take, not " + claimTimeout);
            }
            if (retryDelay.isNegative() || retryDelay.isZero()) {
                throw new IllegalArgumentException("the retry delay must be positive");
            }
            if (revealTries < 1) {
                throw new IllegalArgumentException("a reveal is tried at least once");
            }
            if (postsAtOnce < 1 || postsAtOnce > MAX_POSTS_AT_ONCE) {
                throw new IllegalArgumentException("posts at once must be from 1 to " + MAX_POSTS_AT_ONCE + ", not "
                        + postsAtOnce);
            }
        }

        public Settings withGrace(Duration window) {
            return new Settings(window, pauseAfterFailures, claimTimeout, retryDelay, revealTries, postsAtOnce);
        }

        public Settings withPauseAfterFailures(int failures) {
            return new Settings(grace, failures, claimTimeout, retryDelay, revealTries, postsAtOnce);
        }

        public Settings withPostsAtOnce(int posts) {
            return new Settings(grace, pauseAfterFailures, claimTimeout, retryDelay, revealTries, posts);
        }
    }

    private final ScheduleStore store;
    private final Tutor tutor;
    private final AttemptJournal journal;
    private final Poster poster;
    private final LongPredicate ownsGuild;
    private final Clock clock;
    private final Settings settings;
    private final LongFunction<OptionalInt> membersWithReviews;
    /**
     * The latest settled slot date of each schedule, so that a pass reads nothing for a slot already
     * done: a settled slot never changes. Pruned to the active schedules every pass.
     */
    private final Map<Long, LocalDate> settled = new ConcurrentHashMap<>();
    private final ReentrantLock running = new ReentrantLock();
    /**
     * The threads that post for a pass, at most {@link Settings#postsAtOnce}; they stop when idle
     * for a while, so a bot whose schedules fire once a day holds no threads in between.
     */
    private final ThreadPoolExecutor posting;
    private ScheduledFuture<?> task;
    private volatile boolean closed;

    /**
     * @param ownsGuild whether this process runs a guild's schedules: "the guild is on one of my
     *                  shards"; a guild it does not own is left alone, slots and reveals alike
     */
    public Scheduler(ScheduleStore store, Tutor tutor, AttemptJournal journal, Poster poster, LongPredicate ownsGuild,
                     Clock clock, Settings settings) {
        this(store, tutor, journal, poster, ownsGuild, clock, settings, guild -> OptionalInt.empty());
    }

    /**
     * @param membersWithReviews how many members of a guild have reviews due today, for the reveals to
     *                           say (a number, never a ping); empty when unknown
     */
    public Scheduler(ScheduleStore store, Tutor tutor, AttemptJournal journal, Poster poster, LongPredicate ownsGuild,
                     Clock clock, Settings settings, LongFunction<OptionalInt> membersWithReviews) {
        this.membersWithReviews = Objects.requireNonNull(membersWithReviews);
        this.store = Objects.requireNonNull(store);
        this.tutor = Objects.requireNonNull(tutor);
        this.journal = Objects.requireNonNull(journal);
        this.poster = Objects.requireNonNull(poster);
        this.ownsGuild = Objects.requireNonNull(ownsGuild);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        AtomicInteger threads = new AtomicInteger();
        this.posting = new ThreadPoolExecutor(settings.postsAtOnce(), settings.postsAtOnce(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "quiztutor-post-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.posting.allowCoreThreadTimeOut(true);
    }

    public Settings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs a pass every {@code every} (the first at once) on {@code executor}, never two at a time.
     * A pass that fails is logged and the next one runs as usual. After {@link #close} it does nothing:
     * a shard can become ready while the process is already stopping.
     */
    public synchronized void start(ScheduledExecutorService executor, Duration every) {
        if (closed) {
            log.debug("not started: the scheduler is closed");
            return;
        }
        if (task != null) {
            throw new IllegalStateException("the scheduler is already running");
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the scheduler's interval must be positive, not " + every);
        }
        task = Periodic.withFixedDelay(executor, "the scheduler's pass", Duration.ZERO, every, this::pass);
    }

    /** Stops the passes and waits for one in progress, so that what it posted is recorded. */
    @Override
    public void close() {
        ScheduledFuture<?> stopping;
        synchronized (this) {
            closed = true;
            stopping = task;
        }
        if (stopping != null) {
            stopping.cancel(false);
        }
        try {
            if (running.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.unlock();
            } else {
                log.warn("Scheduler: a pass still runs after {} s; closing without it", CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        posting.shutdown();
    }

    /**
     * The executor's pass. Nothing may escape it: a scheduled executor silently cancels a task that
     * throws, which would stop every daily post with no sign but this log.
     */
    private void pass() {
        running.lock();
        try {
            if (!closed) {
                tick();
            }
        } catch (RuntimeException | Error e) {
            log.error("Scheduler: the pass failed; the next one runs in the usual interval", e);
        } finally {
            running.unlock();
        }
    }

    /**
     * One pass at the clock's now: the latest due slot of every active schedule of the owned guilds,
     * then the due reveals. Safe to run concurrently with itself and with other processes: every
     * action is claimed in the store first. A failure of one schedule is logged and the others go on;
     * a failure to list the schedules throws.
     */
    public void tick() {
        Instant now = clock.instant();
        List<Schedule> active = store.active();
        Set<Long> ids = active.stream().map(Schedule::id).collect(Collectors.toSet());
        settled.keySet().retainAll(ids);
        Map<Long, List<Due>> dueByChannel = new LinkedHashMap<>();
        for (Schedule schedule : active) {
            if (!ownsGuild.test(schedule.guild())) {
                continue;
            }
            // The latest slot, unless this process knows it settled: a settled slot never changes.
            schedule.latestSlot(now).filter(slot -> !slot.date().equals(settled.get(schedule.id())))
                    .ifPresent(slot -> dueByChannel.computeIfAbsent(schedule.channel(), c -> new ArrayList<>())
                            .add(new Due(schedule, slot)));
        }
        inParallel(dueByChannel.values(), due -> {
            try {
                runSlot(due.schedule(), due.slot(), now);
            } catch (RuntimeException e) {
                log.error("Schedule {}: the pass failed for it; it is tried again next pass", due.schedule().id(), e);
            }
        });
        Map<Long, List<DueReveal>> revealsByChannel = new LinkedHashMap<>();
        for (DueReveal reveal : store.dueReveals(now, staleBefore(now))) {
            if (ownsGuild.test(reveal.guild())) {
                revealsByChannel.computeIfAbsent(reveal.channel(), c -> new ArrayList<>()).add(reveal);
            }
        }
        inParallel(revealsByChannel.values(), reveal -> {
            try {
                runReveal(reveal, now);
            } catch (RuntimeException e) {
                log.error("Schedule {}: revealing the answer of {} failed; it is tried again next pass",
                        reveal.scheduleId(), reveal.date(), e);
            }
        });
    }

    /** A schedule's latest slot that a pass looks at. */
    private record Due(Schedule schedule, Slot slot) {
    }

    /**
     * Runs the groups on the posting threads and waits for all of them; the items of one group (one
     * channel) one after another, so that two schedules of a channel do not pick at the same time
     * and its posts keep their order. A single group runs on the calling thread.
     */
    private <T> void inParallel(Collection<List<T>> groups, Consumer<T> action) {
        if (groups.size() <= 1 || settings.postsAtOnce() == 1) {
            groups.forEach(group -> group.forEach(action));
            return;
        }
        List<Future<?>> running = new ArrayList<>(groups.size());
        try {
            for (List<T> group : groups) {
                running.add(posting.submit(() -> group.forEach(action)));
            }
        } catch (RejectedExecutionException e) {
            // Closed while the pass was starting: what was not submitted is tried by the next process.
            log.info("Scheduler: closing; {} channel(s) of this pass are left for the next run",
                    groups.size() - running.size());
        }
        for (Future<?> one : running) {
            try {
                one.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // The actions catch what they can; an Error (out of memory) goes to the pass's handler.
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                log.error("Scheduler: a posting thread failed", e.getCause());
            }
        }
    }

    // ------------------------------------------------------------------ commands

    /**
     * {@code /schedule now}: posts one question for the schedule at once, to test it. It is not a
     * slot: today's slot still posts at its time, nothing counts as a failure or a success of the
     * schedule, and the answer is not revealed automatically. The question is remembered for the
     * channel like any other, so the next slots do not repeat it.
     */
    public PostResult postNow(Schedule schedule) {
        Instant now = clock.instant();
        Picked picked = pick(schedule);
        if (picked instanceof NothingToAsk nothing) {
            return PostResult.Failed.permanent(nothing.reason());
        }
        Chosen chosen = (Chosen) picked;
        return send(new ScheduledPost(schedule, chosen.topic(), chosen.question(), Optional.empty(), Optional.empty()),
                now);
    }

    /** What {@code /schedule list} shows for the guild, oldest schedule first. */
    public List<ScheduleStatus> overview(long guild) {
        Instant now = clock.instant();
        return store.list(guild).stream().map(schedule -> new ScheduleStatus(schedule, schedule.nextSlot(now),
                store.lastPosted(schedule.id()), store.recentSlots(schedule.id(), RECENT_SLOTS))).toList();
    }

    // ------------------------------------------------------------------ slots

    private void runSlot(Schedule schedule, Slot slot, Instant now) {
        Optional<SlotRecord> recorded = store.slot(schedule.id(), slot.date());
        if (recorded.isPresent() && recorded.get().state().settled()) {
            remember(schedule.id(), slot.date());
            return;
        }
        // Unclaimed, waiting to retry or claimed: the store decides whether it is ours now.
        Optional<SlotClaim> claim = store.claim(schedule.id(), slot, now, staleBefore(now));
        if (claim.isPresent() && settle(schedule, claim.get(), now)) {
            remember(schedule.id(), slot.date());
        }
    }

    /** Acts on a won claim; true when the slot is settled for good. */
    private boolean settle(Schedule schedule, SlotClaim claim, Instant now) {
        Slot slot = claim.slot();
        Duration late = Duration.between(slot.due(), now);
        if (late.compareTo(settings.grace()) > 0) {
            return tooLate(schedule, claim, now, late);
        }
        if (claim.tries() > 1 && claim.lastFailure().isEmpty()) {
            log.warn("Schedule {}: the slot of {} was claimed by a process that never recorded it; posting it now",
                    schedule.id(), slot.date());
        }
        Picked picked = pick(schedule);
        if (picked instanceof NothingToAsk nothing) {
            fail(schedule, claim, nothing.reason(), now);
            return true;
        }
        Chosen chosen = (Chosen) picked;
        // From the pass's now, not the slot's time: a slot posted late still gets its full hours.
        Optional<Instant> revealAt = schedule.reveal().map(r -> now.plus(r.duration()));
        PostResult result = send(new ScheduledPost(schedule, chosen.topic(), chosen.question(), Optional.of(slot),
                revealAt), now);
        if (result instanceof PostResult.Sent sent) {
            // If this write fails (the database is down), the claim stays without an outcome and is
            // taken over after the claim timeout: the one way a slot is posted twice.
            if (!store.posted(claim, sent.messageId(), chosen.question().ref(), clock.instant(), revealAt)) {
                log.warn("Schedule {}: posted the slot of {} as message {}, but another process had taken the claim"
                        + " over; it may post it too", schedule.id(), slot.date(), sent.messageId());
            }
            return true;
        }
        PostResult.Failed failed = (PostResult.Failed) result;
        if (failed.permanent()) {
            fail(schedule, claim, failed.reason(), now);
            return true;
        }
        Instant retryAt = now.plus(settings.retryDelay());
        if (Duration.between(slot.due(), retryAt).compareTo(settings.grace()) > 0) {
            fail(schedule, claim, "gave up after " + tries(claim.tries()) + ": " + failed.reason(), now);
            return true;
        }
        store.retryLater(claim, failed.reason(), now, retryAt);
        log.warn("Schedule {}: the post of {} failed ({}); trying again at {}", schedule.id(), slot.date(),
                failed.reason(), retryAt);
        return false;
    }

    /** A slot claimed after its grace window: skipped if it was simply missed, failed if its tries failed. */
    private boolean tooLate(Schedule schedule, SlotClaim claim, Instant now, Duration late) {
        Slot slot = claim.slot();
        if (claim.lastFailure().isPresent()) {
            fail(schedule, claim, "gave up after " + tries(claim.tries() - 1) + ": " + claim.lastFailure().get(), now);
            return true;
        }
        String reason = claim.tries() == 1
                ? "missed: the bot was not running at " + slot.due() + " and came back " + words(late)
                        + " later, after the " + words(settings.grace()) + " grace window"
                : "a process claimed it and stopped before posting; it was found " + words(late)
                        + " after its time, after the " + words(settings.grace()) + " grace window";
        store.skipped(claim, reason, now);
        log.info("Schedule {}: skipped the slot of {} (due {}): {}", schedule.id(), slot.date(), slot.due(), reason);
        return true;
    }

    private void fail(Schedule schedule, SlotClaim claim, String reason, Instant now) {
        Optional<Schedule> after = store.failed(claim, reason, now, settings.pauseAfterFailures());
        log.warn("Schedule {}: the slot of {} failed: {}", schedule.id(), claim.slot().date(), reason);
        if (after.isPresent() && after.get().pause().orElse(null) instanceof Pause.AfterFailures paused) {
            log.warn("Schedule {} in guild {} paused itself after {} failed posts in a row; the last: {}",
                    schedule.id(), schedule.guild(), paused.failures(), paused.reason());
        }
    }

    private void remember(long scheduleId, LocalDate date) {
        settled.merge(scheduleId, date, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** What picking gave: a question to post, or why there is none. */
    private sealed interface Picked permits Chosen, NothingToAsk {
    }

    private record Chosen(Topic topic, Question question) implements Picked {
    }

    private record NothingToAsk(String reason) implements Picked {
    }

    /** Picks with the channel as the audience, so that the channel does not get what it had recently. */
    private Picked pick(Schedule schedule) {
        QuestionChoice choice = schedule.questions();
        QuizBank bank = tutor.banks().forGuild(schedule.guild());
        Optional<Topic> topic = Optional.empty();
        if (choice.topicId().isPresent()) {
            topic = bank.topic(choice.topicId().get());
            if (topic.isEmpty()) {
                return new NothingToAsk("the topic '" + choice.topicId().get() + "' is no longer in the quiz bank");
            }
        }
        Optional<Question> question = tutor.pick(bank, schedule.channel(),
                new Tutor.Selection(topic, choice.difficulty(), QuestionKind.family(choice.kind())));
        if (question.isEmpty()) {
            return new NothingToAsk("the quiz bank has no " + choice.describe() + " question");
        }
        return new Chosen(bank.topic(question.get().ref().topicId()).orElseThrow(), question.get());
    }

    /** Calls the poster; an exception from it is a failure that may pass, never an escape. */
    private PostResult send(ScheduledPost post, Instant now) {
        try {
            return Objects.requireNonNull(poster.post(post), "the poster returned null");
        } catch (RuntimeException e) {
            log.error("Schedule {}: the poster failed at {}", post.schedule().id(), now, e);
            return PostResult.Failed.mayPass("unexpected error while posting: " + e);
        }
    }

    // ------------------------------------------------------------------ reveals

    /** The reveal's count of members with reviews due; a failure to count never holds the reveal up. */
    private OptionalInt reviewsDue(long guild) {
        try {
            return membersWithReviews.apply(guild);
        } catch (RuntimeException e) {
            log.warn("Scheduler: cannot count the members of guild {} with reviews due; the reveal goes without: {}",
                    guild, e.toString());
            return OptionalInt.empty();
        }
    }

    private void runReveal(DueReveal due, Instant now) {
        Optional<RevealClaim> won = store.claimReveal(due, now, staleBefore(now));
        if (won.isEmpty()) {
            return;
        }
        RevealClaim claim = won.get();
        QuizBank bank = tutor.banks().forGuild(due.guild());
        Optional<Question> question = bank.question(due.question());
        if (question.isEmpty()) {
            String reason = "the question " + due.question() + " is no longer in the quiz bank";
            store.revealFailed(claim, reason, now);
            log.warn("Schedule {}: cannot reveal the answer of {}: {}", due.scheduleId(), due.date(), reason);
            return;
        }
        PlaceSummary figures = journal.summary(new Place(due.guild(), due.messageId()));
        ScheduledReveal reveal = new ScheduledReveal(due.scheduleId(), due.guild(), due.channel(), due.messageId(),
                bank.topic(due.question().topicId()).orElseThrow(), question.get(), figures, reviewsDue(due.guild()));
        PostResult result;
        try {
            result = Objects.requireNonNull(poster.reveal(reveal), "the poster returned null");
        } catch (RuntimeException e) {
            log.error("Schedule {}: the poster failed to reveal {}", due.scheduleId(), due.date(), e);
            result = PostResult.Failed.mayPass("unexpected error while revealing: " + e);
        }
        if (result instanceof PostResult.Sent) {
            store.revealed(claim, clock.instant());
            return;
        }
        PostResult.Failed failed = (PostResult.Failed) result;
        if (failed.permanent() || claim.tries() >= settings.revealTries()) {
            String reason = failed.permanent() ? failed.reason()
                    : "gave up after " + tries(claim.tries()) + ": " + failed.reason();
            store.revealFailed(claim, reason, now);
            log.warn("Schedule {}: the answer of {} was not revealed: {}", due.scheduleId(), due.date(), reason);
            return;
        }
        Instant retryAt = now.plus(settings.retryDelay());
        store.revealRetryLater(claim, failed.reason(), now, retryAt);
        log.warn("Schedule {}: revealing the answer of {} failed ({}); trying again at {}", due.scheduleId(),
                due.date(), failed.reason(), retryAt);
    }

    // ------------------------------------------------------------------ helpers

    private Instant staleBefore(Instant now) {
        return now.minus(settings.claimTimeout());
    }

    private static String tries(int n) {
        return n == 1 ? "1 try" : n + " tries";
    }

    /** "2 h", "45 min", "1 h 30 min": durations as a moderator reads them. */
    static String words(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }
}
