package dev.quiztutor.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.Feedback;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.PlaceSummary;
import dev.quiztutor.tutor.Practice;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "12 answered · 7 right" line of public posts. Clicks only mark a post dirty; a timer edits each
 * dirty post at most once per interval, so a thousand clicks in a minute cost a handful of edits
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
        final AtomicBoolean dirty = new AtomicBoolean();
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
    private final Function<Place, PlaceSummary> seed;
    private final ScheduledFuture<?> flusher;

    LiveTallies(ScheduledExecutorService scheduler, Duration interval, Function<Place, PlaceSummary> seed) {
        this.seed = seed;
        long millis = Math.max(250, interval.toMillis());
        this.flusher = scheduler.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
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
            // wait one behind another for the same query.
            Post loaded = new Post(place.post(), channel, topic, question, seed.apply(place));
            // The figures are read after this click's event was stored, so they already count it, and
            // what the post shows (its first figures, or those from before a restart) is not known.
            loaded.dirty.set(true);
            Post raced = posts.asMap().putIfAbsent(place.post(), loaded);
            post = raced != null ? raced : loaded;
        }
        boolean changed = post.answered.add(user);
        if (outcome.feedback() instanceof Feedback.Correct) {
            changed |= post.right.add(user);
        }
        if (changed) {
            post.dirty.set(true);
        }
    }

    Views.Tally tally(long post) {
        Post p = posts.getIfPresent(post);
        return p == null ? Views.Tally.NONE : p.tally();
    }

    void flush() {
        flush(false);
    }

    /** {@code closing}: the last figures go out even behind an edit in flight, before JDA shuts down. */
    private void flush(boolean closing) {
        for (Post post : posts.asMap().values()) {
            // Claimed before the flag is cleared: a post whose edit is in flight stays dirty until it completes.
            boolean claimed = post.editing.compareAndSet(false, true);
            if (!claimed && !closing) {
                continue;
            }
            if (!post.dirty.compareAndSet(true, false)) {
                if (claimed) {
                    post.editing.set(false);
                }
                continue;
            }
            View view = Views.practicePost(post.topic, post.question, post.tally());
            try {
                // Only the embed changes: components stay as they are, with users' picks in the menus.
                post.channel.editMessageEmbedsById(post.id, view.embeds())
                        .queue(done -> post.editing.set(false), e -> {
                            post.editing.set(false);
                            LOG.info("could not update the figures of post {}: {}", post.id, e.toString());
                        });
            } catch (RuntimeException e) {
                post.editing.set(false);
                throw e;
            }
        }
    }

    @Override
    public void close() {
        flusher.cancel(false);
        flush(true);
    }
}
