package dev.quiztutor.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the bot keeps its data: a JDBC url ({@code jdbc:sqlite:<file>} or
 * {@code jdbc:postgresql://host:port/db}), the credentials PostgreSQL needs, and the number of pooled
 * connections. SQLite ignores the credentials.
 */
public record StorageSettings(String url, Optional<String> user, Optional<String> password, int poolSize) {
    public static final String DEFAULT_URL = "jdbc:sqlite:data/quiztutor.db";
    /**
     * Enough for the Discord event threads and the scheduler to read at once; SQLite still writes one
     * transaction at a time, the others wait (see {@link Database#BUSY_TIMEOUT_MILLIS}).
     */
    public static final int DEFAULT_POOL_SIZE = 8;
    public static final StorageSettings DEFAULT = sqlite(DEFAULT_URL.substring("jdbc:sqlite:".length()));

    public StorageSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (url.isBlank()) {
            throw new IllegalArgumentException("the database url is empty; use " + DEFAULT_URL
                    + " or jdbc:postgresql://host:port/database");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("the database pool size must be at least 1, not " + poolSize);
        }
    }

    /** The embedded database in one file; its folder is created on first run. */
    public static StorageSettings sqlite(String file) {
        return new StorageSettings("jdbc:sqlite:" + file, Optional.empty(), Optional.empty(), DEFAULT_POOL_SIZE);
    }

    public static StorageSettings postgres(String url, String user, String password) {
        return new StorageSettings(url, Optional.ofNullable(user), Optional.ofNullable(password), DEFAULT_POOL_SIZE);
    }

    public StorageSettings withPoolSize(int size) {
        return new StorageSettings(url, user, password, size);
    }

    /** The url without its query, which may carry a password: safe for logs and error messages. */
    public String safeUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }

    /** Never prints the password, so settings can be logged. */
    @Override
    public String toString() {
        return "StorageSettings[url=" + safeUrl() + ", user=" + user.orElse("(none)")
                + ", password=" + (password.isPresent() ? "(set)" : "(none)") + ", poolSize=" + poolSize + "]";
    }
}
