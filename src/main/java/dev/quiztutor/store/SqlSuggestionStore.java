package dev.quiztutor.store;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.SuggestedQuestion;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.bank.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Suggestions in the {@code suggestion} table, with review channels and drafts beside it (V8). */
public final class SqlSuggestionStore implements SuggestionStore {
    private static final String NEXT_ID = "UPDATE schedule_id_sequence SET last_id = last_id + 1 WHERE name = 'suggestion'";
    private static final String LAST_ID = "SELECT last_id FROM schedule_id_sequence WHERE name = 'suggestion'";
    private static final String INSERT = """
            INSERT INTO suggestion (suggestion_id, guild_id, author_id, author_name, topic_id, question_json, state,
                created_second)
            VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)
            """;
    private static final String SELECT = """
            SELECT suggestion_id, guild_id, author_id, author_name, topic_id, question_json, state, created_second,
                decided_by, decided_name, decided_second
            FROM suggestion WHERE suggestion_id = ?
            """;
    private static final String UPDATE = "UPDATE suggestion SET question_json = ? WHERE suggestion_id = ? AND state = 'pending'";
    private static final String DECIDE = """
            UPDATE suggestion SET state = ?, decided_by = ?, decided_name = ?, decided_second = ?
            WHERE suggestion_id = ? AND state = 'pending'
            """;
    private static final String REOPEN = """
            UPDATE suggestion SET state = 'pending', decided_by = NULL, decided_name = NULL, decided_second = NULL
            WHERE suggestion_id = ?
            """;
    private static final String DELETE = "DELETE FROM suggestion WHERE suggestion_id = ?";
    private static final String COUNT = "SELECT COUNT(*) FROM suggestion WHERE guild_id = ? AND author_id = ? AND created_second >= ?";
    private static final String CHANNEL = "SELECT channel_id FROM suggestion_review_channel WHERE guild_id = ?";
    private static final String SET_CHANNEL = """
            INSERT INTO suggestion_review_channel (guild_id, channel_id) VALUES (?, ?)
            ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id
            """;
    private static final String DRAFT = """
            SELECT topic_id, prompt, options, answer, explanation FROM suggestion_draft WHERE guild_id = ? AND user_id = ?
            """;
    private static final String SAVE_DRAFT = """
            INSERT INTO suggestion_draft (guild_id, user_id, topic_id, prompt, options, answer, explanation, saved_second)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (guild_id, user_id) DO UPDATE SET topic_id = excluded.topic_id, prompt = excluded.prompt,
                options = excluded.options, answer = excluded.answer, explanation = excluded.explanation,
                saved_second = excluded.saved_second
            """;
    private static final String DELETE_DRAFT = "DELETE FROM suggestion_draft WHERE guild_id = ? AND user_id = ?";
    private static final String FORGET_UNAPPROVED = "DELETE FROM suggestion WHERE author_id = ? AND state <> 'approved'";
    private static final String FORGET_AUTHOR = "UPDATE suggestion SET author_id = 0, author_name = '' WHERE author_id = ?";
    private static final String FORGET_MODERATOR = "UPDATE suggestion SET decided_by = 0, decided_name = '' WHERE decided_by = ?";
    private static final String FORGET_DRAFTS = "DELETE FROM suggestion_draft WHERE user_id = ?";
    private static final String CREDITED = """
            SELECT suggestion_id, guild_id, topic_id FROM suggestion
            WHERE author_id = ? AND state = 'approved' AND author_name <> ''
            ORDER BY guild_id, topic_id, suggestion_id
            """;
    private static final String FORGET_CREDITED =
            "UPDATE suggestion SET author_id = 0, author_name = '' WHERE author_id = ? AND state = 'approved'";
    private static final String TOPIC = "SELECT version, json FROM server_topic WHERE guild_id = ? AND topic_id = ?";
    /** Compare-and-set, as every change of a server topic: a version committed meanwhile elsewhere matches no row. */
    private static final String REWRITE_TOPIC = """
            UPDATE server_topic SET version = version + 1, json = ? WHERE guild_id = ? AND topic_id = ? AND version = ?
            """;
    /** How often a topic that other processes keep changing is read again before forgetting fails (nothing changes). */
    private static final int TRIES = 20;

    private final Database database;

    public SqlSuggestionStore(Database database) {
        this.database = Objects.requireNonNull(database);
    }

