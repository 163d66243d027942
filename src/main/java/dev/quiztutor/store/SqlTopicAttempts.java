package dev.quiztutor.store;

import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.stats.RecordedAttempt;
import dev.quiztutor.tutor.stats.TopicAttempts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A topic's attempts for the statistics, read from {@code attempt_event}. A topic test's answers are
 * events at place kind 'test' whose post id is the test's id, so the attempts of one sitting share
 * (guild, user, post id).
 *
 * <p>No index of its own: within a guild, the primary key (guild_id, post_id, user_id, topic_id, ...)
 * bounds the read to that guild's rows and gives them in attempt order, and a moderator's /stats is
 * rare next to the appends, each of which would pay for another index.
 */
public final class SqlTopicAttempts implements TopicAttempts {
    private static final String COLUMNS = """
            SELECT guild_id, post_id, user_id, question_id, place_kind,
                   at_second, at_nano, event, response, grade_right, grade_of, hint_number
            FROM attempt_event
            """;
    /** In the primary key's order, so that each attempt's events come together and in sequence. */
    private static final String ORDER = " ORDER BY guild_id, post_id, user_id, topic_id, question_id, seq";
    private static final String IN_GUILD = COLUMNS + "WHERE guild_id = ? AND topic_id = ?" + ORDER;
    private static final String EVERYWHERE = COLUMNS + "WHERE topic_id = ?" + ORDER;

    private final Database database;

    public SqlTopicAttempts(Database database) {
        this.database = Objects.requireNonNull(database);
    }

    @Override
    public List<RecordedAttempt> of(OptionalLong guild, String topicId) {
        Objects.requireNonNull(topicId, "topicId");
        return database.read("read the attempts at topic " + topicId, session -> {
            PreparedStatement select = session.prepare(guild.isPresent() ? IN_GUILD : EVERYWHERE);
            int i = 1;
            if (guild.isPresent()) {
                select.setLong(i++, guild.getAsLong());
            }
            select.setString(i, topicId);
            List<RecordedAttempt> attempts = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                Key current = null;
                List<AttemptEvent> events = new ArrayList<>();
                while (row.next()) {
                    Key key = new Key(row.getLong("guild_id"), row.getLong("post_id"), row.getLong("user_id"),
                            row.getString("question_id"), row.getString("place_kind"));
                    if (!key.equals(current)) {
                        if (current != null) {
                            attempts.add(current.attempt(topicId, events));
                        }
                        current = key;
                        events = new ArrayList<>();
                    }
                    events.add(SqlAttemptJournal.event(row));
                }
                if (current != null) {
                    attempts.add(current.attempt(topicId, events));
                }
            }
            return attempts;
        });
    }

    /** What makes one attempt: its place, member and question. */
    private record Key(long guild, long post, long user, String question, String placeKind) {
        RecordedAttempt attempt(String topicId, List<AttemptEvent> events) {
            Optional<RecordedAttempt.Sitting> test = placeKind.equals(Codes.placeKind(Place.Kind.TEST))
                    ? Optional.of(new RecordedAttempt.Sitting(guild, user, post)) : Optional.empty();
            return new RecordedAttempt(new QuestionRef(topicId, question), test, events);
        }
    }
}
