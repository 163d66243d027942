package dev.quiztutor;

import dev.quiztutor.bank.format.Importer;
import dev.quiztutor.bank.format.Notice;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quiztutor import}: brings GIFT, Moodle XML, Aiken and CSV banks into our JSON format. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import questions from GIFT, Moodle XML, Aiken or CSV files into quiz topics (JSON). "
                + "Exits 0 when every question was imported, 3 when some were skipped, 1 when nothing was written.")
final class ImportCommand implements Callable<Integer> {
    enum Difficulty { easy, medium, hard }

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import.")
    List<Path> files = List.of();

    @Option(names = "--format", paramLabel = "gift|aiken|moodle-xml|csv",
            description = "The files' format. Default: guessed from each file's name or content.")
    Optional<String> format = Optional.empty();

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the topics. Default: quizzes")
    Path out = Path.of("quizzes");

    @Option(names = "--topic", paramLabel = "ID",
            description = "Put every question into one topic with this id. Default: one topic per category or file.")
    Optional<String> topic = Optional.empty();

    @Option(names = "--title", paramLabel = "TEXT", description = "The topic's title. Default: the category or file name.")
    Optional<String> title = Optional.empty();

    @Option(names = "--difficulty", paramLabel = "easy|medium|hard",
            description = "For questions whose file gives none. Default: medium")
    Difficulty difficulty = Difficulty.medium;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Importer.Outcome outcome = Importer.run(files, new Importer.Options(
                format.map(f -> f.toLowerCase(Locale.ROOT)), this.out, topic, title, difficulty.name()));
        for (Notice notice : outcome.notices()) {
            err.println(notice);
        }
        outcome.errors().forEach(e -> err.println("quiztutor: " + e));
        err.flush();
        outcome.written().forEach(w -> out.println("wrote " + w));
        out.println(outcome.summary());
        out.flush();
        return outcome.exit();
    }
}
