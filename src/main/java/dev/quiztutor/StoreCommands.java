package dev.quiztutor;

import dev.quiztutor.config.Config;
import dev.quiztutor.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/** What the operator's store commands (backup, forget) share: the config, with the environment's overrides. */
final class StoreCommands {
    private StoreCommands() {
    }

    /** The config, with QUIZTUTOR_STORAGE_URL applied; null after printing each problem. */
    static Config config(Optional<Path> path, PrintWriter err) {
        try {
            return ConfigLoader.load(path).withEnvironment(System.getenv());
        } catch (ConfigLoader.ConfigException e) {
            e.problems().forEach(problem -> err.println("quiztutor: " + problem));
        } catch (IllegalArgumentException e) {
            err.println("quiztutor: environment: " + e.getMessage());
        }
        err.flush();
        return null;
    }

    /** The {@code --config} option of the commands that work on the store (backup, forget). */
    static final class ConfigFile {
        @CommandLine.Option(names = "--config", paramLabel = "PATH",
                description = "The bot's config file (YAML), for storage.url. Default: config/quiztutor.yml if it exists.")
        Optional<Path> path = Optional.empty();

        /** The config, with QUIZTUTOR_STORAGE_URL applied; null after printing each problem. */
        Config load(PrintWriter err) {
            return config(path, err);
        }
    }
}
