package dev.quiztutor;

import dev.quiztutor.config.Config;
import dev.quiztutor.store.Backup;
import dev.quiztutor.store.StorageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quiztutor backup}: a consistent copy of the SQLite store, while the bot runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the SQLite store (storage.url) to FILE while the bot runs: a consistent copy holding every"
                + " answer committed before it began, checked before it is kept. On PostgreSQL, use pg_dump (see README)."
                + " Exits 0 when the copy is made, 1 when it is not, 2 on a bad config.")
final class BackupCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Cli.Logging logging;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The backup file to write.")
    Path to;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @CommandLine.Mixin
    StoreCommands.ConfigFile config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        logging.quiet();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config loaded = config.load(err);
        if (loaded == null) {
            return Cli.CANNOT_START;
        }
        try {
            Backup.Done done = Backup.sqlite(App.storageSettings(loaded, System.getenv()), to, force);
            out.println("Backed up " + loaded.storage().url() + " to " + done.file() + ": "
                    + String.format(Locale.ROOT, "%.1f MiB", done.bytes() / (1024.0 * 1024.0)) + ", integrity ok, in "
                    + String.format(Locale.ROOT, "%.1f s", done.took().toMillis() / 1000.0) + ".");
            out.flush();
            return 0;
        } catch (StorageException e) {
            err.println("quiztutor: " + e.getMessage());
            err.flush();
            return Cli.PROBLEMS;
        }
    }
}
