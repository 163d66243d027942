package dev.quiztutor.store;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.LiveBanks;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.schedule.Periodic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Servers' own topics, between the store and the live banks: loaded at start, stored and removed
 * through here (live at once in this process), and re-read when the store's change counter moved
 * (a change made by another process on the same database), which {@link #start} checks every few
 * seconds.
 */
public final class ServerTopics {
    private static final Logger log = LoggerFactory.getLogger(ServerTopics.class);
    /** How often another process's change is looked for: one one-row read each time. */
    public static final Duration POLL = Duration.ofSeconds(2);

    private final ServerTopicStore store;
    private final LiveBanks banks;
    /** Topics already read, by server, id and version: a re-read parses only what changed. */
    private Map<Key, Parsed> parsed = Map.of();
    /**
     * Topics this process has just stored, already read and checked by the upload: the re-read that
     * makes them live takes them from here instead of parsing their JSON a second time.
     */
    private final Map<Key, Topic> justStored = new HashMap<>();
    private long seen = Long.MIN_VALUE;

    private record Key(long guild, String topicId, int version) {
    }

    private record Parsed(ServerTopicStore.Entry stored, Optional<Topic> topic) {
    }

    public ServerTopics(ServerTopicStore store, LiveBanks banks) {
        this.store = Objects.requireNonNull(store);
        this.banks = Objects.requireNonNull(banks);
    }

    /** The live banks the topics go into. */
    public LiveBanks banks() {
        return banks;
    }

    /** Checks the change counter every {@link #POLL}; a failed check is logged and tried again. */
    public ScheduledFuture<?> start(ScheduledExecutorService executor) {
        return Periodic.withFixedDelay(executor, "reading the server topics", POLL, POLL, this::refresh);
    }

    /**
     * Re-reads the server topics if they changed since the last read (or were never read). The
     * counter is read before the rows, so a change made in between is read again next time, never lost.
     * After the first read, only the versions are listed, and only a version not held yet is fetched
     * and parsed: an upload of megabytes is not read back from the store by the process that stored it.
     */
    public synchronized void refresh() {
        long now = store.changes();
        if (now == seen) {
            return;
        }
        Map<Key, Parsed> next = new HashMap<>();
        Map<Long, List<Topic>> byGuild = new LinkedHashMap<>();
        if (seen == Long.MIN_VALUE) {
            // Every topic is new to the first read: their JSON in one query.
            for (ServerTopicStore.StoredTopic stored : store.live()) {
                ServerTopicStore.Entry entry = new ServerTopicStore.Entry(stored.guild(), stored.topicId(),
                        stored.version(), stored.uploader(), stored.uploaded());
                keep(next, byGuild, new Parsed(entry, known(entry).or(() -> parse(entry, stored.json()))));
            }
        } else {
            for (ServerTopicStore.Entry entry : store.entries()) {
                Key key = new Key(entry.guild(), entry.topicId(), entry.version());
                Parsed held = parsed.get(key);
                if (held != null) {
                    // The same version: its topic as read, with the entry as now (an uploader forgotten).
                    keep(next, byGuild, new Parsed(entry, held.topic()));
                    continue;
                }
                Optional<Topic> known = known(entry);
                if (known.isPresent()) {
                    keep(next, byGuild, new Parsed(entry, known));
                    continue;
                }
                Optional<String> json = store.json(entry.guild(), entry.topicId(), entry.version());
                if (json.isPresent()) {
                    keep(next, byGuild, new Parsed(entry, parse(entry, json.get())));
                } else {
                    // Changed again or removed since it was listed, so after the counter was read: the next
                    // read gets it; until then the server keeps the version it had here, if any.
                    parsed.values().stream().filter(p -> p.stored().guild() == entry.guild()
                            && p.stored().topicId().equals(entry.topicId())).findFirst()
                            .ifPresent(p -> keep(next, byGuild, p));
                }
            }
        }
        parsed = Map.copyOf(next);
        justStored.clear();
        banks.replaceAllGuilds(byGuild);
        seen = now;
    }

    /** The topic of a version this process has just stored, already read by its upload. */
    private Optional<Topic> known(ServerTopicStore.Entry entry) {
        return Optional.ofNullable(justStored.get(new Key(entry.guild(), entry.topicId(), entry.version())));
    }

    private static void keep(Map<Key, Parsed> next, Map<Long, List<Topic>> byGuild, Parsed topic) {
        ServerTopicStore.Entry entry = topic.stored();
        next.put(new Key(entry.guild(), entry.topicId(), entry.version()), topic);
        topic.topic().ifPresent(t -> byGuild.computeIfAbsent(entry.guild(), g -> new ArrayList<>()).add(t));
    }

    /** A stored topic was valid when uploaded; one a newer reader refuses is left out and logged, not fatal. */
    private static Optional<Topic> parse(ServerTopicStore.Entry stored, String json) {
        BankLoader.FileResult read = BankLoader.read(Path.of(stored.topicId() + ".json"),
                json.getBytes(StandardCharsets.UTF_8));
        if (!read.ok()) {
            log.warn("server {}: its stored topic '{}' (version {}) no longer reads; left out: {}", stored.guild(),
                    stored.topicId(), stored.version(), read.problems());
        }
        return read.topic().filter(t -> t.id().equals(stored.topicId()));
    }

    /** A server's topics as stored, in upload order (for /bank list). */
    public synchronized List<ServerTopicStore.Entry> of(long guild) {
        return parsed.values().stream().map(Parsed::stored).filter(s -> s.guild() == guild)
                .sorted(java.util.Comparator.comparing(ServerTopicStore.Entry::uploaded)
                        .thenComparing(ServerTopicStore.Entry::topicId))
                .toList();
    }

    /** How much one server may keep (config {@code bank.*}). */
    public record Limits(int topics, int questions) {
    }

    /** What an upload did: the topic is live (its version, whether it replaced one), or why not. */
    public sealed interface Change permits Added, Refused {
    }

    public record Added(Topic topic, int version, boolean replaced) implements Change {
    }

    public record Refused(String reason) implements Change, Amendment {
    }

    /** What a change to one topic makes of it (see {@link #amend}): its next version, or why there is none. */
    public sealed interface Amendment permits Next, Refused {
    }

    /** The topic's next version and its JSON (as TopicWriter writes it). */
    public record Next(Topic topic, String json) implements Amendment {
    }

    /** How often {@link #amend} reads again and re-applies a change that another one overtook. */
    public static final int TRIES = 3;

    /**
     * Makes a valid topic one of the server's own, if it may be: its id is not a global topic's, it
     * replaces one only when asked to, and the server stays within its limits. Nothing changes on a
     * refusal.
     */
    public Change upload(long guild, Topic topic, String json, ServerTopicStore.Uploader uploader, Instant at,
                         boolean replace, Limits limits) {
        String id = topic.id();
        if (banks.global().topic(id).isPresent()) {
            return new Refused("`" + id + "` is the id of a topic every server has (the operator's quizzes); "
                    + "give your topic another id.");
        }
        List<Topic> own = banks.own(guild);
        Optional<Topic> existing = own.stream().filter(t -> t.id().equals(id)).findFirst();
        if (existing.isPresent() && !replace) {
            return new Refused("This server already has a topic `" + id + "`. Upload again with `replace:True` to "
                    + "replace it (its questions keep their history).");
        }
        Optional<Refused> over = overLimits(guild, topic, limits);
        if (over.isPresent()) {
            return over.get();
        }
        ServerTopicStore.Put put = put(guild, topic, json, uploader, at, replace);
        if (put instanceof ServerTopicStore.AlreadyThere there) {
            return new Refused("This server already has a topic `" + id + "` (version " + there.version()
                    + "). Upload again with `replace:True` to replace it.");
        }
        return new Added(topic, ((ServerTopicStore.Stored) put).version(), existing.isPresent());
    }

    /** Why the server may not keep {@code topic} (in place of its topic with that id, if any), if so. */
    private Optional<Refused> overLimits(long guild, Topic topic, Limits limits) {
        String id = topic.id();
        List<Topic> own = banks.own(guild);
        boolean existing = own.stream().anyMatch(t -> t.id().equals(id));
        int topics = own.size() + (existing ? 0 : 1);
        if (topics > limits.topics()) {
            return Optional.of(new Refused("A server may keep at most " + limits.topics() + " topics of its own; this one has "
                    + own.size() + ". Remove one with /bank remove first."));
        }
        int questions = own.stream().filter(t -> !t.id().equals(id)).mapToInt(t -> t.questions().size()).sum()
                + topic.questions().size();
        if (questions > limits.questions()) {
            return Optional.of(new Refused("A server may keep at most " + limits.questions() + " questions in its own "
                    + "topics; with this file it would have " + questions + "."));
        }
        return Optional.empty();
    }

    /**
     * Changes one of the server's topics from its current version (empty when it has none): {@code edit}
     * makes the next version of what it is given, which is stored only if nobody changed the topic
     * since it was read here (another process, an upload, another change); else the topic is read
     * again and {@code edit} applied to the newer version, up to {@link #TRIES} times. So two changes
     * made at the same moment both land, whichever process makes them. Live here when this returns.
     */
    public Change amend(long guild, String topicId, Function<Optional<Topic>, Amendment> edit,
                        ServerTopicStore.Uploader uploader, Instant at, Limits limits) {
        for (int i = 0; i < TRIES; i++) {
            Optional<Parsed> parsedNow = parsed(guild, topicId);
            Optional<ServerTopicStore.Entry> read = parsedNow.map(Parsed::stored);
            if (parsedNow.isPresent() && parsedNow.get().topic().isEmpty()) {
                return new Refused("`" + topicId + "` as stored no longer reads (see the bot's log); upload it again.");
            }
            Amendment next = edit.apply(parsedNow.flatMap(Parsed::topic));
            if (next instanceof Refused refused) {
                return refused;
            }
            Topic topic = ((Next) next).topic();
            if (!topic.id().equals(topicId)) {
                throw new IllegalArgumentException("a change of topic " + topicId + " made topic " + topic.id());
            }
            if (banks.global().topic(topicId).isPresent()) {
                return new Refused("`" + topicId + "` is the id of a topic every server has (the operator's quizzes); "
                        + "it cannot be one of this server's own.");
            }
            Optional<Refused> over = overLimits(guild, topic, limits);
            if (over.isPresent()) {
                return over.get();
            }
            ServerTopicStore.Put put = store.putIfVersion(guild, topicId, read.map(ServerTopicStore.Entry::version)
                    .orElse(0), ((Next) next).json(), uploader, at);
            refresh();
            if (put instanceof ServerTopicStore.Stored stored) {
                return new Added(topic, stored.version(), read.isPresent());
            }
            log.info("server {}: topic '{}' changed while a change was being made from version {}; reading it again",
                    guild, topicId, read.map(ServerTopicStore.Entry::version).orElse(0));
        }
        return new Refused("`" + topicId + "` was being changed by others at the same moment, " + TRIES
                + " times in a row, so nothing changed. Please try again in a moment.");
    }

    /** The server's topic as last read here, with its version. */
    private synchronized Optional<Parsed> parsed(long guild, String topicId) {
        return parsed.values().stream()
                .filter(p -> p.stored().guild() == guild && p.stored().topicId().equals(topicId)).findFirst();
    }

    /** Stores a topic's JSON for a server; live in this process when this returns. */
    public ServerTopicStore.Put put(long guild, Topic topic, String json, ServerTopicStore.Uploader uploader,
                                    Instant at, boolean replace) {
        ServerTopicStore.Put put = store.put(guild, topic.id(), json, uploader, at, replace);
        synchronized (this) {
            if (put instanceof ServerTopicStore.Stored stored) {
                // json is the text the caller read this topic from (an upload's), so it reads back as it.
                justStored.put(new Key(guild, topic.id(), stored.version()), topic);
            }
            refresh();
        }
        return put;
    }

    /** Removes a server's topic; live in this process when this returns. False when it had no such topic. */
    public boolean remove(long guild, String topicId) {
        boolean removed = store.remove(guild, topicId);
        refresh();
        return removed;
    }
}
