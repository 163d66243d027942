package dev.quiztutor.store;

import dev.quiztutor.bank.SuggestedQuestion;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Members' suggestions (/suggest) and what goes with them: each server's review channel, and the form
 * a member is still fixing. A suggestion is pending until one moderator decides it; deciding is
 * atomic, so two moderators pressing Approve at once add it once.
 */
public interface SuggestionStore {
    enum State { PENDING, APPROVED, REJECTED }

    /** Who suggested or decided: the id, and the display name it had then (shown as text, never a mention). */
    record Person(long id, String name) {
        public Person {
            Objects.requireNonNull(name, "name");
        }
    }

    record Decision(Person moderator, Instant at) {
    }

    record Suggestion(long id, long guild, Person author, String topicId, SuggestedQuestion question, State state,
                      Instant created, Optional<Decision> decision) {
        public Suggestion {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(topicId, "topicId");
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(decision, "decision");
        }
    }

    /** What a member typed in the form, for the topic it was meant for. */
    record Draft(String topicId, SuggestedQuestion.Typed typed) {
    }

    /** Stores a pending suggestion and removes the author's draft in this server; gives its id. */
    long add(long guild, Person author, String topicId, SuggestedQuestion question, Instant at);

    Optional<Suggestion> get(long id);

    /** A pending suggestion's new text (a moderator's edit); false when it is no longer pending. */
    boolean update(long id, SuggestedQuestion question);

    /** Decides a pending suggestion; false when it was already decided (or is gone). */
    boolean decide(long id, State state, Person moderator, Instant at);

    /** Makes an approved suggestion pending again: its approval could not be carried out. */
    void reopen(long id);

    /** Removes a suggestion that never reached the review channel. */
    void delete(long id);

    /** How many suggestions the member sent in the server since {@code since}. */
    int countSince(long guild, long author, Instant since);

    OptionalLong reviewChannel(long guild);

    void setReviewChannel(long guild, long channel);

    Optional<Draft> draft(long guild, long user);

    void saveDraft(long guild, long user, Draft draft, Instant at);

    /**
     * Forgets a member (/forget-me): their pending and rejected suggestions and their drafts are
     * deleted; an approved one (now part of a server's topic) keeps its question with no author id or
     * name; where they decided as a moderator, their id and name are removed.
     */
    void deleteMember(long user);
}
