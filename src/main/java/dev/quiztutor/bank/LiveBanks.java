package dev.quiztutor.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Banks} whose parts can be replaced at any time, from any thread: the operator's folder (a
 * reload) and each server's own topics (an upload, a removal, a change made by another process).
 * Every replacement builds a new immutable snapshot and swaps it in whole, so a reader sees either
 * the old banks or the new ones, never a mix.
 */
public final class LiveBanks implements Banks {
    private static final Logger log = LoggerFactory.getLogger(LiveBanks.class);

    /** The global bank, each server's own topics, and each server's merged bank built from both. */
    private record Snapshot(QuizBank global, Map<Long, List<Topic>> own, Map<Long, QuizBank> merged) {
        static Snapshot of(QuizBank global, Map<Long, List<Topic>> own) {
            Map<Long, List<Topic>> kept = new HashMap<>();
            Map<Long, QuizBank> merged = new HashMap<>();
            own.forEach((guild, topics) -> {
                if (!topics.isEmpty()) {
                    kept.put(guild, List.copyOf(topics));
                    merged.put(guild, merge(guild, global, topics));
                }
            });
            return new Snapshot(global, Map.copyOf(kept), Map.copyOf(merged));
        }

        Snapshot withGuild(long guild, List<Topic> topics) {
            Map<Long, List<Topic>> own = new HashMap<>(this.own);
            Map<Long, QuizBank> merged = new HashMap<>(this.merged);
            if (topics.isEmpty()) {
                own.remove(guild);
                merged.remove(guild);
            } else {
                own.put(guild, List.copyOf(topics));
                merged.put(guild, merge(guild, global, topics));
            }
            return new Snapshot(global, Map.copyOf(own), Map.copyOf(merged));
        }
    }

    private final AtomicReference<Snapshot> current;

    public LiveBanks(QuizBank global) {
        current = new AtomicReference<>(Snapshot.of(Objects.requireNonNull(global), Map.of()));
    }

    @Override
    public QuizBank global() {
        return current.get().global();
    }

    @Override
    public QuizBank forGuild(long guildId) {
        Snapshot now = current.get();
        return now.merged().getOrDefault(guildId, now.global());
    }

    /** A server's own topics, in the order it sees them (without the global ones). */
    public List<Topic> own(long guildId) {
        return current.get().own().getOrDefault(guildId, List.of());
    }

    /** A new global bank (the operator's folder changed); every server's bank follows it at once. */
    public void replaceGlobal(QuizBank global) {
        Objects.requireNonNull(global);
        current.updateAndGet(old -> Snapshot.of(global, old.own()));
    }

    /** A server's own topics, all of them ({@code topics} empty: it has none any more). */
    public void replaceGuild(long guildId, List<Topic> topics) {
        List<Topic> copy = List.copyOf(topics);
        current.updateAndGet(old -> old.withGuild(guildId, copy));
    }

    /** Every server's own topics at once (loaded at start, or re-read after a change elsewhere). */
    public void replaceAllGuilds(Map<Long, List<Topic>> byGuild) {
        Map<Long, List<Topic>> copy = Map.copyOf(byGuild);
        current.updateAndGet(old -> Snapshot.of(old.global(), copy));
    }

    /**
     * The global topics, then the server's own. An upload refuses an id the global bank has, but the
     * operator may add one later: the operator's topic then wins everywhere, and the server's is left
     * out (and logged) until it is renamed or the operator's goes.
     */
    private static QuizBank merge(long guild, QuizBank global, List<Topic> own) {
        List<Topic> all = new ArrayList<>(global.topics());
        Set<String> globalIds = all.stream().map(Topic::id).collect(Collectors.toSet());
        for (Topic topic : own) {
            if (globalIds.contains(topic.id())) {
                log.warn("server {}: its topic '{}' has the id of a global topic; the global one is used", guild, topic.id());
            } else {
                all.add(topic);
            }
        }
        return new QuizBank(all);
    }
}
