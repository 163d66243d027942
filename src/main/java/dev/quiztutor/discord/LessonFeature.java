package dev.quiztutor.discord;

import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.LessonPage;
import dev.quiztutor.tutor.Place;
import dev.quiztutor.tutor.Practice;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.Tutor;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;

/**
 * /learn: a topic's lesson in the user's private message, one page at a time, Previous and Next
 * editing the same message. The page number travels in the buttons, so nothing is stored.
 */
final class LessonFeature {
    private final Tutor tutor;

    LessonFeature(Tutor tutor) {
        this.tutor = tutor;
    }

    void start(SlashCommandInteractionEvent event, Reply reply) {
        Topics.Found found = Topics.find(Topics.of(tutor.banks(), event), PracticeFeature.optionText(event.getOption("topic")), true);
        if (found instanceof Topics.Problem problem) {
            reply.send(View.text(problem.message()));
            return;
        }
        Topic topic = ((Topics.One) found).topic();
        List<LessonPage> pages = tutor.lesson(topic);
        if (pages.isEmpty()) {
            reply.send(View.text(topic.title() + " has no lesson yet. Try /practice or /test with it."));
            return;
        }
        reply.send(Views.lessonPage(topic, pages, 0, Optional.empty()));
    }

    void turn(net.dv8tion.jda.api.interactions.Interaction event, Reply reply, CustomId.LessonPage id) {
        Optional<Topic> topic = Topics.of(tutor.banks(), event).topic(id.topicId());
        List<LessonPage> pages = topic.map(tutor::lesson).orElse(List.of());
        if (pages.isEmpty()) {
            reply.send(View.text(Polite.LESSON_GONE));
            return;
        }
        int page = Math.max(0, Math.min(id.page(), pages.size() - 1));
        reply.send(Views.lessonPage(topic.get(), pages, page, Optional.empty()));
    }

    /** An answer to the lesson's own quiz question: graded like practice, answered privately. */
    void answer(GenericComponentInteractionCreateEvent event, Reply reply, CustomId.LessonAnswer id) {
        Optional<Topic> topic = Topics.of(tutor.banks(), event).topic(id.topicId());
        List<LessonPage> pages = topic.map(tutor::lesson).orElse(List.of());
        if (id.page() >= pages.size() || !(pages.get(id.page()) instanceof LessonPage.Quiz quiz)) {
            reply.send(View.text(Polite.LESSON_GONE));
            return;
        }
        Question q = quiz.question();
        if (!(Answers.fromButton(q, id.letter()) instanceof Response.Valid valid)) {
            reply.send(View.text(Polite.STALE));
            return;
        }
        Who who = Who.of(event);
        Practice.Outcome outcome = tutor.answer(Place.lesson(who.guild(), event.getMessageIdLong()), who.user(), q,
                valid.response());
        reply.send(Views.feedback(q, outcome.feedback()));
    }

    /** The form of the typed question on a lesson page; null when that page holds none. */
    net.dv8tion.jda.api.modals.Modal form(net.dv8tion.jda.api.interactions.Interaction event, CustomId.LessonType id) {
        Optional<Question> q = quizQuestion(event, id.topicId(), id.page());
        return q.filter(x -> x.kind().typed())
                .map(x -> Views.answerForm(new CustomId.LessonTyped(id.topicId(), id.page()).encode(), x)).orElse(null);
    }

    /** A typed answer to a lesson's quiz question, from its form. */
    void typed(net.dv8tion.jda.api.events.interaction.ModalInteractionEvent event, Reply reply, CustomId.LessonTyped id) {
        Optional<Question> found = quizQuestion(event, id.topicId(), id.page());
        var input = event.getValue("answer");
        if (found.isEmpty() || input == null || event.getMessage() == null) {
            reply.send(View.text(Polite.LESSON_GONE));
            return;
        }
        Question q = found.get();
        Response.Parsed parsed = Response.typed(q, input.getAsString());
        if (parsed instanceof Response.Invalid invalid) {
            reply.send(View.text(Views.safe(invalid.reason()) + " Nothing was counted; press ✏️ Answer to try again."));
            return;
        }
        Who who = Who.of(event);
        Practice.Outcome outcome = tutor.answer(new Place(who.guild(), event.getMessage().getIdLong()), who.user(), q,
                ((Response.Valid) parsed).response());
        View feedback = Views.feedback(q, outcome.feedback());
        reply.send(new View("Your answer: " + Views.quoted(input.getAsString()) + "\n" + feedback.content(),
                feedback.embeds(), feedback.rows()));
    }

    private Optional<Question> quizQuestion(net.dv8tion.jda.api.interactions.Interaction event, String topicId, int page) {
        List<LessonPage> pages = Topics.of(tutor.banks(), event).topic(topicId).map(tutor::lesson).orElse(List.of());
        return page < pages.size() && pages.get(page) instanceof LessonPage.Quiz quiz ? Optional.of(quiz.question())
                : Optional.empty();
    }
}
