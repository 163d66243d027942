package dev.quiztutor.schedule;

import dev.quiztutor.bank.QuestionRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A slot as the store keeps it: what happened to one day's post of a schedule, for the scheduler's
 * decisions and for {@code /schedule list} ("last post", "last error").
 *
 * @param tries   how many times it was claimed: 1 for a slot that went as planned
 * @param changed when the state last changed: claimed at, failed at, posted at, skipped at
 * @param reason  why it was skipped or failed, or the last failure of a slot waiting to retry
 * @param post    the message, once posted
 * @param reveal  the answer reveal of a posted slot whose schedule reveals answers
 */
public record SlotRecord(long scheduleId, Slot slot, SlotState state, int tries, Instant changed,
                         Optional<String> reason, Optional<PostedMessage> post, Optional<RevealRecord> reveal) {
    public SlotRecord {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(reveal, "reveal");
    }

    /** The message a slot was posted as; it is also the {@code Place} of the answers given on it. */
    public record PostedMessage(long guild, long channel, long messageId, QuestionRef question, Instant at) {
        public PostedMessage {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(at, "at");
        }
    }

    /** @param due when the answer is (or was) to be revealed; {@code changed} when its state last changed */
    public record RevealRecord(RevealState state, Instant due, int tries, Optional<Instant> changed,
                               Optional<String> reason) {
        public RevealRecord {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(changed, "changed");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
