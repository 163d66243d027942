package dev.quiztutor.tutor.review;

import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.AttemptKey;
import dev.quiztutor.tutor.InMemoryAttemptJournal;
import dev.quiztutor.tutor.RecordedEvent;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Cards derived when asked from the events of an {@link InMemoryAttemptJournal}: the console's store, and
 * the reference the database's stored cards are tested against. Keeps nothing of its own, so it can never
 * disagree with the journal; reads every event of the guild, which suits a console and a test.
 */
public final class InMemoryCardStore implements CardStore {
    private final InMemoryAttemptJournal journal;
    private final FsrsScheduler scheduler;

    public InMemoryCardStore(InMemoryAttemptJournal journal, FsrsScheduler scheduler) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public Deck deck(long guild, long user) {
        return Deck.of(scheduler, attempts(guild, user, Optional.empty()));
    }

    @Override
    public int membersWithDue(long guild, LocalDate day, ZoneId zone) {
        Map<Long, List<Deck.Attempted>> byUser = new HashMap<>();
        journal.recorded(key -> key.place().guild() == guild).forEach((key, events) ->
                byUser.computeIfAbsent(key.user(), u -> new ArrayList<>()).add(attempted(key, events)));
        return (int) byUser.values().stream()
                .filter(attempts -> !Deck.of(scheduler, attempts).dueBy(day, zone).isEmpty())
                .count();
    }

    @Override
    public List<Deck.Attempted> attempts(long guild, long user, Optional<String> topic) {
        return journal.recorded(key -> key.place().guild() == guild && key.user() == user
                        && topic.map(key.question().topicId()::equals).orElse(true))
                .entrySet().stream()
                .map(e -> attempted(e.getKey(), e.getValue()))
                .toList();
    }

    private static Deck.Attempted attempted(AttemptKey key, List<RecordedEvent> events) {
        return new Deck.Attempted(key.question(), Attempt.ofRecorded(events));
    }
}
