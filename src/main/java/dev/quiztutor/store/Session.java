package dev.quiztutor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection lent to one piece of work, and the statements prepared on it. Work never closes the
 * statements it gets: the session does, when the work is over, or keeps them for the next work when
 * it is SQLite's writer connection, where preparing a statement costs about as much as running it.
 */
final class Session implements AutoCloseable {
    private final Connection connection;
    private final boolean keepStatements;
    private final Map<String, PreparedStatement> kept = new HashMap<>();
    private final List<PreparedStatement> lent = new ArrayList<>();

    Session(Connection connection, boolean keepStatements) {
        this.connection = connection;
        this.keepStatements = keepStatements;
    }

    /** A statement ready for new parameters; valid until the work returns. Do not close it. */
    PreparedStatement prepare(String sql) throws SQLException {
        if (!keepStatements) {
            PreparedStatement statement = connection.prepareStatement(sql);
            lent.add(statement);
            return statement;
        }
        PreparedStatement statement = kept.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            kept.put(sql, statement);
        } else {
            // A failed execution may have left parameters or a half-built batch behind.
            statement.clearParameters();
            statement.clearBatch();
        }
        return statement;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Runs a query and reads each row of its result, in order. */
    static <T> List<T> rows(PreparedStatement select, Row<T> reader) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.add(reader.read(row));
            }
        }
        return rows;
    }

    /** Runs a statement without parameters (BEGIN, COMMIT...). */
    void execute(String sql) throws SQLException {
        prepare(sql).execute();
    }

    Connection connection() {
        return connection;
    }

    /** Closes the statements lent to one piece of work; kept statements stay open. */
    void release() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : lent) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        lent.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes every statement and the connection (which returns it to its pool, if pooled). */
    @Override
    public void close() throws SQLException {
        try {
            release();
            for (PreparedStatement statement : kept.values()) {
                statement.close();
            }
            kept.clear();
        } finally {
            connection.close();
        }
    }
}
