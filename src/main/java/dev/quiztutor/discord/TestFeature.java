package dev.quiztutor.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.TopicTest;
import dev.quiztutor.tutor.Tutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;

/**
 * /test: ten questions one after another in the user's private message, nothing marked until the
 * end, then the report. A test is keyed by the id of the /test interaction; each button carries the
 * question's position, so a double click or an old button cannot answer the wrong question.
 */
public final class TestFeature {
    /** What keeps tests beyond memory, so a restart resumes them (see {@link StoredTests}). */
    public interface Keeper {
        Keeper NONE = new Keeper() {
        };

        default void saved(long testId, Session session) {
        }

        default void finished(long testId, Session session, TopicTest.Report report) {
        }

        /** The test as last saved, after a restart or once evicted from memory. */
        default java.util.Optional<Session> restore(long testId, long guild, long user) {
            return java.util.Optional.empty();
        }
    }

    /** One user's test in progress, with their picks for the current blanks task. */
    public record Session(long guild, long user, TopicTest test, List<String> picks) {
        public Session {
            picks = picks == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(picks));
        }

        Session with(TopicTest next) {
            return new Session(guild, user, next, List.of());
        }
    }

    private final Tutor tutor;
    private final Keeper keeper;
    private final Cache<Long, Session> sessions = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterAccess(Duration.ofHours(24))
            .build();

    TestFeature(Tutor tutor, Keeper keeper) {
        this.tutor = tutor;
        this.keeper = keeper;
    }

    void start(SlashCommandInteractionEvent event, Reply reply) {
        Topics.Found found = Topics.find(Topics.of(tutor.banks(), event), PracticeFeature.optionText(event.getOption("topic")), true);
        if (found instanceof Topics.Problem problem) {
            reply.send(View.text(problem.message()));
            return;
        }
        Topic topic = ((Topics.One) found).topic();
        TopicTest test = tutor.startTest(topic, TopicTest.DEFAULT_SIZE);
        Who who = Who.of(event);
        long id = event.getIdLong();
        Session session = new Session(who.guild(), who.user(), test, List.of());
        sessions.put(id, session);
        keeper.saved(id, session);
        reply.send(Views.testQuestion(id, test, List.of()));
    }

    void answer(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.TestAnswer id) {
        step(event, reply, id.test(), id.position(), session -> {
            Question q = session.test().current().orElseThrow();
            if (!(Answers.fromButton(q, id.letter()) instanceof Response.Valid valid)) {
                return null;
            }
            return session.with(session.test().answer(valid.response()));
        });
    }

    /** The form of a typed test question; null when the position is not a typed question of a live test. */
    net.dv8tion.jda.api.modals.Modal form(long testId, int position, long user) {
        Session session = sessions.getIfPresent(testId);
        if (session == null || session.user() != user || session.test().finished()
                || session.test().position() != position) {
            return null;
        }
        Question q = session.test().current().orElseThrow();
        return q.kind().typed() ? Views.answerForm(new CustomId.TestTyped(testId, position).encode(), q) : null;
    }

    /** A typed answer from the form; an unreadable one (not a number) is refused without moving on. */
    void typed(net.dv8tion.jda.api.events.interaction.ModalInteractionEvent event, Reply reply, CustomId.TestTyped id) {
        var input = event.getValue("answer");
        String[] refused = new String[1];
        step(event, reply, id.test(), id.position(), session -> {
            Question q = session.test().current().orElseThrow();
            if (input == null || !q.kind().typed()) {
                return null;
            }
            Response.Parsed parsed = Response.typed(q, input.getAsString());
            if (parsed instanceof Response.Invalid invalid) {
                refused[0] = invalid.reason();
                return session;
            }
            return session.with(session.test().answer(((Response.Valid) parsed).response()));
        });
        if (refused[0] != null) {
            reply.sendPrivately(View.text(Views.safe(refused[0]) + " Nothing was recorded; press ✏️ Answer to try again."));
        }
    }

    void skip(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.TestSkip id) {
        step(event, reply, id.test(), id.position(), session -> session.with(session.test().skip()));
    }

    void pick(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.TestBlank id, List<String> values) {
        step(event, reply, id.test(), id.position(), session -> {
            Question q = session.test().current().orElseThrow();
            if (!Answers.fits(q, id.blank(), values)) {
                return null;
            }
            int menus = Answers.menus(q);
            String[] picks = session.picks().size() == menus
                    ? session.picks().toArray(new String[0]) : new String[menus];
            picks[id.blank() - 1] = String.join(" ", values);
            return new Session(session.guild(), session.user(), session.test(), Arrays.asList(picks));
        });
    }

    void submit(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.TestSubmit id) {
        step(event, reply, id.test(), id.position(), session -> {
            Question q = session.test().current().orElseThrow();
            List<String> picks = session.picks();
            if (picks.size() != Answers.menus(q) || picks.isEmpty() || picks.contains(null)) {
                return session;
            }
            List<String> letters = new java.util.ArrayList<>();
            picks.forEach(p -> letters.addAll(Arrays.asList(p.split(" "))));
            if (!(Response.check(q, letters) instanceof Response.Valid valid)) {
                return null;
            }
            return session.with(session.test().answer(valid.response()));
        });
    }

    /** A decision on the session, atomic per test; null when the click does not fit the question. */
    private interface Decision {
        Session apply(Session session);
    }

    private void step(net.dv8tion.jda.api.interactions.Interaction event, Reply reply, long testId, int position,
                      Decision decision) {
        long user = event.getUser().getIdLong();
        if (sessions.getIfPresent(testId) == null) {
            keeper.restore(testId, Who.of(event).guild(), user).ifPresent(saved -> sessions.asMap().putIfAbsent(testId, saved));
        }
        Session[] outcome = new Session[1];
        Session[] before = new Session[1];
        String[] problem = new String[1];
        boolean[] moved = new boolean[1];
        sessions.asMap().computeIfPresent(testId, (k, session) -> {
            if (session.user() != user) {
                problem[0] = Polite.NOT_YOURS;
                return session;
            }
            if (session.test().finished() || session.test().position() != position) {
                outcome[0] = session;  // a stale or double click: show where the test really is
                return session;
            }
            before[0] = session;
            Session next = decision.apply(session);
            if (next == null) {
                problem[0] = Polite.STALE;
                return session;
            }
            outcome[0] = next;
            moved[0] = next != session;
            return next;
        });
        if (problem[0] != null) {
            reply.sendPrivately(View.text(problem[0]));
            return;
        }
        if (outcome[0] == null) {
            reply.send(View.text(Polite.TEST_EXPIRED));
            return;
        }
        Session session = outcome[0];
        if (moved[0] && session.test() == before[0].test()) {
            // A pick in a blank's menu: the menu already shows it, and picks live in memory until
            // Submit (as on a practice post), so neither the message nor the stored test changes.
            reply.acknowledgeSilently();
            return;
        }
        if (moved[0]) {
            tutor.recordTest(session.guild(), session.user(), testId, before[0].test(), session.test());
        }
        if (session.test().finished()) {
            TopicTest.Report report = session.test().report();
            if (moved[0]) {
                keeper.finished(testId, session, report);
            }
            reply.send(Views.testReport(report));
        } else {
            if (moved[0]) {
                keeper.saved(testId, session);
            }
            reply.send(Views.testQuestion(testId, session.test(), session.picks()));
        }
    }

    void restore(long testId, Session session) {
        sessions.put(testId, session);
    }

}
