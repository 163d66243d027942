package dev.quiztutor.schedule;

import java.util.Objects;

/** What the Discord side answers to a post or a reveal: sent, or failed and why. */
public sealed interface PostResult permits PostResult.Sent, PostResult.Failed {

    /** Discord accepted it; {@code messageId} is the post (or the reveal's edited or reply message). */
    record Sent(long messageId) implements PostResult {
    }

    /**
     * Discord did not take it. {@code reason} is shown to moderators as is ("Missing permission:
     * Send Messages in #quiz"). {@code permanent}: trying again will fail the same way until a person
     * acts (missing permissions, unknown or deleted channel or message); otherwise it may pass (Discord
     * unavailable, a timeout) and is retried.
     */
    record Failed(String reason, boolean permanent) implements PostResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        public static Failed permanent(String reason) {
            return new Failed(reason, true);
        }

        public static Failed mayPass(String reason) {
            return new Failed(reason, false);
        }
    }
}
