package dev.quiztutor;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.FolderBank;
import dev.quiztutor.bank.LiveBanks;
import dev.quiztutor.bank.Problem;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.ValidatedFiles;
import dev.quiztutor.config.Config;
import dev.quiztutor.config.ConfigLoader;
import dev.quiztutor.console.ConsoleSession;
import dev.quiztutor.console.Style;
import dev.quiztutor.discord.BotToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.time.Clock;
import java.time.ZoneId;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line: {@code quiztutor play | validate | run | import}. */
@Command(name = "quiztutor", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "A tutor bot for study groups: practice questions, lessons and topic tests.",
        subcommands = {Cli.Play.class, Cli.Validate.class, Cli.Run.class, ImportCommand.class, ExportCommand.class, StatsCommand.class,
                BackupCommand.class, ForgetCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Callable<Integer> {
    /** Exit code of a run that found problems (invalid quiz files, nothing to play). */
    public static final int PROBLEMS = 1;
    /** Exit code of a run that could not start: bad config, missing token, bad options. */
    public static final int CANNOT_START = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Cli());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // The last line of defence: a user sees one sentence, the details go to the log.
            org.slf4j.LoggerFactory.getLogger(Cli.class).error("unexpected failure", e);
            cmd.getErr().println("quiztutor: unexpected failure: " + Secrets.mask(e.toString()) + " (details in the log above)");
            return CANNOT_START;
        });
        line.setExitCodeExceptionMapper(e -> CANNOT_START);
        return line;
    }

    /** No command is a usage error, as picocli treats a wrong one: the usage, on standard error, and exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CANNOT_START;
    }

    /** Where quiz files are looked up when no path is given: relative, so in the current folder. */
    static final Path DEFAULT_QUIZZES = Path.of("quizzes");

    /**
     * When {@code paths} is the default folder and the current folder has none (quiztutor run from
     * elsewhere), says where it looked and how to point elsewhere; true if it said so.
     */
    static boolean defaultFolderMissing(List<Path> paths, String nameThem, PrintWriter err) {
        if (!paths.equals(List.of(DEFAULT_QUIZZES)) || Files.exists(DEFAULT_QUIZZES)) {
            return false;
        }
        err.println("quiztutor: no quizzes folder in " + Path.of("").toAbsolutePath() + ". Without a path, quiz files are"
                + " looked up in the folder quizzes of the current folder: run quiztutor from the project folder,"
                + " or name them: " + nameThem);
        err.flush();
        return true;
    }

    /** Common options of the commands that load the config and the bank. */
    static final class BankOptions {
        @Option(names = "--config", paramLabel = "PATH",
                description = "Config file (YAML). Default: config/quiztutor.yml if it exists.")
        Optional<Path> config = Optional.empty();

        @Option(names = "--quizzes", paramLabel = "DIR", description = "Quiz folder or file (repeatable). Default: quizzes")
        List<Path> quizzes = List.of();

        Config config(PrintWriter err) {
            try {
                return ConfigLoader.load(config);
            } catch (ConfigLoader.ConfigException e) {
                e.problems().forEach(problem -> err.println("quiztutor: " + problem));
                return null;
            }
        }

        /**
         * The valid topics of --quizzes (or the config's folders), naming each invalid file; null, after
         * saying why, when no topic is left.
         */
        QuizBank bank(Config config, PrintWriter err) {
            List<Path> paths = quizzes.isEmpty() ? config.quizzes() : quizzes;
            if (defaultFolderMissing(paths, "--quizzes DIR (or quizzes: in the config file).", err)) {
                return null;
            }
            BankLoader.Report report = BankLoader.load(paths);
            return usable(report, paths, err) ? report.bank() : null;
        }

        /**
         * As {@link #bank}, then kept live (bank.reload in the config): each later change of the files
         * goes to {@code listener}. Null, after saying why, when no topic is left.
         */
        FolderBank liveBank(Config config, Consumer<QuizBank> listener, PrintWriter err) {
            List<Path> paths = quizzes.isEmpty() ? config.quizzes() : quizzes;
            if (defaultFolderMissing(paths, "--quizzes DIR (or quizzes: in the config file).", err)) {
                return null;
            }
            FolderBank folders = FolderBank.start(paths,
                    FolderBank.Settings.DEFAULT.withScanEvery(config.bank().scanEveryDuration()), listener);
            if (!usable(folders.initial(), paths, err)) {
                folders.close();
                return null;
            }
            return folders;
        }

        private static boolean usable(BankLoader.Report report, List<Path> paths, PrintWriter err) {
            reportSkipped(report, err);
            if (report.bank().isEmpty()) {
                err.println("quiztutor: no valid topic in " + paths
                        + "; fix the files above (quiztutor validate lists every problem)");
                return false;
            }
            return true;
        }

        /**
         * The bank, live when the config says so: {@code live} gets the reloading folders, to close
         * when done. Null, after saying why, when no topic is left.
         */
        LiveBanks banks(Config config, PrintWriter err, Consumer<FolderBank> live) {
            if (!config.bank().reload()) {
                QuizBank bank = bank(config, err);
                return bank == null ? null : new LiveBanks(bank);
            }
            LiveBanks banks = new LiveBanks(new QuizBank(List.of()));
            FolderBank folders = liveBank(config, banks::replaceGlobal, err);
            if (folders == null) {
                return null;
            }
            // A reload may already have come: only the empty start takes the first load.
            if (banks.global().isEmpty()) {
                banks.replaceGlobal(folders.bank());
            }
            live.accept(folders);
            return banks;
        }
    }

    @Command(name = "play", mixinStandardHelpOptions = true,
            description = "Practise on this terminal, no Discord needed. Reads commands from standard input.")
    static final class Play implements Callable<Integer> {
        @CommandLine.Mixin
        Logging logging;

        @CommandLine.ArgGroup(exclusive = false)
        BankOptions options = new BankOptions();

        @Option(names = "--memory", description = "Keep nothing: no store is opened or created (storage.url in the"
                + " config), so review sees only this sitting. Handy for trying quiz files.")
        boolean memory;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            logging.quiet();
            PrintWriter err = spec.commandLine().getErr();
            Config config = options.config(err);
            if (config == null) {
                return CANNOT_START;
            }
            try {
                config = config.withEnvironment(System.getenv());
            } catch (IllegalArgumentException e) {
                err.println("quiztutor: environment: " + e.getMessage());
                return CANNOT_START;
            }
            // Authors try the file they are writing: an edit is there at the next question, no restart.
            AtomicReference<FolderBank> live = new AtomicReference<>();
            LiveBanks bank = options.banks(config, err, live::set);
            if (bank == null) {
                return PROBLEMS;
            }
            // Opened only once there is something to play: a failed start leaves no data folder behind.
            Optional<Storage> storage = memory ? Optional.empty() : store(config, err);
            try {
                App.Console console = App.console(config, bank, storage, Clock.systemUTC());
                var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                var out = spec.commandLine().getOut();
                new ConsoleSession(console.tutor(), Optional.of(new ConsoleSession.Reviewer(console.reviews(),
                        ZoneId.systemDefault())), console.firstPlace(), in, out, Style.detect()).run();
                return 0;
            } finally {
                if (live.get() != null) {
                    live.get().close();
                }
                storage.ifPresent(Storage::close);
            }
        }
    }

    /**
     * The configured store, where the console keeps its progress; empty, after one line saying why, when
     * it cannot be opened: the session then keeps everything in memory, as with --memory.
     */
    static Optional<Storage> store(Config config, PrintWriter err) {
        try {
            return Optional.of(Storage.open(App.storageSettings(config, System.getenv()), Clock.systemUTC(),
                    config.review().scheduler()));
        } catch (StorageException e) {
            err.println("quiztutor: " + e.getMessage() + "; playing on without it: nothing is kept after quit.");
            err.flush();
            return Optional.empty();
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the bot on Discord. The bot token comes from the DISCORD_TOKEN environment variable.")
    static final class Run implements Callable<Integer> {
        static final String TOKEN = "DISCORD_TOKEN";

        @CommandLine.Mixin
        Logging logging;

        @CommandLine.ArgGroup(exclusive = false)
        BankOptions options = new BankOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            logging.libraries();
            PrintWriter err = spec.commandLine().getErr();
            String text = System.getenv(TOKEN);
            if (text == null || text.isBlank()) {
                err.println("quiztutor: " + TOKEN + " is not set. Create a bot at https://discord.com/developers/applications,"
                        + " copy its token and run: export " + TOKEN + "=... (see README, \"Running the bot\")."
                        + " To try the tutor without Discord: quiztutor play");
                return CANNOT_START;
            }
            Secrets.hide(text);
            BotToken token;
            try {
                // Before the config, the store or JDA: a bad token changes nothing and is never echoed.
                token = BotToken.parse(text);
            } catch (BotToken.Malformed e) {
                err.println("quiztutor: " + TOKEN + " " + e.getMessage() + ". Copy the token again with the Copy button"
                        + " on the Bot page of your application (https://discord.com/developers/applications).");
                return CANNOT_START;
            }
            Config config = options.config(err);
            if (config == null) {
                return CANNOT_START;
            }
            try {
                config = config.withEnvironment(System.getenv());
            } catch (IllegalArgumentException e) {
                err.println("quiztutor: environment: " + e.getMessage());
                return CANNOT_START;
            }
            // The store opens while the quiz files load.
            var storage = App.openStorage(config);
            AtomicReference<FolderBank> live = new AtomicReference<>();
            LiveBanks bank = options.banks(config, err, live::set);
            if (bank == null) {
                App.discard(storage);
                return PROBLEMS;
            }
            return App.runBot(config, bank, Optional.ofNullable(live.get()), token.value(), storage, err);
        }
    }

    /** Names each invalid file with its first problems; the valid ones are still used. */
    static void reportSkipped(BankLoader.Report report, PrintWriter err) {
        for (BankLoader.FileResult file : report.invalid()) {
            List<Problem> problems = file.problems();
            err.println("quiztutor: skipping " + file.file() + " (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "):");
            problems.stream().limit(3).forEach(p -> err.println("  " + p));
            if (problems.size() > 3) {
                err.println("  ... and " + (problems.size() - 3) + " more: quiztutor validate " + file.file());
            }
        }
        err.flush();
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check quiz files and report every problem as file:line:column: field: message. "
                    + "Exits 1 if there is any.")
    static final class Validate implements Callable<Integer> {
        @CommandLine.Mixin
        Logging logging;

        @Parameters(paramLabel = "PATH", arity = "0..*", description = "Quiz files or folders. Default: quizzes")
        List<Path> paths = List.of();

        @Option(names = "--no-cache", description = "Check every file, even one this build found valid before"
                + " (recorded by content hash in ~/.cache/quiztutor).")
        boolean noCache;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            // Most validations log nothing: logback starts (half a second of a cold start) only if a line comes.
            return logging.quietIfStarted(this::validate);
        }

        private int validate() {
            PrintWriter out = spec.commandLine().getOut();
            List<Path> wanted = paths.isEmpty() ? List.of(DEFAULT_QUIZZES) : paths;
            if (defaultFolderMissing(wanted, "quiztutor validate PATH...", spec.commandLine().getErr())) {
                return PROBLEMS;
            }
            // Files unchanged since this build found them valid are not read again (see ValidatedFiles).
            ValidatedFiles.Summary report = (noCache ? Optional.<ValidatedFiles>empty()
                    : ValidatedFiles.forThisBuild(System.getenv()))
                    .map(record -> record.validate(wanted))
                    .orElseGet(() -> ValidatedFiles.Summary.of(BankLoader.check(wanted)));
            List<Problem> problems = report.problems();
            problems.forEach(out::println);
            long files = report.files();
            long bad = report.invalidFiles();
            long questions = report.questions();
            if (problems.isEmpty()) {
                out.println(files + " quiz file" + (files == 1 ? "" : "s") + " valid: " + report.topics()
                        + " topic" + (report.topics() == 1 ? "" : "s") + ", " + questions + " questions.");
            } else {
                out.println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + bad + " of "
                        + files + " quiz file" + (files == 1 ? "" : "s") + ".");
            }
            out.flush();
            return problems.isEmpty() ? 0 : PROBLEMS;
        }
    }

    /** Quiet logs for the terminal commands, where log lines would interleave with the conversation. */
    static final class Logging {
        @Option(names = "--verbose", description = "Show informational log lines.")
        boolean verbose;

        void quiet() {
            org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            if (root instanceof ch.qos.logback.classic.Logger logback) {
                logback.setLevel(verbose ? ch.qos.logback.classic.Level.INFO : ch.qos.logback.classic.Level.WARN);
            }
        }

        /** The root level LogSetup reads from a system property or the environment. */
        private static final String LEVEL = "QUIZTUTOR_LOG_LEVEL";

        /**
         * Runs {@code command} with the logs as quiet as {@link #quiet} makes them, without starting
         * logback for it: the root level LogSetup reads ({@code QUIZTUTOR_LOG_LEVEL}) is set for as
         * long as the command runs, so logback, should a line come and start it, starts quiet.
         */
        int quietIfStarted(java.util.function.IntSupplier command) {
            String before = System.getProperty(LEVEL);
            System.setProperty(LEVEL, verbose ? "INFO" : "WARN");
            try {
                return command.getAsInt();
            } finally {
                if (before == null) {
                    System.clearProperty(LEVEL);
                } else {
                    System.setProperty(LEVEL, before);
                }
            }
        }

        /** With --verbose, the libraries' informational lines too (LogSetup keeps them to warnings). */
        void libraries() {
            if (!verbose) {
                return;
            }
            for (String library : LogSetup.QUIETED) {
                if (org.slf4j.LoggerFactory.getLogger(library) instanceof ch.qos.logback.classic.Logger logback) {
                    logback.setLevel(ch.qos.logback.classic.Level.INFO);
                }
            }
        }
    }

    /**
     * The pom's version and the git commit, both written into version.properties by the build; a
     * build outside a git checkout has no commit, and classes not built by Maven have neither.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties built = new Properties();
            try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    built.load(in);
                }
            }
            String version = built.getProperty("version", "");
            String commit = built.getProperty("commit", "");
            // An unfilled "${...}" means the build did not know it.
            return new String[] {"quiztutor " + (version.isEmpty() || version.startsWith("${") ? "(development build)" : version)
                    + (commit.matches("[0-9a-f]{7,40}") ? " (commit " + commit + ")" : "")};
        }
    }
}
