package dev.quiztutor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * The log's set-up, in code rather than a logback.xml: reading XML made Logback load some 400
 * classes and cost a few hundred milliseconds of every start, before anything else could begin.
 * Lines go to standard error (the console conversation keeps standard output), through
 * {@link SecretMaskingLayout}. The libraries' start-up chatter (migrations, connection pools, the
 * gateway handshake) is kept to warnings unless asked for. Levels come from system properties or
 * environment variables: {@code QUIZTUTOR_LOG_LEVEL} (INFO), {@code QUIZTUTOR_JDA_LOG_LEVEL} (WARN) and
 * {@code QUIZTUTOR_LIBRARY_LOG_LEVEL} (WARN, Flyway and Hikari). An operator's own Logback file
 * ({@code -Dlogback.configurationFile=...}) replaces all of this.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n";
    /** The connection's chatter, {@code QUIZTUTOR_JDA_LOG_LEVEL}. */
    static final String JDA = "net.dv8tion.jda";
    /** The store's libraries, {@code QUIZTUTOR_LIBRARY_LOG_LEVEL}. */
    static final List<String> LIBRARIES = List.of("org.flywaydb", "com.zaxxer.hikari");
    /** Every logger this set-up keeps to warnings by default (--verbose lets them speak). */
    static final List<String> QUIETED = java.util.stream.Stream.concat(java.util.stream.Stream.of(JDA), LIBRARIES.stream()).toList();

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        SecretMaskingLayout layout = new SecretMaskingLayout();
        layout.setContext(context);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level("QUIZTUTOR_LOG_LEVEL", Level.INFO));
        root.addAppender(stderr);
        context.getLogger(JDA).setLevel(level("QUIZTUTOR_JDA_LOG_LEVEL", Level.WARN));
        Level libraries = level("QUIZTUTOR_LIBRARY_LOG_LEVEL", Level.WARN);
        LIBRARIES.forEach(name -> context.getLogger(name).setLevel(libraries));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** As Logback's {@code ${NAME:-default}}: a system property, else the environment, else the default. */
    private static Level level(String name, Level fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : Level.toLevel(value.trim(), fallback);
    }
}
