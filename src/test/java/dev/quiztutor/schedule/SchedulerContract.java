package dev.quiztutor.schedule;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.quiztutor.Fixtures;
import dev.quiztutor.TestClock;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageException;
import dev.quiztutor.store.StorageSettings;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.Tutor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler as moderators see it, over a real database ({@link SqliteSchedulerTest},
 * {@link PostgresSchedulerTest}), the real tutor and a recording fake of Discord. Time is a test
 * clock moved in 5-minute passes, so days run in milliseconds. A "process" is a storage of its own
 * on the shared database with its own tutor and scheduler, as a second bot process or a restarted
 * one has; nothing is shared between processes but the database and Discord.
 */
abstract class SchedulerContract {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final long GUILD = 111;
    static final long OTHER_GUILD = 222;
    static final long CHANNEL = 5001;
    static final long MODERATOR = 9001;
    static final Duration PASS = Duration.ofMinutes(5);
    /** {@link Fixtures#twoTopics} with two tries and one hint per choice question. */
    static final QuizBank BANK = Fixtures.twoTopics(2, List.of("Think."));
    static final PostResult.Failed NO_PERMISSION =
            PostResult.Failed.permanent("Missing permission: Send Messages in #daily-quiz");

    /** A new, empty database for one test. */
    abstract StorageSettings newDatabase();

    /** Called after the test closed every storage it opened. */
    void forget(StorageSettings settings) {
    }

    TestClock clock;
    StorageSettings settings;
    FakePoster discord;
    private final List<Process> running = new ArrayList<>();

    /** One bot process: its connections to the shared database, its tutor, its scheduler. */
    record Process(Storage storage, Tutor tutor, Scheduler scheduler) {
        ScheduleStore schedules() {
            return storage.schedules();
        }
    }

    @BeforeEach
    void openDatabase() {
        clock = new TestClock("2025-03-10T00:00:00Z");
        settings = newDatabase();
        discord = new FakePoster(clock);
    }

    @AfterEach
    void closeDatabase() {
        new ArrayList<>(running).forEach(this::stop);
        forget(settings);
    }

    Process start() {
        return start(guild -> true, discord, Scheduler.Settings.DEFAULT);
    }

    Process start(LongPredicate ownsGuild, Poster poster, Scheduler.Settings schedulerSettings) {
        Storage storage = Storage.open(settings, clock);
        Tutor tutor = new Tutor(BANK, new LiveAttempts(storage.journal(), LiveAttempts.Settings.DEFAULT),
                storage.history(), ScoringPolicy.DEFAULT, clock, RandomGenerator.of("L64X128MixRandom"));
        Process process = new Process(storage, tutor,
                new Scheduler(storage.schedules(), tutor, storage.journal(), poster, ownsGuild, clock, schedulerSettings));
        running.add(process);
        return process;
    }

    /** Shuts a process down as a restart does. */
    void stop(Process process) {
        process.scheduler().close();
        process.storage().close();
        running.remove(process);
    }

    static Schedule add(Process process, long channel, String time, ZoneId zone, Days days) {
        return add(process, GUILD, channel, time, zone, days, Optional.empty(), Optional.empty());
    }

    static Schedule add(Process process, long guild, long channel, String time, ZoneId zone, Days days,
                        Optional<String> topic, Optional<RevealAfter> reveal) {
        return process.schedules().create(new NewSchedule(guild, channel,
                new Timetable(LocalTime.parse(time), zone, days),
                new QuestionChoice(topic, Optional.empty(), QuestionKind.CHOICE), Optional.empty(), reveal, MODERATOR));
    }

    /**
     * Runs a pass of every process at the clock's now, then every 5 minutes while that stays at or
     * before {@code end}; the clock is left at the last pass.
     */
    void runUntil(String end, Process... processes) {
        Instant stop = Instant.parse(end);
        while (true) {
            for (Process process : processes) {
                process.scheduler().tick();
            }
            Instant next = clock.instant().plus(PASS);
            if (next.isAfter(stop)) {
                return;
            }
            clock.set(next);
        }
    }

    static List<Instant> instants(String... texts) {
        return Arrays.stream(texts).map(Instant::parse).toList();
    }

    // ------------------------------------------------------------------ days and times

    /**
     * A simulated week, a pass every 5 minutes, in well under a second. Sunday's passes warm the JIT
     * up and are not timed: the point is the cost of a pass, not the JVM's start.
     */
    @Test
    void aWeekPostsEveryDayWeekdaysOrChosenDaysAtTheirTime() {
        clock.set("2025-03-09T00:00:00Z");
        Process bot = start();
        long daily = CHANNEL;
        long weekdays = CHANNEL + 1;
        long mwf = CHANNEL + 2;
        add(bot, daily, "18:00", BERLIN, Days.EVERY_DAY);
        add(bot, weekdays, "18:00", BERLIN, Days.WEEKDAYS);
        add(bot, mwf, "18:00", BERLIN, Days.of(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)));
        runUntil("2025-03-09T23:55:00Z", bot);
        clock.set("2025-03-10T00:00:00Z");

