package dev.quiztutor;

import picocli.CommandLine;

/** Entry point of {@code quiztutor.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine().execute(args));
    }
}
