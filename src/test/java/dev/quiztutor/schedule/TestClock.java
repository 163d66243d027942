package dev.quiztutor.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, shared by the scheduler, the tutor and the store as in production. */
final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(String start) {
        this.now = Instant.parse(start);
    }

    void set(String instant) {
        now = Instant.parse(instant);
    }

    void set(Instant instant) {
        now = instant;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the scheduler works in instants");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
