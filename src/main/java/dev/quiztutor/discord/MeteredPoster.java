package dev.quiztutor.discord;

import dev.quiztutor.ops.Metrics;
import dev.quiztutor.schedule.PostResult;
import dev.quiztutor.schedule.Poster;
import dev.quiztutor.schedule.ScheduledPost;
import dev.quiztutor.schedule.ScheduledReveal;

/** Counts what the scheduler's posts and reveals come to, so an operator sees failing schedules. */
record MeteredPoster(Poster inner, Metrics metrics) implements Poster {
    @Override
    public PostResult post(ScheduledPost post) {
        return counted(Metrics.Scheduled.POST, inner.post(post));
    }

    @Override
    public PostResult reveal(ScheduledReveal reveal) {
        return counted(Metrics.Scheduled.REVEAL, inner.reveal(reveal));
    }

    private PostResult counted(Metrics.Scheduled what, PostResult result) {
        metrics.scheduled(what, result instanceof PostResult.Sent,
                result instanceof PostResult.Failed failed && failed.permanent());
        return result;
    }
}
