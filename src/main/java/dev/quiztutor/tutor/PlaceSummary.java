package dev.quiztutor.tutor;

import java.util.Set;

/** Who has answered at a place, and who got it right: the live figures of a public post. */
public record PlaceSummary(Set<Long> answered, Set<Long> right) {
    public static final PlaceSummary EMPTY = new PlaceSummary(Set.of(), Set.of());

    public PlaceSummary {
        answered = Set.copyOf(answered);
        right = Set.copyOf(right);
    }
}
