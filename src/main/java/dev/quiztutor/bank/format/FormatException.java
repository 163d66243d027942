package dev.quiztutor.bank.format;

/** The whole file cannot be read in its format (not well-formed XML, a CSV without a question column...). */
public final class FormatException extends Exception {
    private final int line;

    public FormatException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
