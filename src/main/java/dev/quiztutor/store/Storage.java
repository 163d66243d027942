package dev.quiztutor.store;

import dev.quiztutor.schedule.ScheduleStore;
import dev.quiztutor.tutor.AttemptJournal;
import dev.quiztutor.tutor.History;
import dev.quiztutor.tutor.progress.RightAnswers;
import dev.quiztutor.tutor.review.CardStore;
import dev.quiztutor.tutor.review.FsrsScheduler;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the bot keeps, over one database: what the wiring builds at startup and closes at
 * shutdown. Opening migrates the schema; a failure is a {@link StorageException} with a one-line
 * reason to print.
 */
public final class Storage implements AutoCloseable {
    private final Database database;
    private final SqlAttemptJournal journal;
    private final SqlHistory history;
    private final SqlFigures figures;
    private final SqlTopicTestStore tests;
    private final SqlGuildSettingsStore guilds;
    private final SqlScheduleStore schedules;
    private final SqlServerTopicStore serverTopics;
    private final MemberData members;
    private final SqlCardStore cards;
    private final SqlSuggestionStore suggestions;

    private Storage(Database database, Clock clock, FsrsScheduler scheduler) {
        this.database = database;
        this.cards = new SqlCardStore(database, scheduler);
        this.journal = new SqlAttemptJournal(database, cards);
        this.history = new SqlHistory(database);
        this.figures = new SqlFigures(database, clock);
        this.tests = new SqlTopicTestStore(database, clock);
        this.guilds = new SqlGuildSettingsStore(database);
        this.schedules = new SqlScheduleStore(database, clock);
        this.serverTopics = new SqlServerTopicStore(database);
        this.members = new MemberData(database);
        this.suggestions = new SqlSuggestionStore(database);
    }

    /** Storage whose review cards are scheduled for the default retention (see {@link FsrsScheduler#tutor}). */
    public static Storage open(StorageSettings settings, Clock clock) {
        return open(settings, clock, FsrsScheduler.tutor(FsrsScheduler.DEFAULT_RETENTION));
    }

    /**
     * The store an operator's command ({@code command}, as typed) works on, which must exist already: a
     * SQLite file that is not there is refused with where it was looked for, never created empty.
     */
    public static Storage openExisting(StorageSettings settings, Clock clock, String command) {
        if (Database.dialectOf(settings.url()) == Database.Dialect.SQLITE) {
            Database.existingSqliteFile(settings, command);
        }
        return open(settings, clock);
    }

    /**
     * Storage whose review cards are kept with {@code scheduler}. A card is scheduled when it is reviewed:
     * a changed retention applies to reviews from then on.
     */
    public static Storage open(StorageSettings settings, Clock clock, FsrsScheduler scheduler) {
        Objects.requireNonNull(clock);
        Objects.requireNonNull(scheduler);
        return new Storage(Database.open(settings), clock, scheduler);
    }

    public Database database() {
        return database;
    }

    public AttemptJournal journal() {
        return journal;
    }

    public History history() {
        return history;
    }

    public Figures figures() {
        return figures;
    }

    /** A member's right answers over time: the progress chart's weeks. */
    public RightAnswers rightAnswers() {
        return new SqlRightAnswers(database);
    }

    public TopicTestStore tests() {
        return tests;
    }

    public GuildSettingsStore guilds() {
        return guilds;
    }

    /** Moderators' daily quiz posts and their slots. */
    public ScheduleStore schedules() {
        return schedules;
    }

    /** The topics servers uploaded with /bank. */
    public ServerTopicStore serverTopics() {
        return serverTopics;
    }

    /** Everything stored about one member: counted, and deleted on request (/forget-me). */
    public MemberData members() {
        return members;
    }

    /** Members' review cards, kept with every answer (see {@link SqlCardStore}). */
    public CardStore cards() {
        return cards;
    }

    /** Members' suggestions (/suggest), each server's review channel, and forms being fixed. */
    public SuggestionStore suggestions() {
        return suggestions;
    }

    @Override
    public void close() {
        database.close();
    }
}
