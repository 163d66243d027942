package dev.quiztutor.store;

import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.AttemptKey;
import dev.quiztutor.tutor.Grade;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.RecordedEvent;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.review.Card;
import dev.quiztutor.tutor.review.Deck;
import dev.quiztutor.tutor.review.FsrsScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * A member's due list ({@link SqlCardStore#deck} and {@link Deck#dueToday}) with 1,000,000 attempt events
 * in the store, on SQLite, against a plain indexed SELECT of the same member's card rows (the floor any
 * card store pays), and the alternative of rebuilding the deck from the member's events. Also the guild's
 * count of members with reviews due over the due index.
 *
 * <p>The store: {@code members} members of one guild with {@code eventsEach} events each, one answer per
 * attempt (70 % right at once), spread over 60 days across 100 questions. The measured member's events are
 * appended through {@link SqlAttemptJournal#append}, which keeps their cards as the bot does; the others'
 * are bulk-inserted with their cards computed by {@link Deck#of} (the stored form of cards whose attempts
 * have all ended: a base and nothing pending).
 */
public final class CardBench {
    public record Result(String what, double medianMillis, double p99Millis) {
    }

    static final long GUILD = 1;
    static final long MEASURED = 1;
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private static final String INSERT_EVENT = """
            INSERT INTO attempt_event (guild_id, post_id, user_id, topic_id, question_id, seq, kind, difficulty,
                                       at_second, at_nano, event, response, grade_right, grade_of, hint_number,
                                       status_after, score_milli, place_kind)
            VALUES (?, ?, ?, ?, ?, 0, 'choice', 'easy', ?, 0, 'answered', ?, ?, 1, NULL, ?, ?, 'post')""";

    private static final String INSERT_CARD = """
            INSERT INTO review_card (guild_id, user_id, topic_id, question_id, due_second, base_state, base_step,
                                     base_stability, base_difficulty, base_due_second, base_due_nano, base_last_second,
                                     base_last_nano, base_reps, base_lapses, pending)
            VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, '')""";

    private CardBench() {
    }

    /** One round on a fresh SQLite file: fills it, then times each query {@code runs} times after a warm-up. */
    public static List<Result> round(Path dir, int members, int eventsEach, int runs) throws Exception {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "card-bench", ".db");
        Files.delete(file);
        FsrsScheduler scheduler = FsrsScheduler.tutor(FsrsScheduler.DEFAULT_RETENTION);
        try (Storage storage = Storage.open(StorageSettings.sqlite(file.toString()), Clock.systemUTC(), scheduler)) {
            fill(storage, scheduler, members, eventsEach);
            SqlCardStore cards = (SqlCardStore) storage.cards();
            Database db = storage.database();
            // The same answer both ways, or the comparison means nothing.
            Deck stored = cards.deck(GUILD, MEASURED);
            Deck rebuilt = Deck.of(scheduler, cards.attempts(GUILD, MEASURED, java.util.Optional.empty()));
            if (!stored.cards().equals(rebuilt.cards())) {
                throw new IllegalStateException("stored cards differ from the cards rebuilt from the events");
            }
            LocalDate today = LocalDate.ofInstant(NOW, ZONE);
            List<Result> results = new ArrayList<>();
            results.add(time("plain SELECT of the member's card rows (baseline)", runs,
                    () -> plainSelect(db, "SELECT * FROM review_card WHERE guild_id = ? AND user_id = ?")));
            results.add(time("due list: SqlCardStore.deck + dueToday (ours)", runs,
                    () -> cards.deck(GUILD, MEASURED).dueToday(NOW, ZONE).size()));
            results.add(time("plain SELECT of the member's event rows", runs,
                    () -> plainSelect(db, "SELECT * FROM attempt_event WHERE guild_id = ? AND user_id = ?")));
            results.add(time("due list rebuilt from events: Deck.of(attempts) + dueToday", runs,
                    () -> Deck.of(scheduler, cards.attempts(GUILD, MEASURED, java.util.Optional.empty()))
                            .dueToday(NOW, ZONE).size()));
            results.add(time("members with reviews due in the guild (" + members + " members)", runs,
                    () -> cards.membersWithDue(GUILD, today, ZONE)));
            return results;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
        }
    }

    private static long plainSelect(Database db, String sql) {
        return db.read("bench", session -> {
            PreparedStatement select = session.prepare(sql);
            select.setLong(1, GUILD);
            select.setLong(2, MEASURED);
            long sum = 0;
            try (ResultSet row = select.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    for (int c = 1; c <= columns; c++) {
                        Object value = row.getObject(c);
                        sum += value == null ? 0 : value.hashCode();
                    }
                }
            }
            return sum;
        });
    }

    private static Result time(String what, int runs, LongSupplier work) {
        long sink = 0;
        for (int i = 0; i < Math.max(20, runs / 4); i++) {
            sink += work.getAsLong();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink += work.getAsLong();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        if (sink == 42) {
            System.out.print("");
        }
        return new Result(what, nanos[runs / 2] / 1e6, nanos[(int) Math.min(runs - 1, Math.ceil(runs * 0.99) - 1)] / 1e6);
    }

    private static void fill(Storage storage, FsrsScheduler scheduler, int members, int eventsEach) {
        SplittableRandom random = new SplittableRandom(13);
        SqlAttemptJournal journal = (SqlAttemptJournal) storage.journal();
        long[] post = {1_000_000};
        // The measured member through the journal, as the bot writes.
        for (RecordedEvent event : history(GUILD, MEASURED, eventsEach, random, post)) {
            journal.append(event);
        }
        // The others in bulk, a thousand members a transaction.
        for (int from = 2; from <= members; from += 1000) {
            int first = from;
            int last = Math.min(members, from + 999);
            storage.database().write("fill", session -> {
                PreparedStatement events = session.prepare(INSERT_EVENT);
                PreparedStatement cards = session.prepare(INSERT_CARD);
                for (long user = first; user <= last; user++) {
                    List<RecordedEvent> history = history(GUILD, user, eventsEach, random, post);
                    List<Deck.Attempted> attempts = new ArrayList<>();
                    for (RecordedEvent e : history) {
                        AttemptKey k = e.key();
                        AttemptEvent.Answered answered = (AttemptEvent.Answered) e.event();
                        events.setLong(1, k.place().guild());
                        events.setLong(2, k.place().post());
                        events.setLong(3, k.user());
                        events.setString(4, k.question().topicId());
                        events.setString(5, k.question().questionId());
                        events.setLong(6, answered.at().getEpochSecond());
                        events.setString(7, answered.grade().correct() ? "B" : "A");
                        events.setInt(8, answered.grade().right());
                        events.setString(9, Codes.status(e.statusAfter()));
                        events.setInt(10, (int) Codes.milli(e.scoreAfter()));
                        events.addBatch();
                        attempts.add(new Deck.Attempted(k.question(), Attempt.ofRecorded(List.of(e))));
                    }
                    events.executeBatch();
                    for (Map.Entry<QuestionRef, Card> c : Deck.of(scheduler, attempts).cards().entrySet()) {
                        Card card = c.getValue();
                        cards.setLong(1, GUILD);
                        cards.setLong(2, user);
                        cards.setString(3, c.getKey().topicId());
                        cards.setString(4, c.getKey().questionId());
                        cards.setLong(5, card.due().getEpochSecond());
                        cards.setString(6, Codes.cardState(card.state()));
                        cards.setDouble(7, card.stability());
                        cards.setDouble(8, card.difficulty());
                        cards.setLong(9, card.due().getEpochSecond());
                        cards.setInt(10, card.due().getNano());
                        cards.setLong(11, card.lastReview().orElseThrow().getEpochSecond());
                        cards.setInt(12, card.lastReview().orElseThrow().getNano());
                        cards.setInt(13, card.reps());
                        cards.setInt(14, card.lapses());
                        cards.addBatch();
                    }
                    cards.executeBatch();
                }
                return null;
            });
        }
        storage.database().write("analyze", session -> {
            try (Statement s = session.connection().createStatement()) {
                s.execute("ANALYZE");
            }
            return null;
        });
    }

    /** One member's attempts: each a single answer, over 60 days before {@link #NOW}, in time order. */
    private static List<RecordedEvent> history(long guild, long user, int events, SplittableRandom random, long[] post) {
        long span = Duration.ofDays(60).toSeconds();
        long[] seconds = new long[events];
        for (int i = 0; i < events; i++) {
            seconds[i] = NOW.getEpochSecond() - span + random.nextLong(span);
        }
        Arrays.sort(seconds);
        List<RecordedEvent> out = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            int question = random.nextInt(100);
            QuestionRef ref = new QuestionRef("topic" + question / 20, "q" + question % 20);
            boolean right = random.nextInt(10) < 7;
            AttemptKey key = new AttemptKey(new Place(guild, post[0]++), user, ref);
            AttemptEvent event = new AttemptEvent.Answered(Instant.ofEpochSecond(seconds[i]),
                    new Response.Letters(List.of(right ? "B" : "A")), Grade.of(right ? 1 : 0, 1));
            out.add(new RecordedEvent(key, Difficulty.EASY, QuestionKind.CHOICE, event,
                    right ? Attempt.Status.SOLVED : Attempt.Status.OUT_OF_TRIES, right ? 1 : 0));
        }
        return out;
    }
}
