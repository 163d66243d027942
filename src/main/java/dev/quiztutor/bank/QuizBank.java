package dev.quiztutor.bank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The loaded topics, in file-name order. Immutable: a reload builds a new bank. */
public final class QuizBank {
    private final Map<String, Topic> topics;

    public QuizBank(List<Topic> topics) {
        Map<String, Topic> byId = new LinkedHashMap<>();
        for (Topic topic : topics) {
            if (byId.putIfAbsent(topic.id(), topic) != null) {
                throw new IllegalArgumentException("duplicate topic id " + topic.id());
            }
        }
        this.topics = byId;
    }

    public List<Topic> topics() {
        return List.copyOf(topics.values());
    }

    public boolean isEmpty() {
        return topics.isEmpty();
    }

    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(topics.get(id));
    }

    public Optional<Question> question(QuestionRef ref) {
        return topic(ref.topicId()).flatMap(t -> t.question(ref.questionId()));
    }

    public Stream<Question> questions() {
        return topics.values().stream().flatMap(t -> t.questions().stream());
    }

    /**
     * Finds the topics a user means by {@code text}: an exact id, a 1-based number from the topic
     * list, or a case-insensitive prefix of an id or title. Several matches mean the text is ambiguous.
     */
    public List<Topic> lookup(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return List.of();
        }
        Topic exact = topics.get(wanted);
        if (exact != null) {
            return List.of(exact);
        }
        List<Topic> all = topics();
        if (wanted.chars().allMatch(Character::isDigit) && wanted.length() < 6) {
            int number = Integer.parseInt(wanted);
            return number >= 1 && number <= all.size() ? List.of(all.get(number - 1)) : List.of();
        }
        List<Topic> matches = new ArrayList<>();
        for (Topic topic : all) {
            if (topic.title().toLowerCase(Locale.ROOT).equals(wanted)) {
                return List.of(topic);
            }
            if (topic.id().startsWith(wanted) || topic.title().toLowerCase(Locale.ROOT).startsWith(wanted)) {
                matches.add(topic);
            }
        }
        return matches;
    }
}
