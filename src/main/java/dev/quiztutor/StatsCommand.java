package dev.quiztutor;

import dev.quiztutor.bank.LiveBanks;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.chart.StatsChart;
import dev.quiztutor.config.Config;
import dev.quiztutor.store.ServerTopics;
import dev.quiztutor.store.SqlTopicAttempts;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageException;
import dev.quiztutor.store.StorageSettings;
import dev.quiztutor.tutor.stats.Figure;
import dev.quiztutor.tutor.stats.QuestionStats;
import dev.quiztutor.tutor.stats.StatsCsv;
import dev.quiztutor.tutor.stats.Thresholds;
import dev.quiztutor.tutor.stats.TopicAttempts;
import dev.quiztutor.tutor.stats.TopicStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quiztutor stats}: Moodle-style statistics of each question from the store, for the operator:
 * a table on the terminal, and on request the CSV table and the chart that {@code /stats} attaches.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Question statistics from the store (the config's storage.url): per question its attempts,"
                + " facility, discrimination (from topic tests), option picks, hints and give-ups, and flags for"
                + " questions too easy, too hard, discriminating negatively or with a distractor nobody picks."
                + " Exits 1 when the topic is unknown, there is no store yet or a file cannot be written.")
final class StatsCommand implements Callable<Integer> {
    @Option(names = "--topic", paramLabel = "ID", description = "One topic (default: every topic, one table each).")
    Optional<String> topic = Optional.empty();

    @Option(names = "--guild", paramLabel = "ID",
            description = "One server's attempts, its own topics included (default: every server's, the operator's topics).")
    Long guildId;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the full table as CSV (needs --topic).")
    Optional<Path> csv = Optional.empty();

    @Option(names = "--chart", paramLabel = "FILE", description = "Also write the chart as PNG (needs --topic).")
    Optional<Path> chart = Optional.empty();

    @CommandLine.ArgGroup(exclusive = false)
    Cli.BankOptions options = new Cli.BankOptions();

    @CommandLine.Mixin
    Cli.Logging logging;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** With --guild, that server only; picocli has no converter for OptionalLong. */
    private OptionalLong guild = OptionalLong.empty();

    @Override
    public Integer call() {
        logging.quiet();
        guild = guildId == null ? OptionalLong.empty() : OptionalLong.of(guildId);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (topic.isEmpty() && (csv.isPresent() || chart.isPresent())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--csv and --chart need --topic: they hold one topic");
        }
        Config config = options.config(err);
        if (config == null) {
            return Cli.CANNOT_START;
        }
        QuizBank operator = options.bank(config, err);
        if (operator == null) {
            return Cli.PROBLEMS;
        }
        StorageSettings settings = App.storageSettings(config, System.getenv());
        Optional<Path> file = sqliteFile(settings.url());
        if (file.isPresent() && !Files.exists(file.get())) {
            // Opening would create an empty store: nothing to count, and a file where none was wanted.
            err.println("quiztutor: no store at " + file.get().toAbsolutePath() + ": the bot has recorded nothing there"
                    + " yet (run quiztutor stats where the bot runs, or give its config with --config)");
            return Cli.PROBLEMS;
        }
        try (Storage storage = Storage.open(settings, Clock.systemUTC())) {
            List<Topic> topics = topics(operator, storage);
            List<Topic> chosen = topic.isEmpty() ? topics
                    : topics.stream().filter(t -> t.id().equals(topic.get())).toList();
            if (chosen.isEmpty()) {
                err.println("quiztutor: no topic " + topic.orElse("") + (guild.isPresent() ? " in guild " + guild.getAsLong() : "")
                        + "; the topics are " + topics.stream().map(Topic::id).collect(Collectors.joining(", ")));
                return Cli.PROBLEMS;
            }
            TopicAttempts attempts = new SqlTopicAttempts(storage.database());
            for (Topic t : chosen) {
                TopicStats stats = TopicStats.of(t, attempts.of(guild, t.id()), config.tutor().scoring(), Thresholds.DEFAULT);
                out.print(table(stats, guild));
                if (!write(stats, err, out)) {
                    return Cli.PROBLEMS;
                }
            }
            out.flush();
            return 0;
        } catch (StorageException e) {
            err.println("quiztutor: " + e.getMessage());
            return Cli.CANNOT_START;
        }
    }

