/**
 * A member's progress as a picture, without Discord, SQL or drawing: right answers per week and
 * difficulty over the last weeks ({@link dev.quiztutor.tutor.progress.WeekOfRightAnswers}, from the
 * right answers a {@link dev.quiztutor.tutor.progress.RightAnswers} store reads), and mastery per topic
 * ({@link dev.quiztutor.tutor.progress.TopicMastery}, from the member's review cards), gathered in one
 * {@link dev.quiztutor.tutor.progress.ProgressPicture}. {@link dev.quiztutor.tutor.progress.ProgressText}
 * says the same figures in words: the summary beside the chart and the chart's alt text. The chart
 * itself is drawn outside the domain ({@code dev.quiztutor.chart}).
 */
package dev.quiztutor.tutor.progress;
