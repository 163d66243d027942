/**
 * Spaced review with FSRS-6, without Discord, SQL or a clock: a {@link dev.quiztutor.tutor.review.Card}
 * per member and question, the {@link dev.quiztutor.tutor.review.FsrsScheduler} that moves it on after a
 * {@link dev.quiztutor.tutor.review.Rating}, the {@link dev.quiztutor.tutor.review.Review} an attempt
 * amounts to, and a member's {@link dev.quiztutor.tutor.review.Deck}, rebuilt from their attempts.
 *
 * <p>The algorithm is the published FSRS-6 (21 weights, the defaults py-fsrs 6.3.1, ts-fsrs 5.4.1 and
 * fsrs-rs 6.6.1 share), checked against their own test values in {@code FsrsReferenceTest}.
 *
 * <p>The tutor schedules without learning steps ({@link dev.quiztutor.tutor.review.FsrsScheduler#tutor}):
 * from the first review on, a card is due a whole number of days later. The reference implementations
 * default to steps of 1 and 10 minutes (and 10 minutes after a lapse), made for someone sitting at a deck
 * of flash cards, who turns a card, sees the answer and meets it again ten minutes later. Here a review is
 * a whole attempt at a question, which ends by showing the worked solution: asking it again minutes later
 * would test the screen just read, not memory. And a member sees their reviews by the day ("3 due today",
 * "due tomorrow"), which steps of minutes would turn into questions due again within the same sitting.
 * Reviews on the same day still count, with FSRS-6's own same-day formula. The steps are there
 * ({@link dev.quiztutor.tutor.review.FsrsScheduler.Settings}) for the reference tests and for whoever
 * wants them.
 *
 * <p>Time: a card is due at an instant; whole days since the last review are counted in 24-hour periods,
 * as in the reference, so a card does not depend on anyone's time zone. Only "due today" does: a card is
 * due on the day its due instant falls on in the member's zone ({@link dev.quiztutor.tutor.review.Card#dueBy}).
 * One quirk follows, once a year: on the night clocks go back, 24 hours after 00:30 is 23:30 the same
 * day, so a question missed then is due again that evening.
 */
package dev.quiztutor.tutor.review;
