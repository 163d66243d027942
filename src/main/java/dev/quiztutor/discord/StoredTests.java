package dev.quiztutor.discord;

import dev.quiztutor.bank.Banks;
import dev.quiztutor.store.TopicTestStore;
import dev.quiztutor.tutor.TopicTest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Tests in progress and their results in storage: a restart resumes a test where it was. */
final class StoredTests implements TestFeature.Keeper {
    private final TopicTestStore store;
    private final Banks banks;

    StoredTests(TopicTestStore store, Banks banks) {
        this.store = store;
        this.banks = banks;
    }

    @Override
    public void saved(long testId, TestFeature.Session session) {
        store.save(new TopicTestStore.TestId(session.guild(), session.user(), testId), session.test());
    }

    @Override
    public void finished(long testId, TestFeature.Session session, TopicTest.Report report) {
        store.finish(new TopicTestStore.TestId(session.guild(), session.user(), testId), report);
    }

    @Override
    public Optional<TestFeature.Session> restore(long testId, long guild, long user) {
        return store.find(new TopicTestStore.TestId(guild, user, testId))
                .flatMap(saved -> saved.resume(banks.forGuild(guild)))
                .map(test -> new TestFeature.Session(guild, user, test, List.of()));
    }
}
