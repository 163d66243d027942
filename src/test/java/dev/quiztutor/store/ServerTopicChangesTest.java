package dev.quiztutor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiztutor.TestClock;
import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.LiveBanks;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.Step;
import dev.quiztutor.bank.SuggestedQuestion;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.bank.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two processes (two storages over one database: two SQLite connections, or two shards on one
 * PostgreSQL) changing the same server topic at the same moment. Each race is made deterministic:
 * the other process's change runs inside this one's edit, after this one read the topic and before
 * it writes, which is exactly the window where a read-edit-write would lose a change.
 */
class ServerTopicChangesTest {
    private static final long GUILD = 111;
    private static final String TOPIC = "own";
    private static final ServerTopicStore.Uploader MOD = new ServerTopicStore.Uploader(7, "Mod");
    private static final ServerTopics.Limits LIMITS = new ServerTopics.Limits(50, 5_000);

    enum Dialect { SQLITE, POSTGRESQL }

    @TempDir
    Path folder;
    private final TestClock clock = new TestClock("2025-03-10T12:00:00Z");
    private final List<Storage> opened = new ArrayList<>();
    private StorageSettings settings;
    private Optional<TestPostgres.Server> postgres = Optional.empty();

    private void database(Dialect dialect) {
        if (dialect == Dialect.SQLITE) {
            settings = StorageSettings.sqlite(folder.resolve("quiztutor.db").toString());
            return;
        }
        TestPostgres.Availability availability = TestPostgres.availability();
        if (availability.server().isEmpty() && TestPostgres.requiredByCi()) {
            fail("CI=true but the PostgreSQL tests cannot run: " + availability.reason());
        }
        assumeTrue(availability.server().isPresent(), () -> "PostgreSQL tests skipped: " + availability.reason());
        postgres = availability.server();
        settings = TestPostgres.newSchema(postgres.get());
    }

    @AfterEach
    void close() {
        opened.forEach(Storage::close);
        postgres.ifPresent(server -> TestPostgres.dropSchema(server, settings));
    }

    /** Another process on the same database: a storage of its own (its own connections). */
    private Storage process() {
        Storage storage = Storage.open(settings, clock);
        opened.add(storage);
        return storage;
    }

    private static ServerTopics topics(Storage storage) {
        ServerTopics topics = new ServerTopics(storage.serverTopics(), new LiveBanks(TestQuiz.BANK));
        topics.refresh();
        return topics;
    }

    private static Topic read(String json) {
        return BankLoader.read(Path.of(TOPIC + ".json"), json.getBytes(StandardCharsets.UTF_8)).topic().orElseThrow();
    }

    /** The topic with {@code question} added at its end. */
    private static ServerTopics.Next with(Topic base, Question question) {
        List<Question> questions = new ArrayList<>(base.questions());
        questions.add(question);
        Topic next = new Topic(base.id(), base.title(), base.category(), base.summary(), base.minutes(), base.lesson(),
                questions, base.source());
        String json = TopicWriter.write(next, "");
        return new ServerTopics.Next(read(json), json);
    }

    /** An edit adding a copy of the topic's first question under {@code id}. */
    private static Function<Optional<Topic>, ServerTopics.Amendment> adding(String id) {
        return current -> {
            Topic base = current.orElseThrow();
            Question first = base.questions().get(0);
            return with(base, new Question(new QuestionRef(TOPIC, id), first.difficulty(), first.prompt() + " (" + id + ")",
                    first.type(), first.hints(), first.attempts(), first.solution(), first.mistakes(), first.material()));
        };
    }

    private static List<String> ids(ServerTopics topics) {
        return topics.banks().own(GUILD).stream().filter(t -> t.id().equals(TOPIC)).findFirst().orElseThrow()
                .questions().stream().map(q -> q.ref().questionId()).toList();
    }

