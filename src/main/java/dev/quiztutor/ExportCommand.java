package dev.quiztutor;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.bank.format.QuizExporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quiztutor export}: writes topics as GIFT or Moodle XML, to take a bank to Moodle. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write topics as GIFT or Moodle XML for Moodle's question bank (import them back with"
                + " quiztutor import). Exits 1 when a topic is unknown or invalid, or the file cannot be written.")
final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "Topic ids (see quiztutor play: topics) or quiz files.")
    List<String> topics = List.of();

    @Option(names = "--format", required = true, paramLabel = "gift|moodle-xml", description = "The format to write.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "The file to write. Default: standard output.")
    Optional<Path> out = Optional.empty();

    @Option(names = "--quizzes", paramLabel = "DIR", description = "Where topic ids are looked up (repeatable). Default: quizzes")
    List<Path> quizzes = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        QuizExporter exporter = QuizExporter.format(format).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown format " + format + "; use " + QuizExporter.names()));
        List<Topic> chosen = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        BankLoader.Report bank = null;
        for (String wanted : topics) {
            Path file = Path.of(wanted);
            if (Files.isRegularFile(file)) {
                BankLoader.Report report = BankLoader.load(file);
                report.problems().forEach(p -> problems.add(p.toString()));
                report.bank().topics().forEach(chosen::add);
                continue;
            }
            if (bank == null) {
                List<Path> paths = quizzes.isEmpty() ? List.of(Cli.DEFAULT_QUIZZES) : quizzes;
                if (Cli.defaultFolderMissing(paths, "--quizzes DIR, or give quiz files.", err)) {
                    return Cli.PROBLEMS;
                }
                bank = BankLoader.load(paths);
            }
            Optional<Topic> topic = bank.bank().topic(wanted);
            if (topic.isPresent()) {
                chosen.add(topic.get());
            } else {
                problems.add("no topic " + wanted + " in " + (quizzes.isEmpty() ? List.of(Cli.DEFAULT_QUIZZES) : quizzes)
                        + "; the topics are " + bank.bank().topics().stream().map(Topic::id).collect(Collectors.joining(", "))
                        + (bank.invalid().isEmpty() ? "" : " (and invalid files: quiztutor validate lists their problems)"));
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("quiztutor: " + p));
            err.println("quiztutor: nothing exported");
            err.flush();
            return Cli.PROBLEMS;
        }
        String text = exporter.write(chosen);
        int questions = chosen.stream().mapToInt(t -> t.questions().size()).sum();
        String summary = "exported " + questions + " question" + (questions == 1 ? "" : "s") + " of " + chosen.size()
                + " topic" + (chosen.size() == 1 ? "" : "s") + " as " + exporter.name();
        if (out.isPresent()) {
            try {
                Path parent = out.get().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(out.get(), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("quiztutor: cannot write " + out.get() + ": " + e.getMessage());
                err.flush();
                return Cli.PROBLEMS;
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(summary + " into " + out.get());
            stdout.flush();
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.flush();
            err.println(summary);
            err.flush();
        }
        return 0;
    }
}
