package dev.quiztutor.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quiztutor.bank.BlanksQuestion;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.Practice;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.Tutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * Practice posts: /practice and /code post a question publicly; each member's clicks on it are
 * graded for them alone and answered privately.
 */
final class PracticeFeature {
    private final Tutor tutor;
    private final LiveTallies tallies;
    /** Each user's picks in the blank menus of a post, kept until they press Check. */
    private final Cache<PickKey, String[]> picks = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(12))
            .build();

    private record PickKey(long post, long user) {
    }

    PracticeFeature(Tutor tutor, LiveTallies tallies) {
        this.tutor = tutor;
        this.tallies = tallies;
    }

    /** /practice or /code: picks a question the user has not met recently and posts it. */
    void post(SlashCommandInteractionEvent event, Reply reply, QuestionKind kind) {
        Optional<Topic> topic = Optional.empty();
        String topicText = optionText(event.getOption("topic"));
        if (!topicText.isEmpty()) {
            Topics.Found found = Topics.find(tutor.bank(), topicText, false);
            if (found instanceof Topics.Problem problem) {
                reply.sendPrivately(View.text(problem.message()));
                return;
            }
            topic = Optional.of(((Topics.One) found).topic());
        }
        Optional<Difficulty> difficulty = Optional.empty();
        String difficultyText = optionText(event.getOption("difficulty"));
        if (!difficultyText.isEmpty()) {
            difficulty = Difficulty.parse(difficultyText);
            if (difficulty.isEmpty()) {
                reply.sendPrivately(View.text("\"" + Views.safe(Views.truncate(difficultyText, 30))
                        + "\" is not a difficulty; choose easy, medium or hard."));
                return;
            }
        }
        Who who = Who.of(event);
        Tutor.Selection selection = new Tutor.Selection(topic, difficulty, kind);
        Optional<Question> picked = tutor.pick(who.user(), selection);
        if (picked.isEmpty()) {
            String what = kind == QuestionKind.CHOICE ? "multiple-choice questions" : "fill-in-the-blank tasks";
            reply.sendPrivately(View.text("There are no " + difficulty.map(d -> d.label() + " ").orElse("") + what
                    + topic.map(t -> " in " + t.title()).orElse("") + ". Try another difficulty or topic."));
            return;
        }
        Question q = picked.get();
        reply.send(Views.practicePost(tutor.bank().topic(q.ref().topicId()).orElseThrow(), q, Views.Tally.NONE));
    }

    void answer(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.Answer id) {
        withQuestion(reply, id.question(), q -> {
            Response.Parsed parsed = Response.check(q, List.of(id.letter()));
            if (parsed instanceof Response.Invalid invalid || q.kind() != QuestionKind.CHOICE) {
                reply.send(View.text(Polite.STALE));
                return;
            }
            act(event, reply, q, tutor.answer(place(event), event.getUser().getIdLong(), q,
                    ((Response.Valid) parsed).response()), "");
        });
    }

    void hint(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.Hint id) {
        withQuestion(reply, id.question(), q -> act(event, reply, q,
                tutor.hint(place(event), event.getUser().getIdLong(), q), ""));
    }

    void reveal(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.Reveal id) {
        withQuestion(reply, id.question(), q -> act(event, reply, q,
                tutor.giveUp(place(event), event.getUser().getIdLong(), q), ""));
    }

    /** A pick in a blank's menu: kept for this user until Check, acknowledged silently. */
    void pick(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.Blank id, List<String> values) {
        Optional<Question> found = tutor.bank().question(id.question());
        if (found.isEmpty() || !(found.get() instanceof BlanksQuestion task) || id.blank() > task.blanks()
                || values.size() != 1 || task.option(values.get(0)).isEmpty()) {
            reply.sendPrivately(View.text(found.isEmpty() ? Polite.GONE : Polite.STALE));
            return;
        }
        PickKey key = new PickKey(event.getMessageIdLong(), event.getUser().getIdLong());
        picks.asMap().compute(key, (k, current) -> {
            String[] next = current == null || current.length != task.blanks() ? new String[task.blanks()] : current.clone();
            next[id.blank() - 1] = values.get(0);
            return next;
        });
        reply.acknowledgeSilently();
    }

    void check(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.Check id) {
        withQuestion(reply, id.question(), q -> {
            if (!(q instanceof BlanksQuestion task)) {
                reply.send(View.text(Polite.STALE));
                return;
            }
            PickKey key = new PickKey(event.getMessageIdLong(), event.getUser().getIdLong());
            String[] picked = picks.getIfPresent(key);
            List<String> letters = picked == null || picked.length != task.blanks()
                    ? Arrays.asList(new String[task.blanks()]) : Arrays.asList(picked);
            if (letters.contains(null)) {
                int missing = letters.indexOf(null) + 1;
                reply.send(View.text("Pick an option for blank [" + missing + "] first, then press Check. Your picks: "
                        + Views.pickedLine(letters) + "."));
                return;
            }
            Response.Parsed parsed = Response.check(task, new ArrayList<>(letters));
            if (parsed instanceof Response.Invalid) {
                reply.send(View.text(Polite.STALE));
                return;
            }
            act(event, reply, q, tutor.answer(place(event), event.getUser().getIdLong(), q,
                    ((Response.Valid) parsed).response()), "Your answer: " + Views.pickedLine(letters) + "\n");
        });
    }

    /** From a test report: the worked solution of a missed question. */
    void showSolution(Reply reply, CustomId.ShowSolution id) {
        withQuestion(reply, id.question(), q -> reply.send(new View("", List.of(Views.solution(q)), List.of())));
    }

    private void act(GenericComponentInteractionCreateEvent event, Reply reply, Question q, Practice.Outcome outcome,
                     String before) {
        View feedback = Views.feedback(q, outcome.feedback());
        reply.send(new View(before + feedback.content(), feedback.embeds(), feedback.rows()));
        if (!event.getMessage().isEphemeral()) {
            MessageChannel channel = event.getChannel();
            Topic topic = tutor.bank().topic(q.ref().topicId()).orElseThrow();
            tallies.record(place(event), channel, topic, q, event.getUser().getIdLong(), outcome);
        }
    }

    private void withQuestion(Reply reply, QuestionRef ref, java.util.function.Consumer<Question> action) {
        Optional<Question> q = tutor.bank().question(ref);
        if (q.isEmpty()) {
            reply.send(View.text(Polite.GONE));
        } else {
            action.accept(q.get());
        }
    }

    /**
     * A practice question's buttons are on a public post; the only private message that has any (the
     * hint) is a lesson page, whose attempt is the lesson's, scored nothing (see {@link Place.Kind}).
     */
    static Place place(GenericComponentInteractionCreateEvent event) {
        return event.getMessage().isEphemeral() ? Place.lesson(Who.of(event).guild(), event.getMessageIdLong())
                : new Place(Who.of(event).guild(), event.getMessageIdLong());
    }

    static String optionText(OptionMapping option) {
        return option == null ? "" : option.getAsString().trim();
    }
}
