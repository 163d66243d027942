package dev.quiztutor.config;

/** A config value that is out of range; {@code key} is its dotted path, so the loader can point at its line. */
public final class ConfigValueException extends IllegalArgumentException {
    private final String key;

    public ConfigValueException(String key, String message) {
        super(key + " " + message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
