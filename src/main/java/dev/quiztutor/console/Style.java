package dev.quiztutor.console;

/**
 * Terminal colours, on only when a person is looking at a terminal: piped output and NO_COLOR
 * (https://no-color.org) get plain text.
 */
public final class Style {
    public static final Style PLAIN = new Style(false);
    public static final Style COLOUR = new Style(true);

    private final boolean colour;

    private Style(boolean colour) {
        this.colour = colour;
    }

    public static Style detect() {
        boolean terminal = System.console() != null;
        String noColor = System.getenv("NO_COLOR");
        String term = System.getenv("TERM");
        boolean wanted = (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
        return terminal && wanted ? COLOUR : PLAIN;
    }

    public String bold(String text) {
        return wrap("1", text);
    }

    public String dim(String text) {
        return wrap("2", text);
    }

    public String good(String text) {
        return wrap("32", text);
    }

    public String bad(String text) {
        return wrap("31", text);
    }

    public String note(String text) {
        return wrap("33", text);
    }

    public String accent(String text) {
        return wrap("36", text);
    }

    /**
     * Inline code, written between backticks in quiz files: cyan on a terminal, the bare text elsewhere.
     * It resets the colour only, so code inside bold text leaves the rest bold.
     */
    public String code(String text) {
        return colour ? "\u001B[36m" + text + "\u001B[39m" : text;
    }

    private String wrap(String code, String text) {
        return colour ? "\u001B[" + code + "m" + text + "\u001B[0m" : text;
    }
}
