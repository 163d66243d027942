package dev.quiztutor.bank;

/**
 * The one door to topics: the operator's global topics, and each server's own on top of them. Every
 * front end asks here for the bank of the place a user acts in, so that practice, tests, lessons,
 * schedules and progress need not know where a topic came from. Each answer is an immutable
 * snapshot; a change (an upload, a reload of the folder) swaps in a new one.
 */
public interface Banks {
    /** The operator's topics, seen everywhere (and the only ones outside a server). */
    QuizBank global();

    /**
     * The topics a server sees: the global ones, then that server's own. The same object until
     * either changes, so what is worked out per bank can be kept with it. {@code 0} (a direct
     * message, the console) gives {@link #global()}.
     */
    QuizBank forGuild(long guildId);

    /** One bank for everything and no server topics: the console, and tests. */
    static Banks of(QuizBank global) {
        return new LiveBanks(global);
    }
}