        runUntil("2025-03-16T23:55:00Z", bot);                       // Monday 10 to Sunday 16 March: 2016 passes

        assertEquals(instants("2025-03-09T17:00:00Z", "2025-03-10T17:00:00Z", "2025-03-11T17:00:00Z",
                "2025-03-12T17:00:00Z", "2025-03-13T17:00:00Z", "2025-03-14T17:00:00Z", "2025-03-15T17:00:00Z",
                "2025-03-16T17:00:00Z"), discord.timesIn(daily), "18:00 in Berlin is 17:00 UTC in March");
        assertEquals(instants("2025-03-10T17:00:00Z", "2025-03-11T17:00:00Z", "2025-03-12T17:00:00Z",
                "2025-03-13T17:00:00Z", "2025-03-14T17:00:00Z"), discord.timesIn(weekdays));
        assertEquals(instants("2025-03-10T17:00:00Z", "2025-03-12T17:00:00Z", "2025-03-14T17:00:00Z"),
                discord.timesIn(mwf));
        // How long a simulated week takes is measured by the benchmarks, not asserted here.
    }

    @Test
    void berlinSpringForwardPostsOncePerDayAndA0230ThatDoesNotExistAt0330() {
        clock.set("2025-03-28T00:00:00Z");
        Process bot = start();
        add(bot, CHANNEL, "02:30", BERLIN, Days.EVERY_DAY);
        add(bot, CHANNEL + 1, "18:00", BERLIN, Days.EVERY_DAY);
        runUntil("2025-04-01T00:00:00Z", bot);
        assertEquals(instants("2025-03-28T01:30:00Z", "2025-03-29T01:30:00Z",
                "2025-03-30T01:30:00Z",                                // 02:30 does not exist: 03:30 CEST
                "2025-03-31T00:30:00Z"), discord.timesIn(CHANNEL));
        assertEquals(instants("2025-03-28T17:00:00Z", "2025-03-29T17:00:00Z", "2025-03-30T16:00:00Z",
                "2025-03-31T16:00:00Z"), discord.timesIn(CHANNEL + 1), "18:00 local on both sides of the change");
    }

    @Test
    void berlinFallBackPostsA0230ThatHappensTwiceOnceAtTheFirst() {
        clock.set("2025-10-24T00:00:00Z");
        Process bot = start();
        add(bot, CHANNEL, "02:30", BERLIN, Days.EVERY_DAY);
        add(bot, CHANNEL + 1, "18:00", BERLIN, Days.EVERY_DAY);
        runUntil("2025-10-28T00:00:00Z", bot);
        assertEquals(instants("2025-10-24T00:30:00Z", "2025-10-25T00:30:00Z",
                "2025-10-26T00:30:00Z",                                // 02:30 CEST; not again at 02:30 CET
                "2025-10-27T01:30:00Z"), discord.timesIn(CHANNEL));
        assertEquals(instants("2025-10-24T16:00:00Z", "2025-10-25T16:00:00Z", "2025-10-26T17:00:00Z",
                "2025-10-27T17:00:00Z"), discord.timesIn(CHANNEL + 1));
    }

    @Test
    void newYorkSpringForwardAndFallBack() {
        clock.set("2025-03-08T00:00:00Z");
        Process bot = start();
        add(bot, CHANNEL, "02:30", NEW_YORK, Days.EVERY_DAY);
        runUntil("2025-03-11T00:00:00Z", bot);
        assertEquals(instants("2025-03-08T07:30:00Z", "2025-03-09T07:30:00Z", "2025-03-10T06:30:00Z"),
                discord.timesIn(CHANNEL), "on March 9, 02:30 does not exist: 03:30 EDT");

        clock.set("2025-11-01T00:00:00Z");
        add(bot, CHANNEL + 1, "01:30", NEW_YORK, Days.EVERY_DAY);
        runUntil("2025-11-04T00:00:00Z", bot);
        assertEquals(instants("2025-11-01T05:30:00Z", "2025-11-02T05:30:00Z", "2025-11-03T06:30:00Z"),
                discord.timesIn(CHANNEL + 1), "on November 2, 01:30 happens twice: once, in EDT");
    }

    // ------------------------------------------------------------------ restarts and races

    @Test
    void aRestartAfterThePostDoesNotPostItAgain() {
        Process first = start();
        add(first, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY);
        runUntil("2025-03-10T17:00:00Z", first);
        assertEquals(1, discord.posts().size());

        stop(first);
        Process second = start();
        runUntil("2025-03-10T20:00:00Z", second);
        assertEquals(instants("2025-03-10T17:00:00Z"), discord.timesIn(CHANNEL), "the restarted bot did not repost");
        runUntil("2025-03-11T17:00:00Z", second);
        assertEquals(2, discord.posts().size(), "and it posts the next day");
    }

    /**
     * A process claimed the slot and was killed before posting. The claim carries its time: nobody
     * touches it for the claim timeout (10 minutes), then one process takes it over and posts.
     */
    @Test
    void aSlotClaimedByAProcessThatDiedIsPostedOnceAfterTheClaimTimeout() {
        Process dead = start();
        Schedule schedule = add(dead, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY);
        clock.set("2025-03-10T17:00:00Z");
        Slot slot = schedule.latestSlot(clock.instant()).orElseThrow();
        dead.schedules().claim(schedule.id(), slot, clock.instant(), clock.instant().minus(Duration.ofMinutes(10)))
                .orElseThrow();
        stop(dead);

        try (LogCapture log = new LogCapture(Scheduler.class)) {
            Process second = start();
            Process third = start();
            runUntil("2025-03-10T17:10:00Z", second, third);
            assertEquals(List.of(), discord.posts(), "a fresh claim is respected: its holder may be posting");
            runUntil("2025-03-10T19:00:00Z", second, third);
            assertEquals(instants("2025-03-10T17:15:00Z"), discord.timesIn(CHANNEL));
            assertTrue(log.lines(Level.WARN).contains("WARN Schedule 1: the slot of 2025-03-10 was claimed by a process"
                    + " that never recorded it; posting it now"), log.lines(Level.WARN).toString());
            SlotRecord record = second.schedules().slot(schedule.id(), slot.date()).orElseThrow();
            assertEquals(SlotState.POSTED, record.state());
            assertEquals(2, record.tries());
        }
    }

    @Test
    void aSlotClaimedByAProcessThatDiedIsSkippedWhenFoundAfterTheGraceWindow() {
        Process dead = start();
        Schedule schedule = add(dead, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY);
        clock.set("2025-03-10T17:00:00Z");
        Slot slot = schedule.latestSlot(clock.instant()).orElseThrow();
        dead.schedules().claim(schedule.id(), slot, clock.instant(), clock.instant()).orElseThrow();
        stop(dead);

        clock.set("2025-03-10T19:30:00Z");
        Process restarted = start();
        runUntil("2025-03-11T00:00:00Z", restarted);
        assertEquals(List.of(), discord.posts());
        SlotRecord record = restarted.schedules().slot(schedule.id(), slot.date()).orElseThrow();
        assertEquals(SlotState.SKIPPED, record.state());
        assertEquals(Optional.of("a process claimed it and stopped before posting; it was found 2 h 30 min after its"
                + " time, after the 2 h grace window"), record.reason());
        runUntil("2025-03-11T17:00:00Z", restarted);
        assertEquals(instants("2025-03-11T17:00:00Z"), discord.timesIn(CHANNEL));
    }

    /** Two processes, four threads each, passing at the very instant of each slot: one post per slot. */
    @Test
    void twoProcessesRacingForTheSameSlotsPostEachOnce() throws Exception {
        Process a = start();
        Process b = start();
        List<Long> channels = List.of(CHANNEL, CHANNEL + 1, CHANNEL + 2);
        for (long channel : channels) {
            add(a, channel, "18:00", BERLIN, Days.EVERY_DAY);
        }
        for (int day = 0; day < 4; day++) {
            clock.set(Instant.parse("2025-03-10T17:00:00Z").plus(Duration.ofDays(day)));
            race(8, a.scheduler(), b.scheduler());
        }
        for (long channel : channels) {
            assertEquals(instants("2025-03-10T17:00:00Z", "2025-03-11T17:00:00Z", "2025-03-12T17:00:00Z",
                    "2025-03-13T17:00:00Z"), discord.timesIn(channel), "channel " + channel);
        }
    }

    // ------------------------------------------------------------------ missed slots

    @Test
    void aSlotMissedWhileDownIsPostedOnceAtStartupInsideTheGraceWindow() {
        Process before = start();
        add(before, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY);
        runUntil("2025-03-10T16:00:00Z", before);
        stop(before);

        clock.set("2025-03-10T19:00:00Z");                          // back exactly 2 h after 18:00 Berlin
        Process after = start();
        runUntil("2025-03-10T23:00:00Z", after);
        assertEquals(instants("2025-03-10T19:00:00Z"), discord.timesIn(CHANNEL), "late, once");
        runUntil("2025-03-11T17:00:00Z", after);
        assertEquals(instants("2025-03-10T19:00:00Z", "2025-03-11T17:00:00Z"), discord.timesIn(CHANNEL));
    }

    @Test
    void aSlotMissedBeyondTheGraceWindowIsSkippedAndLoggedAndTheNextDayPosts() {
        Process before = start();
        Schedule schedule = add(before, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY);
        runUntil("2025-03-10T16:00:00Z", before);
        stop(before);

        clock.set("2025-03-10T19:05:00Z");                          // 2 h 5 min late
        try (LogCapture log = new LogCapture(Scheduler.class)) {
            Process after = start();
            runUntil("2025-03-11T16:55:00Z", after);
            assertEquals(List.of(), discord.posts());
            String reason = "missed: the bot was not running at 2025-03-10T17:00:00Z and came back 2 h 5 min later,"
                    + " after the 2 h grace window";
            assertEquals(List.of("INFO Schedule " + schedule.id() + ": skipped the slot of 2025-03-10 (due"
                    + " 2025-03-10T17:00:00Z): " + reason), log.lines(Level.INFO));
            SlotRecord skipped = after.schedules().slot(schedule.id(), LocalDate.parse("2025-03-10")).orElseThrow();
            assertEquals(SlotState.SKIPPED, skipped.state());
            assertEquals(Optional.of(reason), skipped.reason());
            assertEquals(0, after.schedules().get(GUILD, schedule.id()).orElseThrow().failures().consecutive(),
                    "a skipped slot is not a failure");

            runUntil("2025-03-11T17:00:00Z", after);
            assertEquals(instants("2025-03-11T17:00:00Z"), discord.timesIn(CHANNEL));
        }
    }

    @Test
    void aScheduleCreatedAfterTodaysTimeStartsTomorrow() {
        clock.set("2025-03-10T17:30:00Z");                           // 18:30 in Berlin
        Process bot = start();
        add(bot, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY);
        runUntil("2025-03-11T17:00:00Z", bot);
        assertEquals(instants("2025-03-11T17:00:00Z"), discord.timesIn(CHANNEL));
    }

    // ------------------------------------------------------------------ reveals

    /**
     * Members answer the 18:00 post through the real tutor; three hours later the answer is revealed
     * once, with the post's figures read back from the journal, though two processes race for it.
     */
    @Test
    void theAnswerIsRevealedOnceAfterItsHoursWithTheDaysFigures() throws Exception {
        Process a = start();
        Process b = start();
        Schedule schedule = add(a, GUILD, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY, Optional.of("alpha"),
                Optional.of(new RevealAfter(3)));
        runUntil("2025-03-10T17:00:00Z", a, b);
        FakePoster.Post post = discord.posts().get(0);
        assertEquals(Optional.of(Instant.parse("2025-03-10T20:00:00Z")), post.post().revealAt(),
                "the post can say when the answer comes");

        Place place = new Place(GUILD, post.messageId());
        Tutor tutor = a.tutor();
        clock.advance(Duration.ofMinutes(1));
        tutor.answer(place, 1, post.post().question(), Response.of("B"));               // right
        tutor.answer(place, 2, post.post().question(), Response.of("A"));               // wrong, then right
        tutor.answer(place, 2, post.post().question(), Response.of("B"));
        tutor.answer(place, 3, post.post().question(), Response.of("C"));               // wrong twice
        tutor.answer(place, 3, post.post().question(), Response.of("A"));
        tutor.hint(place, 4, post.post().question());                                   // looked, never answered

        runUntil("2025-03-10T19:55:00Z", a, b);
        assertEquals(List.of(), discord.reveals());
        clock.set("2025-03-10T20:00:00Z");
        race(8, a.scheduler(), b.scheduler());
        runUntil("2025-03-11T00:00:00Z", a, b);

        List<FakePoster.Reveal> reveals = discord.reveals();
        assertEquals(1, reveals.size(), reveals.toString());
        ScheduledReveal reveal = reveals.get(0).reveal();
        assertEquals(Instant.parse("2025-03-10T20:00:00Z"), reveals.get(0).at());
        assertEquals(post.messageId(), reveal.messageId());
        assertEquals(CHANNEL, reveal.channel());
        assertEquals(post.post().question(), reveal.question());
        assertEquals(Set.of(1L, 2L, 3L), reveal.figures().answered());
        assertEquals(Set.of(1L, 2L), reveal.figures().right());
        assertEquals(67, reveal.percentRight());
        assertEquals(RevealState.REVEALED, a.schedules().slot(schedule.id(), LocalDate.parse("2025-03-10")).orElseThrow()
                .reveal().orElseThrow().state());
    }

    @Test
    void aRevealThatFailsIsRetriedThenGivenUpAndOneThatCannotWorkIsNotRetried() {
        Process bot = start();
        Schedule schedule = add(bot, GUILD, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY, Optional.empty(),
                Optional.of(new RevealAfter(1)));
        PostResult.Failed outage = PostResult.Failed.mayPass("Discord is unavailable (503)");
        runUntil("2025-03-10T17:55:00Z", bot);                       // posted at 17:00, answer due at 18:00
        discord.refuse(CHANNEL, outage);
        runUntil("2025-03-10T18:07:00Z", bot);                       // tries at 18:00 and 18:05 fail
        discord.accept(CHANNEL);
        runUntil("2025-03-10T19:00:00Z", bot);
        assertEquals(List.of(Instant.parse("2025-03-10T18:10:00Z")),
                discord.reveals().stream().map(FakePoster.Reveal::at).toList());
        assertEquals(new SlotRecord.RevealRecord(RevealState.REVEALED, Instant.parse("2025-03-10T18:00:00Z"), 3,
                        Optional.of(Instant.parse("2025-03-10T18:10:00Z")), Optional.empty()),
                revealOf(bot, schedule, "2025-03-10"), "revealed on the third try");

        runUntil("2025-03-11T17:55:00Z", bot);
        discord.refuse(CHANNEL, outage);
        runUntil("2025-03-11T20:00:00Z", bot);
        SlotRecord.RevealRecord gaveUp = revealOf(bot, schedule, "2025-03-11");
        assertEquals(RevealState.FAILED, gaveUp.state());
        assertEquals(5, gaveUp.tries());
        assertEquals(Optional.of("gave up after 5 tries: Discord is unavailable (503)"), gaveUp.reason());

        discord.accept(CHANNEL);
        runUntil("2025-03-12T17:55:00Z", bot);
        PostResult.Failed deleted = PostResult.Failed.permanent("Unknown Message: the post was deleted");
        discord.refuse(CHANNEL, deleted);
        runUntil("2025-03-12T20:00:00Z", bot);
        SlotRecord.RevealRecord refused = revealOf(bot, schedule, "2025-03-12");
        assertEquals(RevealState.FAILED, refused.state());
        assertEquals(1, refused.tries(), "not retried");
        assertEquals(Optional.of(deleted.reason()), refused.reason());
        assertEquals(1, discord.reveals().size());
        assertEquals(0, bot.schedules().get(GUILD, schedule.id()).orElseThrow().failures().consecutive(),
                "a reveal is not a post: the schedule does not count it");
    }

    private static SlotRecord.RevealRecord revealOf(Process process, Schedule schedule, String date) {
        return process.schedules().slot(schedule.id(), LocalDate.parse(date)).orElseThrow().reveal().orElseThrow();
    }

    // ------------------------------------------------------------------ failures

    @Test
    void aChannelThatRefusesIsShownInTheListAndTheSchedulePausesAfterThreeFailuresInARow() {
        Process bot = start();
        Schedule schedule = add(bot, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY);
        discord.refuse(CHANNEL, NO_PERMISSION);
        runUntil("2025-03-11T17:00:00Z", bot);                       // fails on the 10th and the 11th
        ScheduleStatus status = bot.scheduler().overview(GUILD).get(0);
        assertEquals(2, status.schedule().failures().consecutive());
        assertEquals(Optional.of(new Failures.Failure(Instant.parse("2025-03-11T17:00:00Z"), NO_PERMISSION.reason())),
                status.lastError());
        assertEquals(List.of(SlotState.FAILED, SlotState.FAILED), status.recent().stream().map(SlotRecord::state).toList());
        assertEquals(Optional.of(NO_PERMISSION.reason()), status.recent().get(0).reason());
        assertEquals(Optional.of(Instant.parse("2025-03-12T17:00:00Z")), status.next().map(Slot::due));

        discord.accept(CHANNEL);
        runUntil("2025-03-12T17:00:00Z", bot);
        status = bot.scheduler().overview(GUILD).get(0);
        assertEquals(0, status.schedule().failures().consecutive(), "a post resets the count");
        assertEquals(Optional.of(LocalDate.parse("2025-03-12")), status.lastPost().map(s -> s.slot().date()));
        assertEquals(Optional.of(NO_PERMISSION.reason()), status.lastError().map(Failures.Failure::reason),
                "the last error stays visible");

        discord.refuse(CHANNEL, NO_PERMISSION);
        try (LogCapture log = new LogCapture(Scheduler.class)) {
            runUntil("2025-03-15T17:00:00Z", bot);                   // fails on the 13th, 14th, 15th
            assertTrue(log.lines(Level.WARN).contains("WARN Schedule 1 in guild 111 paused itself after 3 failed posts"
                    + " in a row; the last: " + NO_PERMISSION.reason()), log.lines(Level.WARN).toString());
        }
        status = bot.scheduler().overview(GUILD).get(0);
        assertEquals(Optional.of(new Pause.AfterFailures(3, NO_PERMISSION.reason(),
                Instant.parse("2025-03-15T17:00:00Z"))), status.schedule().pause());
        assertEquals(Optional.empty(), status.next(), "a paused schedule has no next post");
        assertEquals(5, discord.refused().size());
        runUntil("2025-03-17T18:00:00Z", bot);
        assertEquals(5, discord.refused().size(), "paused: no more tries");

        discord.accept(CHANNEL);
        bot.schedules().resume(GUILD, schedule.id());
        runUntil("2025-03-18T17:00:00Z", bot);
        assertEquals(instants("2025-03-12T17:00:00Z", "2025-03-18T17:00:00Z"), discord.timesIn(CHANNEL));
    }

    @Test
    void aFailureThatMayPassIsRetriedInsideTheGraceWindowThenCountsOnce() {
        Process bot = start();
        Schedule schedule = add(bot, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY);
        PostResult.Failed outage = PostResult.Failed.mayPass("Discord is unavailable (503)");
        discord.refuse(CHANNEL, outage);
        runUntil("2025-03-10T17:03:00Z", bot);
        discord.accept(CHANNEL);
        runUntil("2025-03-10T20:00:00Z", bot);
        assertEquals(instants("2025-03-10T17:05:00Z"), discord.timesIn(CHANNEL), "retried 5 minutes later");
        assertEquals(0, bot.schedules().get(GUILD, schedule.id()).orElseThrow().failures().consecutive());

        discord.refuse(CHANNEL, outage);
        runUntil("2025-03-11T20:00:00Z", bot);
        assertEquals(25, discord.refused().size() - 1, "every 5 minutes from 18:00 to 20:00 Berlin");
        SlotRecord gaveUp = bot.schedules().slot(schedule.id(), LocalDate.parse("2025-03-11")).orElseThrow();
        assertEquals(SlotState.FAILED, gaveUp.state());
        assertEquals(Optional.of("gave up after 25 tries: Discord is unavailable (503)"), gaveUp.reason());
        assertEquals(1, bot.schedules().get(GUILD, schedule.id()).orElseThrow().failures().consecutive());
    }

    /** The bot goes down while a slot waits to retry and comes back after the next day's time. */
    @Test
    void aSlotWaitingToRetryWhenTheBotStoppedIsSettledWhenTheNextSlotIsClaimed() {
        Process bot = start();
        Schedule schedule = add(bot, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY);
        discord.refuse(CHANNEL, PostResult.Failed.mayPass("Discord is unavailable (503)"));
        runUntil("2025-03-10T17:00:00Z", bot);
        assertEquals(SlotState.RETRY, bot.schedules().slot(schedule.id(), LocalDate.parse("2025-03-10"))
                .orElseThrow().state());
        stop(bot);
        discord.accept(CHANNEL);

        clock.set("2025-03-11T17:10:00Z");
        Process back = start();
        runUntil("2025-03-11T17:30:00Z", back);

        assertEquals(instants("2025-03-11T17:10:00Z"), discord.timesIn(CHANNEL), "today's slot, once");
        SlotRecord yesterday = back.schedules().slot(schedule.id(), LocalDate.parse("2025-03-10")).orElseThrow();
        assertEquals(SlotState.SKIPPED, yesterday.state(), "no longer shown as waiting to retry");
        assertEquals(Optional.of("not tried again before the next slot was due (the bot was not running); the last try:"
                + " Discord is unavailable (503)"), yesterday.reason());
        assertEquals(List.of(SlotState.POSTED, SlotState.SKIPPED), back.schedules().recentSlots(schedule.id(), 5)
                .stream().map(SlotRecord::state).toList());
    }

    @Test
    void aTopicGoneFromTheBankFailsTheSlotWithAClearReason() {
        Process bot = start();
        Schedule schedule = add(bot, GUILD, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY, Optional.of("gamma"),
                Optional.empty());
        runUntil("2025-03-10T17:00:00Z", bot);
        assertEquals(List.of(), discord.posts());
        SlotRecord failed = bot.schedules().slot(schedule.id(), LocalDate.parse("2025-03-10")).orElseThrow();
        assertEquals(Optional.of("the topic 'gamma' is no longer in the quiz bank"), failed.reason());
        assertEquals(1, bot.schedules().get(GUILD, schedule.id()).orElseThrow().failures().consecutive());
    }

    // ------------------------------------------------------------------ questions, guilds, /schedule now

    @Test
    void theChannelDoesNotGetAQuestionItHadRecentlyAcrossARestart() {
        Process first = start();
        add(first, GUILD, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY, Optional.of("alpha"), Optional.empty());
        runUntil("2025-03-12T17:00:00Z", first);
        stop(first);
        Process second = start();
        runUntil("2025-03-15T17:00:00Z", second);
        List<QuestionRef> asked = discord.postsIn(CHANNEL).stream().map(p -> p.post().question().ref()).toList();
        assertEquals(6, asked.size());
        assertEquals(Set.of("c1", "c2", "c3", "c4", "c5", "c6"),
                asked.stream().map(QuestionRef::questionId).collect(Collectors.toSet()),
                "six days, the six choice questions of alpha: no repeat");
    }

    @Test
    void eachProcessRunsOnlyTheSchedulesOfItsOwnGuilds() {
        FakePoster mine = new FakePoster(clock);
        FakePoster theirs = new FakePoster(clock);
        Process a = start(guild -> guild == GUILD, mine, Scheduler.Settings.DEFAULT);
        Process b = start(guild -> guild == OTHER_GUILD, theirs, Scheduler.Settings.DEFAULT);
        add(a, GUILD, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY, Optional.empty(), Optional.of(new RevealAfter(1)));
        add(a, OTHER_GUILD, CHANNEL + 1, "18:00", BERLIN, Days.EVERY_DAY, Optional.empty(),
                Optional.of(new RevealAfter(1)));

        runUntil("2025-03-10T19:00:00Z", a);
        assertEquals(instants("2025-03-10T17:00:00Z"), mine.timesIn(CHANNEL));
        assertEquals(List.of(), mine.postsIn(CHANNEL + 1), "the other guild is left alone");
        assertEquals(List.of(CHANNEL), mine.reveals().stream().map(r -> r.reveal().channel()).toList());

        runUntil("2025-03-10T20:00:00Z", a, b);
        assertEquals(instants("2025-03-10T19:00:00Z"), theirs.timesIn(CHANNEL + 1), "posted by its own process,"
                + " inside the grace window");
        assertEquals(List.of(), theirs.postsIn(CHANNEL));
        assertEquals(List.of(CHANNEL + 1), theirs.reveals().stream().map(r -> r.reveal().channel()).toList());
        assertEquals(1, mine.reveals().size());
    }

    @Test
    void postNowPostsAtOnceWithoutTakingTodaysSlotOrCountingAFailure() {
        Process bot = start();
        Schedule schedule = add(bot, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY);
        clock.set("2025-03-10T12:00:00Z");
        PostResult result = bot.scheduler().postNow(schedule);
        PostResult.Sent sent = assertInstanceOf(PostResult.Sent.class, result);
        FakePoster.Post test = discord.posts().get(0);
        assertEquals(sent.messageId(), test.messageId());
        assertTrue(test.post().test());

        runUntil("2025-03-10T17:00:00Z", bot);
        assertEquals(instants("2025-03-10T12:00:00Z", "2025-03-10T17:00:00Z"), discord.timesIn(CHANNEL));
        assertFalse(discord.posts().get(1).post().test());
        assertNotEquals(discord.posts().get(0).post().question().ref(), discord.posts().get(1).post().question().ref(),
                "the slot does not repeat the test post's question");

        discord.refuse(CHANNEL, NO_PERMISSION);
        assertEquals(NO_PERMISSION, bot.scheduler().postNow(schedule));
        assertEquals(0, bot.schedules().get(GUILD, schedule.id()).orElseThrow().failures().consecutive());

        Schedule gone = add(bot, GUILD, CHANNEL + 1, "18:00", BERLIN, Days.EVERY_DAY, Optional.of("gamma"),
                Optional.empty());
        assertEquals(PostResult.Failed.permanent("the topic 'gamma' is no longer in the quiz bank"),
                bot.scheduler().postNow(gone));
    }

    // ------------------------------------------------------------------ many at once

    /**
     * 24 guilds due in the same minute, and a second schedule in one of their channels: the pass
     * posts to {@link Scheduler.Settings#DEFAULT_POSTS_AT_ONCE} channels at a time and never more,
     * one channel's posts one after the other, every slot once, and the reveals an hour later once.
     */
    @Test
    void manySchedulesDueInTheSameMinuteArePostedSeveralAtATimeEachOnce() {
        int atOnce = Scheduler.Settings.DEFAULT_POSTS_AT_ONCE;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<Long> busyChannels = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Long> overlapping = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch firstWave = new CountDownLatch(atOnce);
        Poster slowDiscord = new Poster() {
            @Override
            public PostResult post(ScheduledPost post) {
                long channel = post.schedule().channel();
                if (!busyChannels.add(channel)) {
                    overlapping.add(channel);
                }
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    // The first posts wait until as many as may be are in flight: a pass posting one
                    // at a time would stop here for the whole timeout and show 1.
                    firstWave.countDown();
                    firstWave.await(5, TimeUnit.SECONDS);
                    return discord.post(post);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return PostResult.Failed.mayPass("interrupted");
                } finally {
                    inFlight.decrementAndGet();
                    busyChannels.remove(channel);
                }
            }

            @Override
            public PostResult reveal(ScheduledReveal reveal) {
                return discord.reveal(reveal);
            }
        };
        Process bot = start(guild -> true, slowDiscord, Scheduler.Settings.DEFAULT);
        long firstChannel = 7000;
        for (int i = 0; i < 24; i++) {
            add(bot, 1000 + i, firstChannel + i, "18:00", BERLIN, Days.EVERY_DAY, Optional.empty(),
                    Optional.of(new RevealAfter(1)));
        }
        add(bot, 1000, firstChannel, "18:00", BERLIN, Days.EVERY_DAY, Optional.empty(), Optional.empty());

        clock.set("2025-03-10T17:00:00Z");
        bot.scheduler().tick();

        assertEquals(25, discord.posts().size(), "every slot posted in the one pass");
        assertEquals(25, discord.posts().stream().map(p -> p.post().schedule().id()).distinct().count());
        assertEquals(2, discord.postsIn(firstChannel).size());
        assertEquals(atOnce, most.get(), "posts in flight at once");
        assertEquals(List.of(), overlapping, "channels posted to twice at the same time");

        runUntil("2025-03-10T18:30:00Z", bot);
        assertEquals(25, discord.posts().size(), "nothing posted twice by the later passes");
        assertEquals(24, discord.reveals().size());
        assertEquals(24, discord.reveals().stream().map(r -> r.reveal().channel()).distinct().count());
    }

    // ------------------------------------------------------------------ running on an executor

    /** The first pass fails (the database is unreachable): the executor keeps running passes. */
    @Test
    void aFailingPassIsLoggedAndTheNextPassesStillRun() throws Exception {
        Process bot = start();
        add(bot, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY);
        clock.set("2025-03-10T17:00:00Z");
        AtomicInteger failuresLeft = new AtomicInteger(2);
        ScheduleStore real = bot.schedules();
        ScheduleStore flaky = (ScheduleStore) Proxy.newProxyInstance(ScheduleStore.class.getClassLoader(),
                new Class<?>[] {ScheduleStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("active") && failuresLeft.getAndDecrement() > 0) {
                        throw new StorageException("Could not list the active schedules: connection refused");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        CountDownLatch posted = new CountDownLatch(1);
        discord.onPost(posted::countDown);
        Scheduler scheduler = new Scheduler(flaky, bot.tutor(), bot.storage().journal(), discord, guild -> true, clock,
                Scheduler.Settings.DEFAULT);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try (LogCapture log = new LogCapture(Scheduler.class)) {
            scheduler.start(executor, Duration.ofMillis(5));
            assertTrue(posted.await(30, TimeUnit.SECONDS), "a pass after the failures posted the slot");
            scheduler.close();
            assertEquals(2, log.lines(Level.ERROR).stream()
                    .filter(l -> l.equals("ERROR Scheduler: the pass failed; the next one runs in the usual interval"))
                    .count(), log.lines(Level.ERROR).toString());
        } finally {
            executor.shutdownNow();
        }
        assertEquals(1, discord.posts().size());
    }

    /**
     * A stop that comes while the bot is still connecting (Ctrl-C in the first seconds): the shard's
     * READY may arrive after the scheduler closed, and starting it then must post nothing and not throw
     * on JDA's event thread.
     */
    @Test
    void aStartAfterCloseDoesNothing() throws Exception {
        Process bot = start();
        add(bot, CHANNEL, "18:00", BERLIN, Days.EVERY_DAY);
        clock.set("2025-03-10T17:00:00Z");
        bot.scheduler().close();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            assertDoesNotThrow(() -> bot.scheduler().start(executor, Duration.ofMillis(5)));
            executor.shutdown();
            assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
        } finally {
            executor.shutdownNow();
        }
        assertEquals(0, discord.posts().size(), "a closed scheduler posted");
    }

    // ------------------------------------------------------------------ helpers

    /** {@code threads} passes at the clock's instant, spread over the schedulers, started together. */
    static void race(int threads, Scheduler... schedulers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> passes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Scheduler scheduler = schedulers[t % schedulers.length];
                passes.add(pool.submit(() -> {
                    go.await();
                    scheduler.tick();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> pass : passes) {
                pass.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
