package dev.quiztutor.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quiztutor.bank.Difficulty;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuizBank;
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

    /** storage.keepEventsDays: a post older than that takes no more answers (see {@link #tooOld}). */
    private final Optional<Duration> keepEvents;

    PracticeFeature(Tutor tutor, LiveTallies tallies) {
        this(tutor, tallies, Optional.empty());
    }

    PracticeFeature(Tutor tutor, LiveTallies tallies, Optional<Duration> keepEvents) {
        this.tutor = tutor;
        this.tallies = tallies;
        this.keepEvents = keepEvents;
    }

    /**
     * With storage.keepEventsDays, the sweep may have deleted a post's attempts once their newest event
     * is that old: an answer there would replay nothing, and a question solved long ago could be
     * scored again. So a post older than the limit (its id says when it was made) answers that it is
     * closed.
     */
    private boolean tooOld(long post, Reply reply) {
        if (keepEvents.isEmpty()) {
            return false;
        }
        java.time.Instant posted = net.dv8tion.jda.api.utils.TimeUtil.getTimeCreated(post).toInstant();
        if (posted.isAfter(tutor.clock().instant().minus(keepEvents.get()))) {
            return false;
        }
        reply.send(View.text("This post is older than the " + keepEvents.get().toDays() + " days answers are kept here,"
                + " so it takes no more. Use /practice for a fresh question."));
        return true;
    }

    /** /practice or /code: picks a question the user has not met recently and posts it. */
    void post(SlashCommandInteractionEvent event, Reply reply, java.util.Set<QuestionKind> kinds) {
        QuizBank bank = Topics.of(tutor.banks(), event);
        Optional<Topic> topic = Optional.empty();
        String topicText = optionText(event.getOption("topic"));
        if (!topicText.isEmpty()) {
            Topics.Found found = Topics.find(bank, topicText, false);
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
        Tutor.Selection selection = new Tutor.Selection(topic, difficulty, kinds);
        Optional<Question> picked = tutor.pick(bank, who.user(), selection);
        if (picked.isEmpty()) {
            String what = kinds.equals(QuestionKind.CODE) ? "fill-in-the-blank code tasks" : "practice questions";
            reply.sendPrivately(View.text("There are no " + difficulty.map(d -> d.label() + " ").orElse("") + what
                    + topic.map(t -> " in " + t.title()).orElse("") + ". Try another difficulty or topic."));
            return;
        }
        Question q = picked.get();
        reply.send(Views.practicePost(bank.topic(q.ref().topicId()).orElseThrow(), q, Views.Tally.NONE));
    }

    void answer(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.Answer id) {
        if (tooOld(event.getMessageIdLong(), reply)) {
            return;
        }
        withQuestion(event, reply, id.question(), q -> {
            if (!(Answers.fromButton(q, id.letter()) instanceof Response.Valid valid)) {
                reply.send(View.text(Polite.STALE));
                return;
            }
            act(event, event.getMessageIdLong(), event.getChannel(), !event.getMessage().isEphemeral(), reply, q,
                    tutor.answer(place(event), event.getUser().getIdLong(), q, valid.response()), "");
        });
    }

    /** The Answer button of a typed question: the form to type in. */
    static net.dv8tion.jda.api.modals.Modal form(Question q) {
        return Views.answerForm(new CustomId.Typed(q.ref()).encode(), q);
    }

    /** A typed answer sent from the form: graded like a click, never shown to anyone but its author. */
    void typed(net.dv8tion.jda.api.events.interaction.ModalInteractionEvent event, Reply reply, CustomId.Typed id) {
        if (event.getMessage() != null && tooOld(event.getMessage().getIdLong(), reply)) {
            return;
        }
        withQuestion(event, reply, id.question(), q -> {
            var input = event.getValue("answer");
            var message = event.getMessage();
            if (input == null || message == null || !q.kind().typed()) {
                reply.send(View.text(Polite.STALE));
                return;
            }
            Response.Parsed parsed = Response.typed(q, input.getAsString());
            if (parsed instanceof Response.Invalid invalid) {
                reply.send(View.text(Views.safe(invalid.reason()) + " Nothing was counted; press ✏️ Answer to try again."));
                return;
            }
            Place place = new Place(Who.of(event).guild(), message.getIdLong());
            act(event, message.getIdLong(), event.getChannel(), !message.isEphemeral(), reply, q,
                    tutor.answer(place, event.getUser().getIdLong(), q, ((Response.Valid) parsed).response()),
                    "Your answer: " + Views.quoted(input.getAsString()) + "\n");
        });
    }

    void hint(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.Hint id) {
        if (tooOld(event.getMessageIdLong(), reply)) {
            return;
        }
        withQuestion(event, reply, id.question(), q -> act(event, event.getMessageIdLong(), event.getChannel(),
                !event.getMessage().isEphemeral(), reply, q, tutor.hint(place(event), event.getUser().getIdLong(), q), ""));
    }

    void reveal(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.Reveal id) {
        if (tooOld(event.getMessageIdLong(), reply)) {
            return;
        }
        withQuestion(event, reply, id.question(), q -> act(event, event.getMessageIdLong(), event.getChannel(),
                !event.getMessage().isEphemeral(), reply, q, tutor.giveUp(place(event), event.getUser().getIdLong(), q), ""));
    }

    /** A pick in a blank's or an item's menu, or the picks of a multi: kept for this user until Check. */
    void pick(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.Blank id, List<String> values) {
        Optional<Question> found = Topics.of(tutor.banks(), event).question(id.question());
        if (found.isEmpty() || !Answers.fits(found.get(), id.blank(), values)) {
            reply.sendPrivately(View.text(found.isEmpty() ? Polite.GONE : Polite.STALE));
            return;
        }
        int menus = Answers.menus(found.get());
        PickKey key = new PickKey(event.getMessageIdLong(), event.getUser().getIdLong());
        picks.asMap().compute(key, (k, current) -> {
            String[] next = current == null || current.length != menus ? new String[menus] : current.clone();
            next[id.blank() - 1] = String.join(" ", values);
            return next;
        });
        reply.acknowledgeSilently();
    }

    void check(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.Check id) {
        if (tooOld(event.getMessageIdLong(), reply)) {
            return;
        }
        withQuestion(event, reply, id.question(), q -> {
            int menus = Answers.menus(q);
            if (menus == 0) {
                reply.send(View.text(Polite.STALE));
                return;
            }
            PickKey key = new PickKey(event.getMessageIdLong(), event.getUser().getIdLong());
            String[] picked = picks.getIfPresent(key);
            List<String> chosen = picked == null || picked.length != menus
                    ? Arrays.asList(new String[menus]) : Arrays.asList(picked);
            if (chosen.contains(null)) {
                int missing = chosen.indexOf(null) + 1;
                reply.send(View.text(switch (q.kind()) {
                    case MULTI -> "Pick the right options in the menu first, then press Check.";
                    case MATCHING -> "Pick an option for item " + missing + " first, then press Check. Your picks: "
                            + Views.pickedLine(chosen) + ".";
                    default -> "Pick an option for blank [" + missing + "] first, then press Check. Your picks: "
                            + Views.pickedLine(chosen) + ".";
                }));
                return;
            }
            List<String> letters = new ArrayList<>();
            chosen.forEach(c -> letters.addAll(Arrays.asList(c.split(" "))));
            Response.Parsed parsed = Response.check(q, letters);
            if (parsed instanceof Response.Invalid) {
                reply.send(View.text(Polite.STALE));
                return;
            }
            String shown = q.kind() == dev.quiztutor.bank.QuestionKind.MULTI ? String.join(", ", letters) : Views.pickedLine(chosen);
            act(event, event.getMessageIdLong(), event.getChannel(), !event.getMessage().isEphemeral(), reply, q,
                    tutor.answer(place(event), event.getUser().getIdLong(), q, ((Response.Valid) parsed).response()),
                    "Your answer: " + shown + "\n");
        });
    }

    /** From a test report: the worked solution of a missed question. */
    void showSolution(net.dv8tion.jda.api.interactions.Interaction event, Reply reply, CustomId.ShowSolution id) {
        withQuestion(event, reply, id.question(), q -> reply.send(new View("", List.of(Views.solution(q)), List.of())));
    }

    private void act(net.dv8tion.jda.api.interactions.Interaction event, long post, MessageChannel channel,
                     boolean publicPost, Reply reply, Question q, Practice.Outcome outcome, String before) {
        View feedback = Views.feedback(q, outcome.feedback());
        reply.send(new View(before + feedback.content(), feedback.embeds(), feedback.rows()));
        if (publicPost) {
            // The question came from this server's bank a moment ago; a swap since may have removed its
            // topic, and then the post's count simply stops.
            Optional<Topic> topic = Topics.of(tutor.banks(), event).topic(q.ref().topicId());
            if (topic.isEmpty()) {
                return;
            }
            tallies.record(new Place(Who.of(event).guild(), post), channel, topic.get(), q, event.getUser().getIdLong(), outcome);
        }
    }

    private void withQuestion(net.dv8tion.jda.api.interactions.Interaction event, Reply reply, QuestionRef ref,
                              java.util.function.Consumer<Question> action) {
        Optional<Question> q = Topics.of(tutor.banks(), event).question(ref);
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
