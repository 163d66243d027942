package dev.quiztutor.schedule;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What a class logged during a test, to check that a moderator-relevant event is in the log. */
final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level levelBefore;

    LogCapture(Class<?> source) {
        logger = (Logger) LoggerFactory.getLogger(source);
        // Another test in the same JVM may have quieted the root logger (the console commands do).
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
    }

    /** "INFO Schedule 1: skipped ..." lines, formatted. */
    List<String> lines(Level level) {
        return appender.list.stream().filter(e -> e.getLevel() == level)
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(levelBefore);
    }
}
