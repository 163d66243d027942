package dev.quiztutor.store;

/**
 * Storage failed: the database cannot be opened or migrated, or a read or write failed. The message
 * is one line meant for the person running the bot (print it, not the stack trace); the cause keeps
 * the driver's details for the log.
 */
public final class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(oneLine(message));
    }

    public StorageException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Drivers and Flyway write several lines; a startup error should read as one sentence. */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ").replaceAll("-{3,} ?", "");
    }

    /** The driver's own words for why, without its stack. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null
                || root.getMessage().isBlank())) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : oneLine(message);
    }
}
