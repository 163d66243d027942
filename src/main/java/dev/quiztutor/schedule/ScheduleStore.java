package dev.quiztutor.schedule;

import dev.quiztutor.bank.QuestionRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where schedules and their slots are kept, shared by every process of the bot. Every write is
 * durable when it returns. The claims are what make posting exactly-once: a slot (schedule, local
 * date) or a reveal is acted on only by the process whose claim the store accepted, and only that
 * claim's holder can record the outcome, even when several processes share the database.
 *
 * <p>Commands pass the guild they come from, and a schedule of another guild is "not found": a
 * moderator can only see and change their own guild's schedules.
 */
public interface ScheduleStore {
    // ------------------------------------------------------------------ schedules (commands)

    /** Stores a new, active schedule with a fresh id; created and active from the store's clock's now. */
    Schedule create(NewSchedule schedule);

    Optional<Schedule> get(long guild, long id);

    /** The guild's schedules, oldest first. */
    List<Schedule> list(long guild);

    /**
     * Deletes the schedule; its slots stay, so a post it already made is still revealed on time.
     * False when the guild has no such schedule.
     */
    boolean remove(long guild, long id);

    /** Pauses it (a paused schedule stays as it was paused); empty when the guild has no such schedule. */
    Optional<Schedule> pause(long guild, long id, long by);

    /**
     * Resumes it with its failure count reset to zero; it posts from its next slot on, never the slots
     * missed while paused. Empty when the guild has no such schedule.
     */
    Optional<Schedule> resume(long guild, long id);

    // ------------------------------------------------------------------ slots (the scheduler)

    /** Every schedule that is not paused, in every guild: each process keeps those of its own guilds. */
    List<Schedule> active();

    Optional<SlotRecord> slot(long scheduleId, LocalDate date);

    /** The schedule's latest slots, newest first. */
    List<SlotRecord> recentSlots(long scheduleId, int limit);

    /** The schedule's latest posted slot: "last post" in {@code /schedule list}. */
    Optional<SlotRecord> lastPosted(long scheduleId);

    /**
     * Claims the slot, atomically across processes: it is won when nobody claimed it yet, when it
     * waits for a retry whose time has come, or when its claim was made at or before {@code staleBefore}
     * and never recorded an outcome (the process that made it stopped). A paused or removed schedule's
     * slot is never claimed. Empty when not won.
     */
    Optional<SlotClaim> claim(long scheduleId, Slot slot, Instant now, Instant staleBefore);

    /**
     * The slot was posted: records the message and, when {@code revealAt} is present, a pending
     * reveal; resets the schedule's consecutive failures. Each outcome method returns false (and
     * records nothing) when {@code claim} is no longer the slot's current claim.
     */
    boolean posted(SlotClaim claim, long messageId, QuestionRef question, Instant at, Optional<Instant> revealAt);

    /** The slot is settled without a post, on purpose (missed by more than the grace window). */
    boolean skipped(SlotClaim claim, String reason, Instant at);

    /**
     * The try failed for a reason that may pass: the slot may be claimed again from {@code notBefore}.
     * The schedule shows it as its last failure, without counting it.
     */
    boolean retryLater(SlotClaim claim, String reason, Instant at, Instant notBefore);

    /**
     * The slot failed for good: counts one more consecutive failure on the schedule and, when that
     * reaches {@code pauseAfter}, pauses it ({@link Pause.AfterFailures}), in the same transaction.
     * Returns the schedule as it is now; empty when the claim was lost or the schedule was removed.
     */
    Optional<Schedule> failed(SlotClaim claim, String reason, Instant at, int pauseAfter);

    // ------------------------------------------------------------------ reveals

    /**
     * Posted slots whose answer is due by {@code now}: pending and not waiting for a retry, or claimed
     * at or before {@code staleBefore} and never finished. Oldest first.
     */
    List<DueReveal> dueReveals(Instant now, Instant staleBefore);

    /** Claims a reveal under the same rules as {@link #claim}; empty when not won. */
    Optional<RevealClaim> claimReveal(DueReveal reveal, Instant now, Instant staleBefore);

    boolean revealed(RevealClaim claim, Instant at);

    /** The reveal failed for a reason that may pass: it is due again from {@code notBefore}. */
    boolean revealRetryLater(RevealClaim claim, String reason, Instant at, Instant notBefore);

    boolean revealFailed(RevealClaim claim, String reason, Instant at);
}
