package dev.quiztutor;

import picocli.CommandLine;

/** Entry point of {@code quiztutor.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Charts (/progress) are drawn in memory: never open a display, even where DISPLAY is set.
        System.setProperty("java.awt.headless", "true");
        System.exit(Cli.commandLine().execute(args));
    }
}
