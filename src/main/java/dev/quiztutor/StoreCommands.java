package dev.quiztutor;

import dev.quiztutor.config.Config;
import dev.quiztutor.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

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
}
