package dev.quiztutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The systemd unit the README tells operators to install is one systemd accepts as it is. */
class ServiceUnitTest {
    private static final Path UNIT = Path.of("config/quiztutor.service");
    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");

    @Test
    void systemdAcceptsTheUnitWithoutAWarning() throws Exception {
        assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE), "no systemd-analyze on this machine");
        // verify checks that ExecStart's program exists: the shell that runs the launcher.
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh on this machine");
        Process verify = new ProcessBuilder(SYSTEMD_ANALYZE.toString(), "verify", UNIT.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        assertTrue(verify.waitFor(60, TimeUnit.SECONDS), "systemd-analyze verify did not finish");
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // verify exits 0 on a misspelt key or value and only warns, so the warnings are what count.
        assertEquals("", output, "systemd-analyze verify " + UNIT);
        assertEquals(0, verify.exitValue(), output);
    }

    @Test
    void theTokenComesFromAnEnvironmentFileAndRestartsStopAtABadToken() throws Exception {
        List<String> lines = Files.readAllLines(UNIT).stream().filter(l -> !l.startsWith("#")).toList();
        assertTrue(lines.contains("EnvironmentFile=/etc/quiztutor/quiztutor.env"), "the token is not in the unit");
        assertTrue(lines.stream().noneMatch(l -> l.contains("DISCORD_TOKEN")), "the token is not in the unit");
        assertTrue(lines.contains("Restart=on-failure"));
        assertTrue(lines.contains("RestartPreventExitStatus=" + Cli.CANNOT_START),
                "no restart loop on a token Discord rejects: that exit code is the one run uses");
    }
}