    @Override
    public long add(long guild, Person author, String topicId, SuggestedQuestion question, Instant at) {
        return database.write("store a suggestion of member " + author.id(), session -> {
            session.prepare(NEXT_ID).executeUpdate();
            long id;
            try (ResultSet row = session.prepare(LAST_ID).executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the schedule_id_sequence row 'suggestion' is missing");
                }
                id = row.getLong(1);
            }
            PreparedStatement insert = session.prepare(INSERT);
            insert.setLong(1, id);
            insert.setLong(2, guild);
            insert.setLong(3, author.id());
            insert.setString(4, author.name());
            insert.setString(5, topicId);
            insert.setString(6, question.toJson());
            insert.setLong(7, at.getEpochSecond());
            insert.executeUpdate();
            PreparedStatement draft = session.prepare(DELETE_DRAFT);
            draft.setLong(1, guild);
            draft.setLong(2, author.id());
            draft.executeUpdate();
            return id;
        });
    }

    @Override
    public Optional<Suggestion> get(long id) {
        return database.read("read suggestion " + id, session -> {
            PreparedStatement select = session.prepare(SELECT);
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long decidedBy = row.getLong(9);
                Optional<Decision> decision = row.wasNull() ? Optional.empty()
                        : Optional.of(new Decision(new Person(decidedBy, Objects.requireNonNullElse(row.getString(10), "")),
                        Instant.ofEpochSecond(row.getLong(11))));
                return Optional.of(new Suggestion(row.getLong(1), row.getLong(2), new Person(row.getLong(3), row.getString(4)),
                        row.getString(5), SuggestedQuestion.fromJson(row.getString(6)),
                        State.valueOf(row.getString(7).toUpperCase(Locale.ROOT)), Instant.ofEpochSecond(row.getLong(8)),
                        decision));
            }
        });
    }

    @Override
    public boolean update(long id, SuggestedQuestion question) {
        return database.writeOneStatement("edit suggestion " + id, session -> {
            PreparedStatement update = session.prepare(UPDATE);
            update.setString(1, question.toJson());
            update.setLong(2, id);
            return update.executeUpdate();
        }) > 0;
    }

    @Override
    public boolean decide(long id, State state, Person moderator, Instant at) {
        if (state == State.PENDING) {
            throw new IllegalArgumentException("a decision approves or rejects");
        }
        return database.writeOneStatement("decide suggestion " + id, session -> {
            PreparedStatement decide = session.prepare(DECIDE);
            decide.setString(1, state.name().toLowerCase(Locale.ROOT));
            decide.setLong(2, moderator.id());
            decide.setString(3, moderator.name());
            decide.setLong(4, at.getEpochSecond());
            decide.setLong(5, id);
            return decide.executeUpdate();
        }) > 0;
    }

    @Override
    public void reopen(long id) {
        database.writeOneStatement("reopen suggestion " + id, session -> {
            PreparedStatement reopen = session.prepare(REOPEN);
            reopen.setLong(1, id);
            return reopen.executeUpdate();
        });
    }

    @Override
    public void delete(long id) {
        database.writeOneStatement("delete suggestion " + id, session -> {
            PreparedStatement delete = session.prepare(DELETE);
            delete.setLong(1, id);
            return delete.executeUpdate();
        });
    }

    @Override
    public int countSince(long guild, long author, Instant since) {
        return database.read("count the suggestions of member " + author, session -> {
            PreparedStatement count = session.prepare(COUNT);
            count.setLong(1, guild);
            count.setLong(2, author);
            count.setLong(3, since.getEpochSecond());
            try (ResultSet row = count.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        });
    }

    @Override
    public OptionalLong reviewChannel(long guild) {
        return database.read("read the review channel of guild " + guild, session -> {
            PreparedStatement select = session.prepare(CHANNEL);
            select.setLong(1, guild);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        });
    }

    @Override
    public void setReviewChannel(long guild, long channel) {
        database.writeOneStatement("set the review channel of guild " + guild, session -> {
            PreparedStatement upsert = session.prepare(SET_CHANNEL);
            upsert.setLong(1, guild);
            upsert.setLong(2, channel);
            return upsert.executeUpdate();
        });
    }

    @Override
    public Optional<Draft> draft(long guild, long user) {
        return database.read("read the suggestion draft of member " + user, session -> {
            PreparedStatement select = session.prepare(DRAFT);
            select.setLong(1, guild);
            select.setLong(2, user);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Draft(row.getString(1), new SuggestedQuestion.Typed(row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), ""))) : Optional.empty();
            }
        });
    }

    @Override
    public void saveDraft(long guild, long user, Draft draft, Instant at) {
        database.writeOneStatement("keep the suggestion draft of member " + user, session -> {
            PreparedStatement upsert = session.prepare(SAVE_DRAFT);
            upsert.setLong(1, guild);
            upsert.setLong(2, user);
            upsert.setString(3, draft.topicId());
            upsert.setString(4, draft.typed().prompt());
            upsert.setString(5, draft.typed().options());
            upsert.setString(6, draft.typed().answer());
            upsert.setString(7, draft.typed().explanation());
            upsert.setLong(8, at.getEpochSecond());
            return upsert.executeUpdate();
        });
    }

    @Override
    public int forgetAuthor(long user) {
        return database.write("remove the name of member " + user + " from their suggestions' credit",
                session -> forgetAuthor(session, user));
    }

    /**
     * {@link #forgetAuthor}, inside a transaction of the caller's (so that forgetting a member is
     * all or nothing): each server topic holding a question of theirs is rewritten once.
     */
    static int forgetAuthor(Session session, long user) throws SQLException {
        Map<TopicKey, List<Long>> byTopic = new LinkedHashMap<>();
        PreparedStatement credited = session.prepare(CREDITED);
        credited.setLong(1, user);
        try (ResultSet row = credited.executeQuery()) {
            while (row.next()) {
                byTopic.computeIfAbsent(new TopicKey(row.getLong(2), row.getString(3)), k -> new ArrayList<>())
                        .add(row.getLong(1));
            }
        }
        int removed = 0;
        for (Map.Entry<TopicKey, List<Long>> topic : byTopic.entrySet()) {
            removed += uncredit(session, topic.getKey(), topic.getValue());
        }
        PreparedStatement forget = session.prepare(FORGET_CREDITED);
        forget.setLong(1, user);
        forget.executeUpdate();
        return removed;
    }

    private record TopicKey(long guild, String topicId) {
    }

    /** Rewrites the topic with the suggestions' credits naming nobody; how many it changed. */
    private static int uncredit(Session session, TopicKey key, List<Long> suggestions) throws SQLException {
        for (int i = 0; i < TRIES; i++) {
            PreparedStatement select = session.prepare(TOPIC);
            select.setLong(1, key.guild());
            select.setString(2, key.topicId());
            int version;
            String json;
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return 0;
                }
                version = row.getInt(1);
                json = row.getString(2);
            }
            BankLoader.FileResult read = BankLoader.read(Path.of(key.topicId() + ".json"),
                    json.getBytes(StandardCharsets.UTF_8));
            if (read.topic().isEmpty()) {
                throw new SQLException("topic " + key.topicId() + " of guild " + key.guild() + " as stored no longer"
                        + " reads, so the credits in it cannot be removed: " + read.problems());
            }
            Topic topic = read.topic().get();
            List<Question> questions = new ArrayList<>();
            int changed = 0;
            for (Question q : topic.questions()) {
                Optional<Question> anonymous = ofAny(q, suggestions) ? SuggestedQuestion.withoutCredit(q) : Optional.empty();
                questions.add(anonymous.orElse(q));
                changed += anonymous.isPresent() ? 1 : 0;
            }
            if (changed == 0) {
                return 0;
            }
            Topic next = new Topic(topic.id(), topic.title(), topic.category(), topic.summary(), topic.minutes(),
                    topic.lesson(), questions, topic.source());
            PreparedStatement rewrite = session.prepare(REWRITE_TOPIC);
            rewrite.setString(1, TopicWriter.write(next, ""));
            rewrite.setLong(2, key.guild());
            rewrite.setString(3, key.topicId());
            rewrite.setInt(4, version);
            if (rewrite.executeUpdate() > 0) {
                SqlServerTopicStore.changed(session);
                return changed;
            }
        }
        throw new SQLException("topic " + key.topicId() + " of guild " + key.guild() + " changed " + TRIES
                + " times while the credits in it were being removed");
    }

    /** Whether {@code q} is one of the suggestions, by the id an approval gives it ("suggestion-7", "suggestion-7-2"). */
    private static boolean ofAny(Question q, List<Long> suggestions) {
        String id = q.ref().questionId();
        return suggestions.stream().anyMatch(s -> id.equals("suggestion-" + s) || id.startsWith("suggestion-" + s + "-"));
    }

    @Override
    public void deleteMember(long user) {
        database.write("forget the suggestions of member " + user, session -> deleteMember(session, user));
    }

    /**
     * {@link #deleteMember} inside a caller's transaction (/forget-me deletes everything of a member in
     * one): their name taken off the questions they suggested, then the suggestion and draft rows
     * deleted or taken off the member; returns those rows.
     */
    static long deleteMember(Session session, long user) throws java.sql.SQLException {
        forgetAuthor(session, user);
        long rows = 0;
        for (String sql : new String[] {FORGET_UNAPPROVED, FORGET_AUTHOR, FORGET_MODERATOR, FORGET_DRAFTS}) {
            PreparedStatement statement = session.prepare(sql);
            statement.setLong(1, user);
            rows += statement.executeUpdate();
        }
        return rows;
    }
}