    /** The operator's topics, and with --guild that server's own (as /stats sees them). */
    private List<Topic> topics(QuizBank operator, Storage storage) {
        List<Topic> topics = new ArrayList<>(operator.topics());
        if (guild.isPresent()) {
            LiveBanks banks = new LiveBanks(operator);
            new ServerTopics(storage.serverTopics(), banks).refresh();
            topics.addAll(banks.own(guild.getAsLong()));
        }
        return topics;
    }

    private boolean write(TopicStats stats, PrintWriter err, PrintWriter out) {
        try {
            if (csv.isPresent()) {
                createParent(csv.get());
                Files.writeString(csv.get(), StatsCsv.write(stats), StandardCharsets.UTF_8);
                out.println("The full table is in " + csv.get());
            }
            if (chart.isPresent()) {
                Optional<byte[]> png = StatsChart.png(stats);
                if (png.isEmpty()) {
                    out.println("No chart: no question has " + stats.thresholds().minAttempts() + " attempts yet.");
                } else {
                    createParent(chart.get());
                    Files.write(chart.get(), png.get());
                    out.println("The chart is in " + chart.get());
                }
            }
            return true;
        } catch (IOException e) {
            err.println("quiztutor: cannot write " + e.getMessage());
            return false;
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** The path of an SQLite url's file; empty for other databases and SQLite's in-memory ones. */
    static Optional<Path> sqliteFile(String url) {
        String prefix = "jdbc:sqlite:";
        if (!url.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = url.substring(prefix.length());
        int query = rest.indexOf('?');
        String name = query < 0 ? rest : rest.substring(0, query);
        if (name.isEmpty() || name.startsWith(":memory:") || name.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(name));
    }

    /** After the question id's column, as wide as the longest id. */
    private static final String FIGURES = " %8s %9s %9s %6s %9s %6s %8s  %s%n";

    /** The terminal table: one line per question, then each flagged question's findings. */
    static String table(TopicStats stats, OptionalLong guild) {
        StringBuilder text = new StringBuilder();
        Thresholds limits = stats.thresholds();
        int width = Math.max("question".length(), stats.questions().stream().mapToInt(q -> q.question().id().length()).max().orElse(0));
        String row = "%-" + width + "s" + FIGURES;
        text.append(String.format(Locale.ROOT, "%s (%s), %s: %s, %s%n", stats.topic().title(),
                stats.topic().id(), guild.isPresent() ? "guild " + guild.getAsLong() : "every guild",
                count(stats.attempts(), "attempt", "attempts"), count(stats.tests(), "topic test", "topic tests")));
        text.append(String.format(Locale.ROOT, row, "question", "attempts", "1st try", "facility", "tests", "discrim.",
                "hints", "gave up", "option picks (* right)"));
        for (QuestionStats q : stats.questions()) {
            text.append(String.format(Locale.ROOT, row, q.question().id(), q.attempts(), cell(q.firstTry()),
                    cell(q.facility()), q.tests(), cell(q.discrimination()), q.hintsShown(), q.gaveUp(),
                    q.picks().stream().map(p -> p.label() + (p.right() ? "*" : "") + " " + p.attempts())
                            .collect(Collectors.joining(", "))));
        }
        List<QuestionStats> flagged = stats.flagged();
        text.append(flagged.isEmpty() ? "No question is flagged.\n" : "Flagged:\n");
        for (QuestionStats q : flagged) {
            text.append("  ").append(q.question().id()).append(": ").append(String.join("; ", q.findings())).append('\n');
        }
        text.append(String.format(Locale.ROOT, "\"too few\": a facility needs %d attempts, a discrimination %d topic"
                        + " tests; an unused distractor is flagged from %d answered attempts.%n%n", limits.minAttempts(),
                limits.minTests(), limits.minForUnusedDistractor()));
        return text.toString();
    }

    private static String cell(Figure figure) {
        return figure instanceof Figure.TooFew ? "too few" : figure.text();
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
