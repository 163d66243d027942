package dev.quiztutor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/**
 * The log's last line of defence: should a library ever put the bot token in a message or an
 * exception, the line that reaches the terminal shows neither the token nor its parts.
 */
class SecretMaskingLayoutTest {
    private static final String TOKEN = "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs";

    @Test
    void theTokenAndEachOfItsPartsAreMaskedInMessagesAndStackTraces() {
        Secrets.hide(TOKEN);
        LoggerContext context = new LoggerContext();
        SecretMaskingLayout layout = new SecretMaskingLayout();
        layout.setContext(context);
        layout.setPattern("%level %logger - %msg%n");
        layout.start();
        var logger = context.getLogger("net.dv8tion.jda.Some");

        String line = layout.doLayout(new LoggingEvent("x", logger, Level.ERROR,
                "Token may not contain blanks. Provided: \"Bot " + TOKEN + "\"; signature part ZnCjm1XVW7vRze4b7Cq4se7kKWs",
                new IllegalArgumentException("401 for Bot " + TOKEN), null));

        assertTrue(line.startsWith("ERROR net.dv8tion.jda.Some - Token may not contain blanks. Provided: \"Bot [hidden]\""),
                line);
        assertTrue(line.contains("IllegalArgumentException: 401 for Bot [hidden]"), "the stack trace too: " + line);
        for (String part : TOKEN.split("\\.")) {
            assertFalse(line.contains(part), part + " in " + line);
        }
    }
}
