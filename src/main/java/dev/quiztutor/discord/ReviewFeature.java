package dev.quiztutor.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quiztutor.bank.Banks;
import dev.quiztutor.bank.QuizBank;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.store.GuildSettingsStore;
import dev.quiztutor.tutor.Practice;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.review.ReviewSession;
import dev.quiztutor.tutor.review.Reviews;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.TimeUtil;

/**
 * /review: the member's due questions in a private message, one at a time, graded like practice and
 * recorded at the session's place (see {@link Reviews}); Next after each solution, and at the end what is
 * due tomorrow and this week. Each component carries where the session stands ({@link CustomId.ReviewStep}),
 * so the session needs no memory of its own and goes on after a restart; only picks in the menus wait in
 * memory until Check, as on a practice post. Today is the day in the server's time zone.
 */
final class ReviewFeature {
    static final String NAME = "review";
    static final String GONE = "This question is no longer in the quiz bank. Use /review to go on with the others.";
    static final String STALE = "This question is from an earlier review and is not due now. Use /review for what is due today.";

    private final Reviews reviews;
    private final Banks banks;
    private final GuildSettingsStore guilds;
    /** storage.keepEventsDays: a session older than that takes no more answers (see {@link #tooOld}). */
    private final Optional<Duration> keepEvents;
    private final Clock clock;
    /** Each member's picks in the menus of a review question, kept until they press Check. */
    private final Cache<PickKey, String[]> picks = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(12))
            .build();

    private record PickKey(long session, QuestionRef question, long user) {
    }

    ReviewFeature(Reviews reviews, Banks banks, GuildSettingsStore guilds) {
        this(reviews, banks, guilds, Optional.empty(), Clock.systemUTC());
    }

    ReviewFeature(Reviews reviews, Banks banks, GuildSettingsStore guilds, Optional<Duration> keepEvents, Clock clock) {
        this.reviews = reviews;
        this.banks = banks;
        this.guilds = guilds;
        this.keepEvents = keepEvents;
        this.clock = clock;
    }

    /**
     * With storage.keepEventsDays, the sweep may have deleted a session's attempts, as a practice post's:
     * an answer there would replay nothing, and a question finished long ago would be asked again in the
     * session. So a session older than the limit (its id, the /review interaction's, says when it began)
     * answers that it is closed.
     */
    private boolean tooOld(CustomId.ReviewStep step, Reply reply) {
        if (keepEvents.isEmpty()) {
            return false;
        }
        Instant began = TimeUtil.getTimeCreated(step.session()).toInstant();
        if (began.isAfter(clock.instant().minus(keepEvents.get()))) {
            return false;
        }
        reply.sendPrivately(View.text("This review is older than the " + keepEvents.get().toDays()
                + " days answers are kept here, so it takes no more. Use /review for what is due today."));
        return true;
    }

    void start(SlashCommandInteractionEvent event, Reply reply) {
        QuizBank bank = banks.forGuild(Who.of(event).guild());
        String text = PracticeFeature.optionText(event.getOption("topic"));
        Optional<Topic> topic = Optional.empty();
        if (!text.isEmpty()) {
            Topics.Found found = Topics.find(bank, text, true);
            if (found instanceof Topics.Problem problem) {
                reply.send(View.text(problem.message()));
                return;
            }
            topic = Optional.of(((Topics.One) found).topic());
        }
        Who who = Who.of(event);
        ReviewSession session = new ReviewSession(who.guild(), who.user(), event.getIdLong(), topic.map(Topic::id));
        showNext(reply, session, new CustomId.ReviewStep(session.id(), 0, topic.isPresent()), topic);
    }

    /** The next question due, or the end of the session. */
    void next(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.ReviewNext id) {
        if (tooOld(id.step(), reply)) {
            return;
        }
        Who who = Who.of(event);
        Optional<Topic> topic = id.step().oneTopic() ? banks.forGuild(who.guild()).topic(id.topicId()) : Optional.empty();
        if (id.step().oneTopic() && topic.isEmpty()) {
            reply.send(View.text("That topic is no longer in the quiz bank. Use /review for the others."));
            return;
        }
        ReviewSession session = new ReviewSession(who.guild(), who.user(), id.step().session(), topic.map(Topic::id));
        if (reviews.fromEarlierDay(session, zone(who.guild()))) {
            // Next on yesterday's message: the member wants to go on reviewing, and gets today's due list,
            // from its first question, as /review would give it (this click's id is the new session's).
            ReviewSession today = new ReviewSession(who.guild(), who.user(), event.getIdLong(), topic.map(Topic::id));
            showNext(reply, today, new CustomId.ReviewStep(today.id(), 0, id.step().oneTopic()), topic);
            return;
        }
        showNext(reply, session, id.step(), topic);
    }

    private void showNext(Reply reply, ReviewSession session, CustomId.ReviewStep step, Optional<Topic> topic) {
        ZoneId zone = zone(session.guild());
        List<Question> due = reviews.due(session, zone);
        // Normally the questions finished in this session are no longer due; the check makes sure.
        int finished = 0;
        for (Question q : due) {
            if (reviews.progress(session, q).status().ended()) {
                finished++;
                continue;
            }
            Topic of = banks.forGuild(session.guild()).topic(q.ref().topicId()).orElseThrow();
            reply.send(ReviewViews.question(step, of, q, step.done() + due.size() - finished, "", List.of()));
            return;
        }
        reply.send(ReviewViews.end(step.done(), reviews.outlook(session, zone), topic));
    }

    void answer(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.ReviewAnswer id) {
        withQuestion(event, reply, id.step(), id.question(), asked -> {
            if (!(Answers.fromButton(asked.question(), id.letter()) instanceof Response.Valid valid)) {
                reply.sendPrivately(View.text(Polite.STALE));
                return;
            }
            show(reply, asked, reviews.answer(asked.session(), asked.question(), valid.response()), "", List.of());
        });
    }

    void hint(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.ReviewHint id) {
        withQuestion(event, reply, id.step(), id.question(), asked ->
                show(reply, asked, reviews.hint(asked.session(), asked.question()), "", List.of()));
    }

    void reveal(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.ReviewReveal id) {
        withQuestion(event, reply, id.step(), id.question(), asked ->
                show(reply, asked, reviews.giveUp(asked.session(), asked.question()), "", List.of()));
    }

    /** The form of a typed review question; null when the id names no typed question of this server's bank. */
    Modal form(Interaction event, CustomId.ReviewType id) {
        return banks.forGuild(Who.of(event).guild()).question(id.question()).filter(q -> q.kind().typed())
                .map(q -> Views.answerForm(new CustomId.ReviewTyped(id.step(), id.question()).encode(), q)).orElse(null);
    }

    void typed(ModalInteractionEvent event, Reply reply, CustomId.ReviewTyped id) {
        withQuestion(event, reply, id.step(), id.question(), asked -> {
            Question q = asked.question();
            var input = event.getValue("answer");
            if (input == null || event.getMessage() == null || !q.kind().typed()) {
                reply.sendPrivately(View.text(Polite.STALE));
                return;
            }
            Response.Parsed parsed = Response.typed(q, input.getAsString());
            if (parsed instanceof Response.Invalid invalid) {
                reply.sendPrivately(View.text(Views.safe(invalid.reason())
                        + " Nothing was counted; press ✏️ Answer to try again."));
                return;
            }
            show(reply, asked, reviews.answer(asked.session(), q, ((Response.Valid) parsed).response()),
                    "Your answer: " + Views.quoted(input.getAsString()) + "\n", List.of());
        });
    }

    /** A pick in one of a review question's menus: kept for this member until Check. */
    void pick(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.ReviewBlank id, List<String> values) {
        if (tooOld(id.step(), reply)) {
            return;
        }
        Optional<Question> found = banks.forGuild(Who.of(event).guild()).question(id.question());
        if (found.isEmpty() || !Answers.fits(found.get(), id.part(), values)) {
            reply.sendPrivately(View.text(found.isEmpty() ? GONE : Polite.STALE));
            return;
        }
        int menus = Answers.menus(found.get());
        picks.asMap().compute(new PickKey(id.step().session(), id.question(), event.getUser().getIdLong()), (k, current) -> {
            String[] next = current == null || current.length != menus ? new String[menus] : current.clone();
            next[id.part() - 1] = String.join(" ", values);
            return next;
        });
        reply.acknowledgeSilently();
    }

    void check(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.ReviewCheck id) {
        withQuestion(event, reply, id.step(), id.question(), asked -> {
            Question q = asked.question();
            int menus = Answers.menus(q);
            if (menus == 0) {
                reply.sendPrivately(View.text(Polite.STALE));
                return;
            }
            String[] picked = picks.getIfPresent(pickKey(asked));
            List<String> chosen = picked == null || picked.length != menus
                    ? Arrays.asList(new String[menus]) : Arrays.asList(picked);
            if (chosen.contains(null)) {
                int missing = chosen.indexOf(null) + 1;
                reply.send(ReviewViews.question(asked.step(), topic(asked), q, asked.of(), switch (q.kind()) {
                    case MULTI -> "Pick the right options in the menu first, then press Check.";
                    case MATCHING -> "Pick an option for item " + missing + " first, then press Check.";
                    default -> "Pick an option for blank [" + missing + "] first, then press Check.";
                }, chosen));
                return;
            }
            List<String> letters = new ArrayList<>();
            chosen.forEach(c -> letters.addAll(Arrays.asList(c.split(" "))));
            if (!(Response.check(q, letters) instanceof Response.Valid valid)) {
                reply.sendPrivately(View.text(Polite.STALE));
                return;
            }
            String shown = q.kind() == QuestionKind.MULTI ? String.join(", ", letters) : Views.pickedLine(chosen);
            show(reply, asked, reviews.answer(asked.session(), q, valid.response()), "Your answer: " + shown + "\n", chosen);
        });
    }

    /**
     * The question again after a try, a hint or a give-up: open with the feedback above it (and the
     * member's picks in its menus), or ended with its solution and Next.
     */
    private void show(Reply reply, Asked asked, Practice.Outcome outcome, String before, List<String> picked) {
        Question q = asked.question();
        View feedback = Views.feedback(q, outcome.feedback());
        String said = before + feedback.content();
        if (outcome.feedback().revealsSolution()) {
            picks.invalidate(pickKey(asked));
            reply.send(ReviewViews.ended(asked.step(), topic(asked), q, asked.of(), new View(said, feedback.embeds(), List.of())));
        } else {
            reply.send(ReviewViews.question(asked.step(), topic(asked), q, asked.of(), said, picked));
        }
    }

    private Topic topic(Asked asked) {
        return banks.forGuild(asked.session().guild()).topic(asked.question().ref().topicId()).orElseThrow();
    }

    private static PickKey pickKey(Asked asked) {
        return new PickKey(asked.session().id(), asked.question().ref(), asked.session().user());
    }

    /**
     * Runs {@code action} with the session of the click, its question and what is due. The session is the
     * clicker's own: the place is theirs whatever the id says, so a forged id can only touch the clicker's
     * own review. A question not due, in a session that never touched it, is a stale button (an old
     * session's message): it is refused rather than counted as a review out of its time.
     */
    private void withQuestion(Interaction event, Reply reply, CustomId.ReviewStep step, QuestionRef ref, Action action) {
        if (tooOld(step, reply)) {
            return;
        }
        Who who = Who.of(event);
        Optional<Question> q = banks.forGuild(who.guild()).question(ref);
        if (q.isEmpty()) {
            reply.sendPrivately(View.text(GONE));
            return;
        }
        ReviewSession session = new ReviewSession(who.guild(), who.user(), step.session(),
                step.oneTopic() ? Optional.of(ref.topicId()) : Optional.empty());
        List<Question> due = reviews.due(session, zone(who.guild()));
        var progress = reviews.progress(session, q.get());
        boolean untouched = progress.triesUsed() == 0 && progress.hintsShown() == 0 && !progress.status().ended();
        if (untouched && due.stream().noneMatch(d -> d.ref().equals(ref))) {
            reply.sendPrivately(View.text(STALE));
            return;
        }
        action.run(new Asked(session, step, q.get(), due));
    }

    /** A click's session, where it stands, its question, and the session's questions due now. */
    private record Asked(ReviewSession session, CustomId.ReviewStep step, Question question, List<Question> due) {
        /** This question and the others due: it may have left the due list with a try. */
        int of() {
            return step.done() + 1 + (int) due.stream().filter(d -> !d.ref().equals(question.ref())).count();
        }
    }

    private interface Action {
        void run(Asked asked);
    }

    private ZoneId zone(long guild) {
        return guilds.get(guild).zoneOrUtc();
    }
}
