package dev.quiztutor.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The topics servers uploaded, as stored: our JSON text and who put it there when. */
public interface ServerTopicStore {
    /** Who uploaded a version: the id, and the display name it had then (shown by /bank list, never a mention). */
    record Uploader(long id, String name) {
        public Uploader {
            Objects.requireNonNull(name, "name");
        }
    }

    /** One server topic's current version. */
    record StoredTopic(long guild, String topicId, int version, String json, Uploader uploader, Instant uploaded) {
        public StoredTopic {
            Objects.requireNonNull(topicId, "topicId");
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(uploader, "uploader");
            Objects.requireNonNull(uploaded, "uploaded");
        }
    }

    /**
     * One server topic's current version without its JSON: what a re-read compares with the versions it
     * holds, and what /bank list shows.
     */
    record Entry(long guild, String topicId, int version, Uploader uploader, Instant uploaded) {
        public Entry {
            Objects.requireNonNull(topicId, "topicId");
            Objects.requireNonNull(uploader, "uploader");
            Objects.requireNonNull(uploaded, "uploaded");
        }
    }

    /**
     * What storing gave: the new version, the version already there (replacing was not asked for), or
     * the live version found instead of the one a change was made from.
     */
    sealed interface Put permits Stored, AlreadyThere, Conflict {
    }

    record Stored(int version) implements Put {
    }

    record AlreadyThere(int version) implements Put {
    }

    /** Someone (maybe another process) changed the topic since it was read: nothing was stored. */
    record Conflict(int version) implements Put {
    }

    /**
     * Stores {@code json} as the server's topic {@code topicId}: version 1, or the next version of a
     * topic stored before (removed or, with {@code replace}, present).
     */
    Put put(long guild, String topicId, String json, Uploader uploader, Instant at, boolean replace);

    /**
     * Stores {@code json} as the next version of the server's topic only if its live version is still
     * {@code read} (0: the server had no such topic, or it was removed), the version the change was
     * made from; else stores nothing and gives {@link Conflict}. A change read, edited and written
     * back (an approved suggestion) so never overwrites one made in between by another process.
     */
    Put putIfVersion(long guild, String topicId, int read, String json, Uploader uploader, Instant at);

    /** Flags the server's topic as removed; false when it has no such topic. */
    boolean remove(long guild, String topicId);

    /** Every server's topics that are not removed, each server's in upload order. */
    List<StoredTopic> live();

    /**
     * The same topics as {@link #live}, in the same order, without their JSON: a topic may be megabytes,
     * and a re-read needs the JSON only of the versions it has not read yet.
     */
    List<Entry> entries();

    /** The JSON of the server's topic if {@code version} is still its live version; empty when it changed or was removed. */
    Optional<String> json(long guild, String topicId, int version);

    /** A number that changes whenever a server topic is stored or removed, by any process. */
    long changes();
}
