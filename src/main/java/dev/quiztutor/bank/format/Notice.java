package dev.quiztutor.bank.format;

/**
 * Something an author should know about one question of a foreign file: that it was skipped, and
 * why, or that part of it (an image, partial credit) could not come along.
 */
public record Notice(String file, int line, String name, String message, boolean skipped) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + name + ": " + message + (skipped ? "; skipped" : "");
    }
}
