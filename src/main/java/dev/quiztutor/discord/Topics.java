package dev.quiztutor.discord;

import dev.quiztutor.bank.Banks;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Topic;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.Command;

/** Finding the topic a user typed or picked, and suggesting topics while they type. */
final class Topics {
    private Topics() {
    }

    /** The topic, or the polite line to show instead. */
    sealed interface Found permits One, Problem {
    }

    record One(Topic topic) implements Found {
    }

    record Problem(String message) implements Found {
    }

    /** {@code text} empty: the only topic if there is one, else a request to pick. */
    static Found find(QuizBank bank, String text, boolean required) {
        List<Topic> all = bank.topics();
        if (text == null || text.isBlank()) {
            if (all.size() == 1 || !required) {
                return all.size() == 1 ? new One(all.get(0)) : new Problem("");
            }
            return new Problem("Which topic? Pick one from the suggestions of the `topic` option: " + names(all) + ".");
        }
        List<Topic> found = bank.lookup(text);
        if (found.size() == 1) {
            return new One(found.get(0));
        }
        String shown = Views.safe(Views.truncate(text.replace("`", "'"), 50));
        if (found.isEmpty()) {
            return new Problem("There is no topic \"" + shown + "\". Topics: " + names(all)
                    + ". Use /topics to see them all.");
        }
        return new Problem("\"" + shown + "\" could be " + names(found) + ". Pick one from the suggestions.");
    }

    private static String names(List<Topic> topics) {
        String names = topics.stream().limit(10).map(t -> "`" + t.id() + "`").collect(Collectors.joining(", "));
        return topics.size() > 10 ? names + " and " + (topics.size() - 10) + " more" : names;
    }

    /** Up to 25 topics whose id or title contains what the user typed, best matches first. */
    static List<Command.Choice> suggest(QuizBank bank, String typed) {
        String wanted = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        return bank.topics().stream()
                .filter(t -> wanted.isEmpty() || t.id().contains(wanted) || t.title().toLowerCase(Locale.ROOT).contains(wanted))
                .sorted((a, b) -> Boolean.compare(!starts(a, wanted), !starts(b, wanted)))
                .limit(25)
                .map(t -> new Command.Choice(t.title(), t.id()))
                .toList();
    }

    private static boolean starts(Topic t, String wanted) {
        return t.id().startsWith(wanted) || t.title().toLowerCase(Locale.ROOT).startsWith(wanted);
    }

    /**
     * The bank of the server the interaction comes from (global topics and the server's own): a
     * click in one server never finds another server's topic.
     */
    static QuizBank of(Banks banks, Interaction interaction) {
        return banks.forGuild(Who.of(interaction).guild());
    }

    static Optional<Topic> byId(QuizBank bank, String id) {
        return bank.topic(id);
    }
}
