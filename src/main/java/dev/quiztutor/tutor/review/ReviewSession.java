package dev.quiztutor.tutor.review;

import dev.quiztutor.tutor.Place;
import java.util.Objects;
import java.util.Optional;

/**
 * One sitting of a member's review: whose it is, where (the guild, 0 outside Discord), an id of its
 * own and, optionally, the one topic it is about. Its answers are recorded at {@link #place()}, a
 * place of kind REVIEW: graded like practice, scoring nothing, and moving the member's cards on.
 * Nothing else is kept: the questions left come from the cards, so a session survives a restart.
 *
 * @param id a number no other session of the member's has (the /review interaction's id, a console
 *           sitting's start): each question of a sitting is a fresh attempt, as on a new post
 */
public record ReviewSession(long guild, long user, long id, Optional<String> topicId) {
    public ReviewSession {
        Objects.requireNonNull(topicId, "topicId");
    }

    /** Where the session's answers are recorded. */
    public Place place() {
        return new Place(guild, id, Place.Kind.REVIEW);
    }
}
