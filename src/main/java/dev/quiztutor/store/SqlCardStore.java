package dev.quiztutor.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.AttemptKey;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.RecordedEvent;
import dev.quiztutor.tutor.review.Card;
import dev.quiztutor.tutor.review.CardStore;
import dev.quiztutor.tutor.review.Deck;
import dev.quiztutor.tutor.review.FsrsScheduler;
import dev.quiztutor.tutor.review.Rating;
import dev.quiztutor.tutor.review.Review;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Members' review cards in the database ({@code review_card}, one row per member and question), kept in
 * the transaction of every attempt event that changes one of the member's reviews ({@link Review#of}):
 * an answer or a give-up; a hint never does. So a card is always the card {@link Deck#of} derives from
 * the member's attempts, and never needs the old events again (they may be deleted, the cards stay).
 *
 * <p>What a row keeps: an attempt's review can change while the attempt is open (a wrong answer is
 * Again; solved later, it becomes Hard at the solving answer), so the row keeps a <em>base</em> card, every
 * review that can no longer change folded in time order, and the <em>pending</em> reviews after it, the
 * earliest of which is an open attempt's (with any reviews after that). The card is the base with the
 * pending reviews applied. Keeping it costs the event one read of the row by its key and one write, and no
 * read of events: the tutor hands over the attempt after the event. On PostgreSQL the write goes in the
 * event's own statement, guarded by the row as read ({@link Change#conditionalWrite}).
 *
 * <p>Two limits, both far from a tutor's use: reviews come in time order (each is made now); one dated
 * before the card's base (a clock stepped back) counts at the base's time. And at most
 * {@link #MAX_PENDING} reviews stay pending behind an attempt left open: beyond, the oldest is folded, and
 * coming back to that attempt then adds its new review without withdrawing the old one.
 */
public final class SqlCardStore implements CardStore {
    /** Reviews kept pending behind an open attempt before the oldest is folded into the base. */
    static final int MAX_PENDING = 64;

    /** Card rows {@link #known} keeps, about 300 bytes each: a few megabytes. */
    static final int KNOWN_ROWS = 20_000;

    /** One review not folded into the base: of the attempt at {@code post}, still {@code changeable} or not. */
    record Pending(long post, Rating rating, Instant at, boolean changeable) {
    }

    /** A stored row: its base card and its pending reviews, oldest first. */
    record Stored(Card base, List<Pending> pending) {
        Card card(FsrsScheduler scheduler) {
            Card card = base;
            for (Pending review : pending) {
                card = scheduler.review(card, review.rating(), review.at());
            }
            return card;
        }
    }

    /** Deck's order: time, then rating. */
    private static final Comparator<Pending> IN_TIME = Comparator.comparing(Pending::at).thenComparing(Pending::rating);

    private static final String CARD_COLUMNS = """
            base_state, base_step, base_stability, base_difficulty, base_due_second, base_due_nano,
            base_last_second, base_last_nano, base_reps, base_lapses, pending""";

    private static final String SELECT_CARD = "SELECT " + CARD_COLUMNS + """

            FROM review_card WHERE guild_id = ? AND user_id = ? AND topic_id = ? AND question_id = ?""";

    /** PostgreSQL, after a lost race: two processes may update one member's card at once; the row lock orders them. */
    private static final String SELECT_CARD_FOR_UPDATE = SELECT_CARD + " FOR UPDATE";

    /** Inserts a member's first card at a question; does nothing if another transaction just did (see below). */
    private static final String INSERT_CARD = "INSERT INTO review_card (" + CARD_COLUMNS
            + ", due_second, guild_id, user_id, topic_id, question_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (guild_id, user_id, topic_id, question_id) DO NOTHING";

    private static final String UPDATE_CARD = """
            UPDATE review_card SET base_state = ?, base_step = ?, base_stability = ?, base_difficulty = ?,
                base_due_second = ?, base_due_nano = ?, base_last_second = ?, base_last_nano = ?, base_reps = ?,
                base_lapses = ?, pending = ?, due_second = ?
            WHERE guild_id = ? AND user_id = ? AND topic_id = ? AND question_id = ?""";

    /**
     * The update only if the row is still the one the change was computed from, every column the
     * computation read compared (so a row changed and changed back still counts as unchanged, rightly: the
     * result depends on its content only). On PostgreSQL this lets the read and the write go without a
     * transaction; on SQLite it checks a row known from before instead of reading it (see {@link #recorded}).
     */
    private static final String UPDATE_CARD_IF_UNCHANGED = UPDATE_CARD + "\n    AND (" + CARD_COLUMNS
            + ") IS NOT DISTINCT FROM (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String SELECT_DECK = "SELECT topic_id, question_id, " + CARD_COLUMNS
            + " FROM review_card WHERE guild_id = ? AND user_id = ?";

    /** The due index {@code review_card_due} (guild, due, user) answers this alone. */
    private static final String COUNT_MEMBERS_DUE = """
            SELECT COUNT(DISTINCT user_id) FROM review_card WHERE guild_id = ? AND due_second < ?""";

    private static final String EVENT_COLUMNS = """
            post_id, topic_id, question_id, seq, kind, difficulty, at_second, at_nano, event, response, grade_right,
            grade_of, hint_number, status_after, score_milli, place_kind""";

    /** One attempt's events: the primary key's prefix. */
    private static final String SELECT_ATTEMPT = "SELECT " + EVENT_COLUMNS + """

            FROM attempt_event
            WHERE guild_id = ? AND post_id = ? AND user_id = ? AND topic_id = ? AND question_id = ?
            ORDER BY seq""";

    /** A member's events, attempt by attempt: the index {@code attempt_event_member} (guild, user, topic, question). */
    private static final String SELECT_MEMBER = "SELECT " + EVENT_COLUMNS + """

            FROM attempt_event WHERE guild_id = ? AND user_id = ?
            ORDER BY topic_id, question_id, post_id, seq""";

    private static final String SELECT_MEMBER_TOPIC = "SELECT " + EVENT_COLUMNS + """

            FROM attempt_event WHERE guild_id = ? AND user_id = ? AND topic_id = ?
            ORDER BY question_id, post_id, seq""";

    /**
     * How an event changes a member's card at a question: the row as read ({@code before}, empty for the
     * member's first card there) and the row to write ({@code after}, showing {@code card}).
     */
    record Change(AttemptKey key, Optional<Stored> before, Stored after, Card card) {
        /**
         * PostgreSQL: the write as a statement that writes only if the row is still {@code before} (an
         * insert of a first card does nothing if another transaction inserted it meanwhile), returning one
         * row when it wrote; it goes first in the event's statement (see {@link SqlAttemptJournal}).
         */
        String conditionalWrite() {
            return (before.isPresent() ? UPDATE_CARD_IF_UNCHANGED : INSERT_CARD) + " RETURNING 1";
        }

        /** Binds {@link #conditionalWrite} from parameter {@code from}; returns the next parameter's index. */
        int bindConditionalWrite(PreparedStatement statement, int from) throws SQLException {
            int i = bindCardKey(statement, bindCard(statement, from, after, card), key);
            return before.isPresent() ? bindBase(statement, i, before.get()) : i;
        }
    }

    /** A member's card row at a question: the cache's key. */
    private record CardKey(long guild, long user, QuestionRef question) {
        static CardKey of(AttemptKey key) {
            return new CardKey(key.place().guild(), key.user(), key.question());
        }
    }

    /** A card row as this process last wrote or read it: a guess, checked by the write that relies on it. */
    private record Known(Optional<Stored> row) {
    }

    /**
     * SQLite: the card rows this process wrote last, so that the next event of the member at the question
     * (the next try, a review) need not read the row first. Only a guess: {@link #recorded} writes only
     * if the row is still as known. Bounded; a row not here is guessed absent (a member's first card at a
     * question), which the insert checks the same way.
     */
    private final Cache<CardKey, Known> known = Caffeine.newBuilder()
            .maximumSize(KNOWN_ROWS)
            .expireAfterAccess(Duration.ofHours(6))
            // Maintenance on the writer's thread, as LiveAttempts does, not a common-pool thread per write.
            .executor(Runnable::run)
            .build();

    private final Database database;
    private final FsrsScheduler scheduler;

    public SqlCardStore(Database database, FsrsScheduler scheduler) {
        this.database = Objects.requireNonNull(database, "database");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    public FsrsScheduler scheduler() {
        return scheduler;
    }

    /** Whether the event can change a review: an answer or a give-up; a hint never does. */
    static boolean changesReview(RecordedEvent recorded) {
        return !(recorded.event() instanceof AttemptEvent.HintShown);
    }

    /**
     * SQLite: brings the member's card at the event's question up to date with the event, in the caller's
     * transaction (the writer's: nothing else writes meanwhile, in this process or another). The row is
     * not read first when this process knows it (it wrote or read it last, see {@link #known}): the change
     * is computed from the row as known and written only if the row is still that (or, known to be
     * absent, still absent), one statement instead of a read and a write. Should the row differ (another
     * process changed it, a write was rolled back, the member's data was deleted), it is read and the
     * change computed again, as without the guess.
     */
    void recorded(Session session, RecordedEvent recorded) throws SQLException {
        Optional<Reviewed> reviewed = reviewed(session, recorded);
        if (reviewed.isEmpty()) {
            return;
        }
        CardKey key = CardKey.of(recorded.key());
        Known guess = known.getIfPresent(key);
        Change change = change(recorded.key(), reviewed.get(), guess == null ? Optional.empty() : guess.row());
        PreparedStatement write = session.prepare(change.before().isPresent() ? UPDATE_CARD_IF_UNCHANGED : INSERT_CARD);
        change.bindConditionalWrite(write, 1);
        if (write.executeUpdate() == 1) {
            known.put(key, new Known(Optional.of(change.after())));
            return;
        }
        change = change(recorded.key(), reviewed.get(), select(session, recorded.key(), false));
        write = session.prepare(change.before().isPresent() ? UPDATE_CARD : INSERT_CARD);
        bindCardKey(write, bindCard(write, 1, change.after(), change.card()), recorded.key());
        write.executeUpdate();
        known.put(key, new Known(Optional.of(change.after())));
    }

    /** An event's review, with the attempt after the event. */
    private record Reviewed(Attempt after, Review review) {
    }

    /** The review the event makes, if it makes one; reads the attempt back for an event written without it. */
    private static Optional<Reviewed> reviewed(Session session, RecordedEvent recorded) throws SQLException {
        if (!changesReview(recorded)) {
            return Optional.empty();
        }
        Attempt after = recorded.attemptAfter().isPresent() ? recorded.attemptAfter().get() : readBack(session, recorded);
        return Review.of(after).map(review -> new Reviewed(after, review));
    }

    /**
     * The change the event makes to the member's card at its question, computed from the row as read now
     * ({@code lock}: read {@code FOR UPDATE}, PostgreSQL in a transaction); empty when the event changes no
     * review. Writes nothing.
     */
    Optional<Change> change(Session session, RecordedEvent recorded, boolean lock) throws SQLException {
        Optional<Reviewed> reviewed = reviewed(session, recorded);
        if (reviewed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(change(recorded.key(), reviewed.get(), select(session, recorded.key(), lock)));
    }

    /** The change a review makes to the member's card row {@code stored} (empty: no row yet). */
    private Change change(AttemptKey key, Reviewed reviewed, Optional<Stored> stored) {
        Attempt after = reviewed.after();
        Review review = reviewed.review();
        List<Pending> pending = new ArrayList<>(stored.map(Stored::pending).orElse(List.of()));
        pending.removeIf(p -> p.post() == key.place().post());
        Card base = stored.map(Stored::base).orElse(null);
        Instant at = review.at();
        if (base != null && base.lastReview().isPresent() && at.isBefore(base.lastReview().get())) {
            at = base.lastReview().get();
        }
        // A topic test's answer is final: the test moves on, and its attempt never gets another event.
        boolean changeable = !after.status().ended() && key.place().kind() != Place.Kind.TEST;
        pending.add(new Pending(key.place().post(), review.rating(), at, changeable));
        pending.sort(IN_TIME);
        if (base == null) {
            base = Card.fresh(pending.get(0).at());
        }
        while (!pending.isEmpty() && (!pending.get(0).changeable() || pending.size() > MAX_PENDING)) {
            Pending first = pending.remove(0);
            base = scheduler.review(base, first.rating(), first.at());
        }
        Stored next = new Stored(base, pending);
        return new Change(key, stored, next, next.card(scheduler));
    }

    @Override
    public Deck deck(long guild, long user) {
        return database.read("read the review cards of user " + user, session -> {
            PreparedStatement select = session.prepare(SELECT_DECK);
            select.setLong(1, guild);
            select.setLong(2, user);
            Map<QuestionRef, Card> cards = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    cards.put(new QuestionRef(row.getString("topic_id"), row.getString("question_id")),
                            stored(row).card(scheduler));
                }
            }
            return Deck.ofCards(scheduler, cards);
        });
    }

    /**
     * A card is due on or before {@code day} in {@code zone} exactly when it is due before the next day
     * starts there; the due second compares as the due instant does, the day's start being a whole second.
     */
    @Override
    public int membersWithDue(long guild, LocalDate day, ZoneId zone) {
        long nextDay = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
        return database.read("count the members with reviews due", session -> {
            PreparedStatement count = session.prepare(COUNT_MEMBERS_DUE);
            count.setLong(1, guild);
            count.setLong(2, nextDay);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    @Override
    public List<Deck.Attempted> attempts(long guild, long user, Optional<String> topic) {
        return database.read("read the attempts of user " + user, session -> {
            PreparedStatement select = session.prepare(topic.isPresent() ? SELECT_MEMBER_TOPIC : SELECT_MEMBER);
            select.setLong(1, guild);
            select.setLong(2, user);
            if (topic.isPresent()) {
                select.setString(3, topic.get());
            }
            List<Deck.Attempted> attempts = new ArrayList<>();
            List<RecordedEvent> one = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    RecordedEvent event = recordedEvent(row, guild, user);
                    if (!one.isEmpty() && !one.get(0).key().equals(event.key())) {
                        attempts.add(attempted(one));
                        one.clear();
                    }
                    one.add(event);
                }
            }
            if (!one.isEmpty()) {
                attempts.add(attempted(one));
            }
            return attempts;
        });
    }

    private static Deck.Attempted attempted(List<RecordedEvent> events) {
        return new Deck.Attempted(events.get(0).key().question(), Attempt.ofRecorded(List.copyOf(events)));
    }

    /** The attempt after the event, from its stored events and this one (an event written by hand). */
    private static Attempt readBack(Session session, RecordedEvent recorded) throws SQLException {
        AttemptKey key = recorded.key();
        PreparedStatement select = session.prepare(SELECT_ATTEMPT);
        select.setLong(1, key.place().guild());
        select.setLong(2, key.place().post());
        select.setLong(3, key.user());
        select.setString(4, key.question().topicId());
        select.setString(5, key.question().questionId());
        List<RecordedEvent> events = new ArrayList<>(
                Session.rows(select, row -> recordedEvent(row, key.place().guild(), key.user())));
        events.add(recorded);
        return Attempt.ofRecorded(events);
    }

    private static Optional<Stored> select(Session session, AttemptKey key, boolean lock) throws SQLException {
        PreparedStatement select = session.prepare(lock ? SELECT_CARD_FOR_UPDATE : SELECT_CARD);
        bindCardKey(select, 1, key);
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(stored(row)) : Optional.empty();
        }
    }

    private static RecordedEvent recordedEvent(ResultSet row, long guild, long user) throws SQLException {
        Place place = new Place(guild, row.getLong("post_id"), Codes.placeKind(row.getString("place_kind")));
        AttemptKey key = new AttemptKey(place, user,
                new QuestionRef(row.getString("topic_id"), row.getString("question_id")));
        return new RecordedEvent(key, Codes.difficulty(row.getString("difficulty")), Codes.kind(row.getString("kind")),
                SqlAttemptJournal.event(row), Codes.status(row.getString("status_after")),
                Codes.points(row.getLong("score_milli")));
    }

    private static Stored stored(ResultSet row) throws SQLException {
        long lastSecond = row.getLong("base_last_second");
        Optional<Instant> last = row.wasNull() ? Optional.empty()
                : Optional.of(Codes.instant(lastSecond, row.getInt("base_last_nano")));
        Card base = new Card(Codes.cardState(row.getString("base_state")), row.getInt("base_step"),
                row.getDouble("base_stability"), row.getDouble("base_difficulty"),
                Codes.instant(row.getLong("base_due_second"), row.getInt("base_due_nano")), last,
                row.getInt("base_reps"), row.getInt("base_lapses"));
        return new Stored(base, pending(row.getString("pending")));
    }

    private static int bindCard(PreparedStatement statement, int from, Stored stored, Card card) throws SQLException {
        int i = bindBase(statement, from, stored);
        statement.setLong(i++, card.due().getEpochSecond());
        return i;
    }

    /** Binds the columns of {@link #CARD_COLUMNS} (the stored row but its due second). */
    private static int bindBase(PreparedStatement statement, int from, Stored stored) throws SQLException {
        Card base = stored.base();
        int i = from;
        statement.setString(i++, Codes.cardState(base.state()));
        statement.setInt(i++, base.step());
        statement.setDouble(i++, base.stability());
        statement.setDouble(i++, base.difficulty());
        statement.setLong(i++, base.due().getEpochSecond());
        statement.setInt(i++, base.due().getNano());
        if (base.lastReview().isPresent()) {
            statement.setLong(i++, base.lastReview().get().getEpochSecond());
            statement.setInt(i++, base.lastReview().get().getNano());
        } else {
            statement.setNull(i++, Types.BIGINT);
            statement.setNull(i++, Types.INTEGER);
        }
        statement.setInt(i++, base.reps());
        statement.setInt(i++, base.lapses());
        statement.setString(i++, pending(stored.pending()));
        return i;
    }

    private static int bindCardKey(PreparedStatement statement, int from, AttemptKey key) throws SQLException {
        int i = from;
        statement.setLong(i++, key.place().guild());
        statement.setLong(i++, key.user());
        statement.setString(i++, key.question().topicId());
        statement.setString(i++, key.question().questionId());
        return i;
    }

    /**
     * The pending reviews as text: each "post,grade,second,nano,c" (c: {@code o} while the attempt can still
     * change, {@code e} once it cannot), separated by ";"; empty for none.
     */
    static String pending(List<Pending> pending) {
        StringBuilder text = new StringBuilder();
        for (Pending p : pending) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(p.post()).append(',').append(p.rating().grade()).append(',').append(p.at().getEpochSecond())
                    .append(',').append(p.at().getNano()).append(',').append(p.changeable() ? 'o' : 'e');
        }
        return text.toString();
    }

    static List<Pending> pending(String text) {
        List<Pending> pending = new ArrayList<>();
        if (text.isEmpty()) {
            return pending;
        }
        for (String one : text.split(";")) {
            String[] f = one.split(",");
            if (f.length != 5 || !(f[4].equals("o") || f[4].equals("e"))) {
                throw new StorageException("The database holds a review card that cannot be read ('" + one
                        + "'); was it written by a newer version of the bot?");
            }
            int grade = Integer.parseInt(f[1]);
            Rating rating = java.util.Arrays.stream(Rating.values()).filter(r -> r.grade() == grade).findFirst()
                    .orElseThrow(() -> new StorageException("The database holds an unknown review rating " + grade));
            pending.add(new Pending(Long.parseLong(f[0]), rating,
                    Codes.instant(Long.parseLong(f[2]), Integer.parseInt(f[3])), f[4].equals("o")));
        }
        return pending;
    }
}
