package dev.quiztutor.bank;

import java.nio.file.Path;

/**
 * One thing wrong with a quiz file, located so an author can jump to it:
 * {@code file:line:column: field.path: what is wrong and what is allowed}.
 * Line and column are 1-based; {@code field} is empty for problems of the whole file.
 */
public record Problem(Path file, int line, int column, String field, String message) implements Comparable<Problem> {

    @Override
    public String toString() {
        String where = file + ":" + line + ":" + column + ": ";
        return field.isEmpty() ? where + message : where + field + ": " + message;
    }

    @Override
    public int compareTo(Problem other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }
}
