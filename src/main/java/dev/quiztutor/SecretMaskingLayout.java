package dev.quiztutor;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log's layout: the usual pattern, with every {@link Secrets hidden secret} masked in the whole
 * line, message and stack trace alike, whichever library wrote it.
 */
public final class SecretMaskingLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        return Secrets.mask(super.doLayout(event));
    }
}