    private ServerTopics.Added upload(ServerTopics topics, String json) {
        return assertInstanceOf(ServerTopics.Added.class, topics.upload(GUILD, read(json), json, MOD, clock.instant(), true,
                LIMITS));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoProcessesAddingToOneTopicAtTheSameMomentBothLand(Dialect dialect) {
        database(dialect);
        ServerTopics here = topics(process());
        ServerTopics there = topics(process());
        upload(here, StorageContract.serverTopicJson(TOPIC));
        there.refresh();
        int before = ids(here).size();

        AtomicInteger edits = new AtomicInteger();
        ServerTopics.Change mine = here.amend(GUILD, TOPIC, current -> {
            if (edits.getAndIncrement() == 0) {
                // Read by both at version 1; the other process writes first.
                assertInstanceOf(ServerTopics.Added.class, there.amend(GUILD, TOPIC, adding("from-there"), MOD,
                        clock.instant(), LIMITS));
            }
            return adding("from-here").apply(current);
        }, MOD, clock.instant(), LIMITS);

        ServerTopics.Added added = assertInstanceOf(ServerTopics.Added.class, mine);
        assertEquals(3, added.version(), "stored over the other process's version 2, not over the version 1 it read");
        assertEquals(2, edits.get(), "the change was made again over the newer version");
        ServerTopics fresh = topics(process());
        List<String> ids = ids(fresh);
        assertEquals(before + 2, ids.size(), "both questions are in the topic: " + ids);
        assertTrue(ids.containsAll(List.of("from-there", "from-here")), ids.toString());
        there.refresh();
        assertEquals(ids, ids(there), "the other process reads the same topic");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anUploadReplacingTheTopicMeanwhileKeepsTheUploadAndTheChangeJoinsIt(Dialect dialect) {
        database(dialect);
        ServerTopics here = topics(process());
        ServerTopics there = topics(process());
        upload(here, StorageContract.serverTopicJson(TOPIC));
        there.refresh();
        Topic original = read(StorageContract.serverTopicJson(TOPIC));
        Question first = original.questions().get(0);
        List<Question> questions = new ArrayList<>(original.questions());
        questions.set(0, new Question(first.ref(), first.difficulty(), "The uploaded prompt", first.type(), first.hints(),
                first.attempts(), first.solution(), first.mistakes(), first.material()));
        Topic uploaded = new Topic(original.id(), original.title(), original.category(), original.summary(),
                original.minutes(), original.lesson(), questions, original.source());

        ServerTopics.Change mine = here.amend(GUILD, TOPIC, current -> {
            if (!current.orElseThrow().questions().get(0).prompt().equals("The uploaded prompt")) {
                upload(there, TopicWriter.write(uploaded, "")); // /bank upload replace:True on the other shard
            }
            return adding("suggestion-1").apply(current);
        }, MOD, clock.instant(), LIMITS);

        assertInstanceOf(ServerTopics.Added.class, mine);
        ServerTopics fresh = topics(process());
        Topic now = fresh.banks().own(GUILD).get(0);
        assertEquals("The uploaded prompt", now.questions().get(0).prompt(),
                "the upload replaced the topic; the approval did not write back the version it read before");
        List<String> ids = ids(fresh);
        assertEquals(original.questions().size() + 1, ids.size(), ids.toString());
        assertTrue(ids.contains("suggestion-1"), "and the approved question joined the uploaded topic");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aChangeOvertakenEveryTimeItIsTriedChangesNothingAndSaysSoPolitely(Dialect dialect) {
        database(dialect);
        ServerTopics here = topics(process());
        ServerTopics there = topics(process());
        upload(here, StorageContract.serverTopicJson(TOPIC));
        there.refresh();
        AtomicInteger overtaken = new AtomicInteger();

        ServerTopics.Change mine = here.amend(GUILD, TOPIC, current -> {
            there.amend(GUILD, TOPIC, adding("other-" + overtaken.incrementAndGet()), MOD, clock.instant(), LIMITS);
            return adding("from-here").apply(current);
        }, MOD, clock.instant(), LIMITS);

        ServerTopics.Refused refused = assertInstanceOf(ServerTopics.Refused.class, mine);
        assertTrue(refused.reason().contains("try again"), refused.reason());
        assertEquals(ServerTopics.TRIES, overtaken.get());
        List<String> ids = ids(topics(process()));
        assertFalse(ids.contains("from-here"), ids.toString());
        for (int i = 1; i <= ServerTopics.TRIES; i++) {
            assertTrue(ids.contains("other-" + i), "every change of the other process stays: " + ids);
        }
    }

    /** An approved suggestion of {@code author}, added to the topic as an approval adds it. */
    private long approved(Storage storage, ServerTopics topics, SuggestionStore.Person author) {
        SuggestedQuestion question = new SuggestedQuestion("Which one, member " + author.id() + "?", List.of("This", "That"),
                "B", "Because.", Difficulty.MEDIUM);
        long id = storage.suggestions().add(GUILD, author, TOPIC, question, clock.instant());
        assertTrue(storage.suggestions().decide(id, SuggestionStore.State.APPROVED, new SuggestionStore.Person(7, "Mod"),
                clock.instant()));
        Question added = question.question(new QuestionRef(TOPIC, "suggestion-" + id),
                SuggestedQuestion.CREDIT_PREFIX + author.name());
        assertInstanceOf(ServerTopics.Added.class, topics.amend(GUILD, TOPIC, current -> with(current.orElseThrow(), added),
                MOD, clock.instant(), LIMITS));
        return id;
    }

    private static List<String> steps(ServerTopics topics, long suggestion) {
        Topic topic = topics.banks().own(GUILD).stream().filter(t -> t.id().equals(TOPIC)).findFirst().orElseThrow();
        return topic.question("suggestion-" + suggestion).orElseThrow().solution().steps().stream().map(Step::title).toList();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void forgettingAnAuthorRemovesTheirNameFromTheCreditOfTheirQuestionsInEveryProcessAndKeepsTheQuestions(Dialect dialect) {
        database(dialect);
        Storage mine = process();
        ServerTopics here = topics(mine);
        upload(here, StorageContract.serverTopicJson(TOPIC));
        long ana = approved(mine, here, new SuggestionStore.Person(42, "Ana Lima"));
        long bob = approved(mine, here, new SuggestionStore.Person(43, "Bob"));
        ServerTopics there = topics(process());
        assertEquals(List.of("Why", "Suggested by Ana Lima"), steps(there, ana));
        int questions = ids(there).size();

        assertEquals(1, process().suggestions().forgetAuthor(42), "one credit removed, by a third process");

        there.refresh();
        here.refresh();
        for (ServerTopics process : List.of(here, there)) {
            assertEquals(List.of("Why", SuggestedQuestion.ANONYMOUS_CREDIT), steps(process, ana), "the question stays");
            assertEquals(List.of("Why", "Suggested by Bob"), steps(process, bob), "another member's credit stays");
            assertEquals(questions, ids(process).size());
        }
        ServerTopicStore.StoredTopic stored = mine.serverTopics().live().get(0);
        assertFalse(stored.json().contains("Ana Lima"), "the name is nowhere in the stored topic");
        assertEquals(new SuggestionStore.Person(0, ""), mine.suggestions().get(ana).orElseThrow().author());
        assertEquals(0, mine.suggestions().forgetAuthor(42), "nothing left to remove");

        mine.suggestions().deleteMember(43);
        there.refresh();
        assertEquals(List.of("Why", SuggestedQuestion.ANONYMOUS_CREDIT), steps(there, bob),
                "deleting a member (/forget-me) removes their credit too");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void forgettingAnAuthorWhileAnotherProcessApprovesKeepsBothChanges(Dialect dialect) {
        database(dialect);
        Storage mine = process();
        ServerTopics here = topics(mine);
        upload(here, StorageContract.serverTopicJson(TOPIC));
        long ana = approved(mine, here, new SuggestionStore.Person(42, "Ana"));
        Storage other = process();

        ServerTopics.Change approval = here.amend(GUILD, TOPIC, current -> {
            if (current.orElseThrow().question("suggestion-" + ana).orElseThrow().solution().steps().stream()
                    .anyMatch(s -> s.title().contains("Ana"))) {
                assertEquals(1, other.suggestions().forgetAuthor(42)); // /forget-me on the other shard
            }
            return adding("approved-meanwhile").apply(current);
        }, MOD, clock.instant(), LIMITS);

        assertInstanceOf(ServerTopics.Added.class, approval);
        ServerTopics fresh = topics(process());
        assertTrue(ids(fresh).contains("approved-meanwhile"), "the approval landed");
        assertEquals(List.of("Why", SuggestedQuestion.ANONYMOUS_CREDIT), steps(fresh, ana),
                "and did not bring the forgotten name back");
    }
}
