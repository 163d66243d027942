package dev.quiztutor.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.Fixtures;
import dev.quiztutor.tutor.InMemoryAttemptJournal;
import dev.quiztutor.tutor.InMemoryHistory;
import dev.quiztutor.tutor.LiveAttempts;
import dev.quiztutor.tutor.ScoringPolicy;
import dev.quiztutor.tutor.Tutor;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LiveBanksTest {
    private static final long A = 111;
    private static final long B = 222;

    private static Topic topic(String id, String... questionIds) {
        return Fixtures.topic(id, java.util.Arrays.stream(questionIds).map(q -> new Question(new QuestionRef(id, q),
                Difficulty.EASY, "Question " + q + "?", new QuestionType.Choice(Fixtures.options("A", "B"), "A"),
                List.of(), 2, Fixtures.SOLUTION, List.of())).toList());
    }

    private static List<String> ids(QuizBank bank) {
        return bank.topics().stream().map(Topic::id).toList();
    }

    @Test
    void aServerSeesTheGlobalTopicsAndItsOwnAndNoOtherServersTopics() {
        LiveBanks banks = new LiveBanks(new QuizBank(List.of(topic("global", "g1"))));
        banks.replaceGuild(A, List.of(topic("mine", "m1")));
        assertEquals(List.of("global", "mine"), ids(banks.forGuild(A)));
        assertEquals(List.of("global"), ids(banks.forGuild(B)));
        assertEquals(List.of("global"), ids(banks.forGuild(0)));
        assertTrue(banks.forGuild(B).question(new QuestionRef("mine", "m1")).isEmpty());
        assertSame(banks.forGuild(A), banks.forGuild(A), "one object per snapshot, so that caches can key on it");
    }

    @Test
    void aNewGlobalBankReachesEveryServerAndKeepsTheirOwnTopics() {
        LiveBanks banks = new LiveBanks(new QuizBank(List.of(topic("global", "g1"))));
        banks.replaceAllGuilds(Map.of(A, List.of(topic("mine", "m1"))));
        banks.replaceGlobal(new QuizBank(List.of(topic("global", "g1"), topic("added", "x1"))));
        assertEquals(List.of("global", "added", "mine"), ids(banks.forGuild(A)));
        assertEquals(List.of("global", "added"), ids(banks.forGuild(B)));
    }

    @Test
    void aGlobalTopicThatArrivesWithAServerTopicsIdWinsInsteadOfBreakingTheServer() {
        LiveBanks banks = new LiveBanks(new QuizBank(List.of()));
        banks.replaceGuild(A, List.of(topic("sql", "mine")));
        banks.replaceGlobal(new QuizBank(List.of(topic("sql", "theirs"))));
        assertTrue(banks.forGuild(A).question(new QuestionRef("sql", "theirs")).isPresent());
        assertEquals(List.of("sql"), ids(banks.forGuild(A)));
        banks.replaceGuild(A, List.of());
        assertEquals(List.of(), banks.own(A));
    }

    @Test
    void theTutorPicksFromTheSwappedSnapshotNotACachedOne() {
        LiveBanks banks = new LiveBanks(new QuizBank(List.of(topic("global", "g1"))));
        Tutor tutor = new Tutor(banks, new LiveAttempts(new InMemoryAttemptJournal(), LiveAttempts.Settings.DEFAULT),
                new InMemoryHistory(), ScoringPolicy.DEFAULT, Clock.systemUTC(), new Random(1));
        Tutor.Selection any = Tutor.Selection.of(QuestionKind.PRACTICE);
        assertEquals(1, tutor.candidates(banks.forGuild(A), any).size());
        banks.replaceGuild(A, List.of(topic("mine", "m1", "m2")));
        assertEquals(3, tutor.candidates(banks.forGuild(A), any).size());
        banks.replaceGlobal(new QuizBank(List.of()));
        assertEquals(List.of("m1", "m2"), tutor.candidates(banks.forGuild(A), any).stream().map(Question::id).toList());
        assertEquals(0, tutor.candidates(banks.forGuild(B), any).size());
    }
}
