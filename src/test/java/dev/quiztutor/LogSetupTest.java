package dev.quiztutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log as an operator gets it: lines on standard error, masked, libraries kept to warnings unless asked. */
class LogSetupTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty("QUIZTUTOR_JDA_LOG_LEVEL");
        System.clearProperty("QUIZTUTOR_LOG_LEVEL");
        System.clearProperty("logback.configurationFile");
    }

    private static LoggerContext configured() {
        LoggerContext context = new LoggerContext();
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, setup.configure(context));
        return context;
    }

    @Test
    void linesGoToStandardErrorMaskedWithTheLibrariesAtWarnings() {
        LoggerContext context = configured();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        ConsoleAppender<?> stderr = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"));
        assertEquals("System.err", stderr.getTarget());
        assertTrue(stderr.isStarted());
        LayoutWrappingEncoder<?> encoder = assertInstanceOf(LayoutWrappingEncoder.class, stderr.getEncoder());
        assertInstanceOf(SecretMaskingLayout.class, encoder.getLayout());
        assertEquals(Level.WARN, context.getLogger("net.dv8tion.jda.internal.requests.Requester").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("org.flywaydb.core.Flyway").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("com.zaxxer.hikari.HikariDataSource").getEffectiveLevel());
        assertEquals(Level.INFO, context.getLogger("dev.quiztutor.App").getEffectiveLevel());
    }

    @Test
    void levelsAreSetFromTheVariablesAndAWrongOneKeepsTheDefault() {
        System.setProperty("QUIZTUTOR_JDA_LOG_LEVEL", "debug");
        System.setProperty("QUIZTUTOR_LOG_LEVEL", "loud");
        LoggerContext context = configured();
        assertEquals(Level.DEBUG, context.getLogger("net.dv8tion.jda.api.JDA").getEffectiveLevel());
        assertEquals(Level.INFO, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
    }

    @Test
    void anOperatorsOwnLogbackFileIsLeftToLogback() {
        System.setProperty("logback.configurationFile", "/etc/quiztutor/logback.xml");
        LoggerContext context = new LoggerContext();
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, setup.configure(context));
        assertEquals(null, context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"));
    }
}
