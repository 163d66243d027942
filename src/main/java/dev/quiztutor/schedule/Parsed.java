package dev.quiztutor.schedule;

import java.util.Objects;
import java.util.function.Function;

/**
 * A moderator's input read as a value, or the message to reply with: one sentence saying what was
 * wrong and what to type instead.
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Invalid {

    record Ok<T>(T value) implements Parsed<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Invalid<T>(String message) implements Parsed<T> {
        public Invalid {
            Objects.requireNonNull(message, "message");
        }
    }

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> invalid(String message) {
        return new Invalid<>(message);
    }

    default <R> Parsed<R> map(Function<T, R> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Invalid<>(((Invalid<T>) this).message());
    }

    /** The value; for tests and callers that validated already. */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalArgumentException(((Invalid<T>) this).message());
    }
}
