package dev.quiztutor;

import dev.quiztutor.config.Config;
import dev.quiztutor.store.MemberData;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quiztutor forget}: the operator's /forget-me, for a member who asks by other means. */
@Command(name = "forget", mixinStandardHelpOptions = true,
        description = "Delete everything stored about one member, in every server: answers, figures, tests, names,"
                + " review cards, credit. Shows what is stored and asks first, unless --yes."
                + " Exits 0 when deleted (or nothing was stored), 1 when not confirmed, 2 on a bad config or store.")
final class ForgetCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Cli.Logging logging;

    @Option(names = "--user", required = true, paramLabel = "ID",
            description = "The member's Discord user id (Developer Mode, right-click the member, Copy User ID).")
    long user;

    @Option(names = "--yes", description = "Do not ask: delete at once (scripts).")
    boolean yes;

    @CommandLine.Mixin
    StoreCommands.ConfigFile config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        logging.quiet();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (user <= 0) {
            err.println("quiztutor: --user takes a Discord user id, a positive number such as 123456789012345678, not "
                    + user);
            err.flush();
            return Cli.CANNOT_START;
        }
        Config loaded = config.load(err);
        if (loaded == null) {
            return Cli.CANNOT_START;
        }
        try (Storage storage = Storage.openExisting(App.storageSettings(loaded, System.getenv()), Clock.systemUTC(), "forget")) {
            MemberData.Records stored = storage.members().inventory(user);
            if (stored.isEmpty()) {
                out.println("Nothing is stored about user " + user + ".");
                out.flush();
                return 0;
            }
            out.println("Stored about user " + user + ": " + stored.describe("their") + ".");
            if (!yes) {
                out.print("Delete all of it, in every server? This cannot be undone. Type yes to go on: ");
                out.flush();
                String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).equals("yes")) {
                    out.println("Nothing deleted.");
                    out.flush();
                    return Cli.PROBLEMS;
                }
            }
            MemberData.Records deleted = storage.members().forget(user);
            out.println("Deleted " + deleted.describe("their") + ".");
            out.println("A bot running now may still hold their open attempts in memory for a few hours"
                    + " (tutor.attemptCache.expireAfterAccess); /forget-me in Discord clears those as well.");
            out.flush();
            return 0;
        } catch (StorageException e) {
            err.println("quiztutor: " + e.getMessage());
            err.flush();
            return Cli.CANNOT_START;
        }
    }
}
