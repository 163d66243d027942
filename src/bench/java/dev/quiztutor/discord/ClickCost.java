package dev.quiztutor.discord;

import dev.quiztutor.bank.BankLoader;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.store.Storage;
import dev.quiztutor.store.StorageSettings;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.AttemptJournal;
import dev.quiztutor.tutor.AttemptKey;
import dev.quiztutor.tutor.InMemoryHistory;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.PlaceSummary;
import dev.quiztutor.tutor.Practice;
import dev.quiztutor.tutor.RecordedEvent;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.Tutor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The CPU of ours' own work for one click, phase by phase, on one thread: what the end-to-end bench's
 * "bot CPU per click" holds besides JDA's share, measured as the thread's CPU time, which another
 * engineer's build on the same cores disturbs far less than latency. Each click is a distinct member's
 * first answer on a practice post (as the e2e bench sends), on SQLite with the shipped durability; each
 * write commits alone here (one thread: no group commit), so the store's figure holds a whole commit.
 *
 * <p>Not a suite of {@code BenchMain}; run it against a build and the jar before a change, same machine,
 * one after the other:
 * <pre>
 * mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * # target/bench-build holds this class after any -Pbench run (such as -Dbench.only=e2e)
 * java -cp target/bench-build:target/classes:$(cat target/cp.txt) dev.quiztutor.discord.ClickCost 8000
 * java -cp target/bench-build:BEFORE.jar:$(cat target/cp.txt) dev.quiztutor.discord.ClickCost 8000
 * </pre>
 */
public final class ClickCost {
    private ClickCost() {
    }

    public static void main(String[] args) throws Exception {
        int clicks = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        QuizBank bank = BankLoader.load(Path.of("quizzes/mlops-maturity-levels.json")).bank();
        List<Question> choices = bank.questions().filter(q -> q.kind() == QuestionKind.CHOICE).toList();
        Path dir = Files.createTempDirectory("click-cost");
        long[] store = new long[2];
        try (Storage storage = Storage.open(StorageSettings.sqlite(dir.resolve("quiztutor.db").toString()), Clock.systemUTC())) {
            AttemptJournal inner = storage.journal();
            // The journal's reads and writes, timed apart (a build before appendFirst reads on every miss).
            AttemptJournal timed = new AttemptJournal() {
                @Override
                public List<AttemptEvent> load(AttemptKey key) {
                    long start = mx.getCurrentThreadCpuTime();
                    try {
                        return inner.load(key);
                    } finally {
                        store[0] += mx.getCurrentThreadCpuTime() - start;
                    }
                }

                @Override
                public void append(RecordedEvent event) {
                    long start = mx.getCurrentThreadCpuTime();
                    try {
                        inner.append(event);
                    } finally {
                        store[1] += mx.getCurrentThreadCpuTime() - start;
                    }
                }

                @Override
                public boolean appendFirst(RecordedEvent event) {
                    long start = mx.getCurrentThreadCpuTime();
                    try {
                        return inner.appendFirst(event);
                    } finally {
                        store[1] += mx.getCurrentThreadCpuTime() - start;
                    }
                }

                @Override
                public PlaceSummary summary(Place place) {
                    return inner.summary(place);
                }
            };
            Tutor tutor = new Tutor(bank, new LiveAttempts(timed, LiveAttempts.Settings.DEFAULT), new InMemoryHistory(),
                    ScoringPolicy.DEFAULT, Clock.systemUTC(), RandomGenerator.of("L64X128MixRandom"));
            SplittableRandom random = new SplittableRandom(1);
            String[] letters = {"A", "B", "C", "D"};
            int users = 1000;
            // Round 0 warms up the JIT; round 1 is the figure.
            for (int round = 0; round < 2; round++) {
                long[] phase = new long[4];
                store[0] = 0;
                store[1] = 0;
                for (int i = 0; i < clicks; i++) {
                    Question q = choices.get((i / users) % choices.size());
                    Place post = new Place(1, 1_000_000L * (round + 1) + i / users);
                    long c0 = mx.getCurrentThreadCpuTime();
                    Response.Valid valid = (Response.Valid) Answers.fromButton(q, letters[random.nextInt(letters.length)]);
                    Practice.Outcome outcome = tutor.answer(post, 10_000 + i % users, q, valid.response());
                    long c1 = mx.getCurrentThreadCpuTime();
                    View feedback = Views.feedback(q, outcome.feedback());
                    View shown = new View("" + feedback.content(), feedback.embeds(), feedback.rows());
                    long c2 = mx.getCurrentThreadCpuTime();
                    MessageCreateData create = shown.create();
                    long c3 = mx.getCurrentThreadCpuTime();
                    int bytes = create.toData().toJson().length;
                    long c4 = mx.getCurrentThreadCpuTime();
                    if (bytes == 0) {
                        throw new IllegalStateException("an empty reply");
                    }
                    phase[0] += c1 - c0;
                    phase[1] += c2 - c1;
                    phase[2] += c3 - c2;
                    phase[3] += c4 - c3;
                }
                System.out.printf("round %d, µs of CPU per click: answer %.1f (journal reads %.1f, writes %.1f),"
                                + " feedback %.1f, reply built %.1f, reply as JSON %.1f%n", round, phase[0] / 1e3 / clicks,
                        store[0] / 1e3 / clicks, store[1] / 1e3 / clicks, phase[1] / 1e3 / clicks,
                        phase[2] / 1e3 / clicks, phase[3] / 1e3 / clicks);
            }
        }
    }
}
