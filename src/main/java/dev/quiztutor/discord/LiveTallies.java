package dev.quiztutor.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.schedule.Periodic;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.Feedback;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.PlaceSummary;
import dev.quiztutor.tutor.Practice;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "12 answered · 7 right" line of public posts. Clicks only change a post's figures; a timer edits
 * each post whose figures changed at most once per interval, so a thousand clicks in a minute cost a handful of edits
 * and never hit Discord's rate limits. A post has at most one edit in flight: when a channel's rate
 * limit holds edits back, the changes made meanwhile go into the next edit after it completes,
 * instead of piling up in JDA's queue. After a restart a post's figures are rebuilt from storage.
 */
final class LiveTallies implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTallies.class);

    private final class Post {
        final long id;
        final MessageChannel channel;
        final Topic topic;
        final Question question;
        final Set<Long> answered = ConcurrentHashMap.newKeySet();
        final Set<Long> right = ConcurrentHashMap.newKeySet();
        /**
         * The figures of the last edit handed to JDA; null while none was (the post shows figures we do not
         * know: its first, or those from before a restart). The post needs an edit while its figures differ.
         * Set only once JDA took the edit: a refresh that stops short of sending leaves it for the next one.
         */
        final AtomicReference<Views.Tally> queued = new AtomicReference<>();
        /** An edit of this post was sent and has not completed: the next one waits for it. */
        final AtomicBoolean editing = new AtomicBoolean();

        Post(long id, MessageChannel channel, Topic topic, Question question, PlaceSummary seed) {
            this.id = id;
            this.channel = channel;
            this.topic = topic;
            this.question = question;
            answered.addAll(seed.answered());
            right.addAll(seed.right());
        }

        Views.Tally tally() {
            return new Views.Tally(answered.size(), right.size());
        }
    }

    private final Cache<Long, Post> posts = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofDays(2))
            .build();
    /** Refusals that the next edit would get too: the post is gone, or the bot may no longer post there. */
    private static final Set<ErrorResponse> GIVE_UP = EnumSet.of(ErrorResponse.UNKNOWN_MESSAGE,
            ErrorResponse.UNKNOWN_CHANNEL, ErrorResponse.MISSING_ACCESS, ErrorResponse.MISSING_PERMISSIONS);

    private final Function<Place, PlaceSummary> seed;
    private final ScheduledFuture<?> flusher;
    private volatile boolean closed;
    private volatile Runnable beforeEachEdit = () -> { };

    LiveTallies(ScheduledExecutorService scheduler, Duration interval, Function<Place, PlaceSummary> seed) {
        this.seed = seed;
        Duration every = Duration.ofMillis(Math.max(250, interval.toMillis()));
        this.flusher = Periodic.withFixedDelay(scheduler, "the live counts' refresh", every, every, this::flush);
    }

    /** Counts a user's action on a public post; only tries count as answers. */
    void record(Place place, MessageChannel channel, Topic topic, Question question, long user, Practice.Outcome outcome) {
        boolean tried = outcome.recorded().filter(e -> e instanceof AttemptEvent.Answered).isPresent();
        if (!tried) {
            return;
        }
        Post post = posts.getIfPresent(place.post());
        if (post == null) {
            // Loaded outside the cache's lock: the first clicks on a post after a restart must not
            // wait one behind another for the same query. The figures are read after this click's event
            // was stored, so they already count it; none was queued yet, so the next refresh edits the post.
            Post loaded = new Post(place.post(), channel, topic, question, seed.apply(place));
            Post raced = posts.asMap().putIfAbsent(place.post(), loaded);
            post = raced != null ? raced : loaded;
        }
        post.answered.add(user);
        if (outcome.feedback() instanceof Feedback.Correct) {
            post.right.add(user);
        }
    }

    Views.Tally tally(long post) {
        Post p = posts.getIfPresent(post);
        return p == null ? Views.Tally.NONE : p.tally();
    }

    /**
     * Edits every post whose figures changed. A post that cannot be edited is handled alone: one
     * channel where the bot may not post must not stop the counts of every other post.
     */
    void flush() {
        flush(false);
    }

    /**
     * {@code closing}: the last figures go out even behind an edit in flight, and whatever a periodic
     * refresh still running on the timer has not handed to JDA yet, before JDA shuts down.
     */
    private void flush(boolean closing) {
        int notSent = 0;
        for (Post post : posts.asMap().values()) {
            // A post whose edit is in flight waits: its changes go into the edit after that one completes.
            boolean claimed = post.editing.compareAndSet(false, true);
            if (!claimed && !closing) {
                continue;
            }
            Views.Tally figures = post.tally();
            if (figures.equals(post.queued.get())) {
                if (claimed) {
                    post.editing.set(false);
                }
                continue;
            }
            try {
                View view = Views.practicePost(post.topic, post.question, figures);
                beforeEachEdit.run();
                if (closed && !closing) {
                    // A refresh that was running when closing began: the last refresh sent these figures.
                    post.editing.set(false);
                    return;
                }
                // Only the embed changes: components stay as they are, with users' picks in the menus.
                post.channel.editMessageEmbedsById(post.id, view.embeds())
                        .queue(done -> post.editing.set(false), e -> {
                            post.editing.set(false);
                            refused(post, e);
                        });
                post.queued.set(figures);
            } catch (RejectedExecutionException e) {
                // JDA has stopped taking requests: the connection is closing (or closed on its own).
                post.editing.set(false);
                notSent++;
            } catch (PermissionException e) {
                // JDA refuses up front when its cache says the bot may not post there.
                post.editing.set(false);
                drop(post, e.getMessage());
            } catch (RuntimeException e) {
                post.editing.set(false);
                LOG.warn("could not update the figures of post {}", post.id, e);
            }
        }
        if (notSent > 0 && (closing || !closed)) {
            LOG.info("the live counts of {} posts were not updated: the connection to Discord is closing", notSent);
        } else if (notSent > 0) {
            // A refresh that was running when closing began: the last refresh sent what it could.
            LOG.debug("a refresh running at shutdown left {} edits to the last one", notSent);
        }
    }

    private void refused(Post post, Throwable error) {
        if (error instanceof ErrorResponseException refusal && GIVE_UP.contains(refusal.getErrorResponse())) {
            drop(post, refusal.getMeaning());
        } else {
            LOG.info("could not update the figures of post {}: {}", post.id, error.toString());
        }
    }

    /**
     * Forgets a post that Discord would refuse again; its figures stay in storage. A later answer
     * loads it anew, so a channel whose permissions were fixed gets its count back.
     */
    private void drop(Post post, String why) {
        posts.asMap().remove(post.id, post);
        LOG.info("post {}: its live count is no longer updated: {}", post.id, why);
    }

    /** Runs on the refreshing thread just before each edit goes to JDA: a test holds a refresh there. */
    void beforeEachEdit(Runnable hook) {
        beforeEachEdit = hook;
    }

    /**
     * Sends the last figures and stops: from now on no edit goes to JDA, which the caller shuts down
     * next. A refresh still running on the timer meanwhile stops short of its next edit, and the
     * figures it had not sent go out here.
     */
    @Override
    public void close() {
        closed = true;
        flusher.cancel(false);
        // The last figures go out if they can; a failure must not stop the rest of the shutdown.
        Periodic.guarded("the live counts' last refresh", () -> flush(true)).run();
    }
}
