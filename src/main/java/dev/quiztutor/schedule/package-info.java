/**
 * Daily quiz posts scheduled by moderators, without Discord: what a schedule is
 * ({@link dev.quiztutor.schedule.Schedule}, {@link dev.quiztutor.schedule.Timetable}, which follows
 * daylight saving time), reading what moderators type ({@link dev.quiztutor.schedule.ScheduleInput}),
 * where schedules and slots are kept ({@link dev.quiztutor.schedule.ScheduleStore}, implemented in
 * {@code store/}) and the engine that posts each slot exactly once and reveals answers
 * ({@link dev.quiztutor.schedule.Scheduler}). The Discord side implements
 * {@link dev.quiztutor.schedule.Poster}; all time comes from an injected {@link java.time.Clock}.
 */
package dev.quiztutor.schedule;
