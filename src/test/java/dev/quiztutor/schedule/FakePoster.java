package dev.quiztutor.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord as the scheduler sees it: records every post and reveal with the clock's instant, and
 * refuses a channel when the test says so. Shared by the "processes" of a test, like Discord.
 */
final class FakePoster implements Poster {
    /** A post Discord accepted: when, and the message id it got. */
    record Post(Instant at, long messageId, ScheduledPost post) {
        long channel() {
            return post.schedule().channel();
        }
    }

    record Reveal(Instant at, ScheduledReveal reveal) {
    }

    private final Clock clock;
    private final AtomicLong messageIds = new AtomicLong(900_000);
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<ScheduledPost> refused = new CopyOnWriteArrayList<>();
    private final List<Reveal> reveals = new CopyOnWriteArrayList<>();
    private final Map<Long, PostResult.Failed> refusing = new ConcurrentHashMap<>();
    private volatile Runnable onPost = () -> { };

    FakePoster(Clock clock) {
        this.clock = clock;
    }

    /** Every post and reveal in {@code channel} fails with {@code failure} until {@link #accept}. */
    void refuse(long channel, PostResult.Failed failure) {
        refusing.put(channel, failure);
    }

    void accept(long channel) {
        refusing.remove(channel);
    }

    void onPost(Runnable action) {
        onPost = action;
    }

    @Override
    public PostResult post(ScheduledPost post) {
        PostResult.Failed failure = refusing.get(post.schedule().channel());
        if (failure != null) {
            refused.add(post);
            return failure;
        }
        long id = messageIds.incrementAndGet();
        posts.add(new Post(clock.instant(), id, post));
        onPost.run();
        return new PostResult.Sent(id);
    }

    @Override
    public PostResult reveal(ScheduledReveal reveal) {
        PostResult.Failed failure = refusing.get(reveal.channel());
        if (failure != null) {
            return failure;
        }
        reveals.add(new Reveal(clock.instant(), reveal));
        return new PostResult.Sent(reveal.messageId());
    }

    List<Post> posts() {
        return List.copyOf(posts);
    }

    List<Post> postsIn(long channel) {
        return posts.stream().filter(p -> p.channel() == channel).toList();
    }

    List<Instant> timesIn(long channel) {
        return postsIn(channel).stream().map(Post::at).toList();
    }

    /** Posts Discord refused (the tries, not the slots). */
    List<ScheduledPost> refused() {
        return List.copyOf(refused);
    }

    List<Reveal> reveals() {
        return new ArrayList<>(reveals);
    }
}
