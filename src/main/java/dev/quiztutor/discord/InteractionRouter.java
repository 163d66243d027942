package dev.quiztutor.discord;

import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.bank.Banks;
import dev.quiztutor.ops.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one listener: routes every interaction to the feature that owns it, on a worker thread so that
 * JDA's event thread never waits on the tutor or storage. Every interaction is acknowledged once,
 * within the deadline; a failure is logged with the interaction id and the user gets an apology.
 */
final class InteractionRouter extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionRouter.class);

    private final Banks banks;
    private final PracticeFeature practice;
    private final LessonFeature lessons;
    private final TestFeature tests;
    private final ProgressFeature progress;
    private final ScheduleFeature schedules;
    private final BankFeature bank;
    private final SuggestFeature suggestions;
    private final ReviewFeature review;
    private final StatsFeature stats;
    private final ForgetFeature forget;
    private final Names names;
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog;
    private final Duration deferAfter;
    /** Set once, before JDA delivers the first event (see {@link #metered}). */
    private Metrics metrics = Metrics.NONE;

    InteractionRouter(Banks banks, PracticeFeature practice, LessonFeature lessons, TestFeature tests,
                      ProgressFeature progress, ScheduleFeature schedules, BankFeature bank, SuggestFeature suggestions,
                      ReviewFeature review, StatsFeature stats, ForgetFeature forget, Names names, ExecutorService workers,
                      ScheduledExecutorService watchdog, Duration deferAfter) {
        this.banks = banks;
        this.practice = practice;
        this.lessons = lessons;
        this.tests = tests;
        this.progress = progress;
        this.schedules = schedules;
        this.bank = bank;
        this.suggestions = suggestions;
        this.review = review;
        this.stats = stats;
        this.forget = forget;
        this.names = names;
        this.workers = workers;
        this.watchdog = watchdog;
        this.deferAfter = deferAfter;
    }

    /** Reports every interaction to {@code metrics}; called before the bot connects. */
    InteractionRouter metered(Metrics metrics) {
        this.metrics = metrics;
        return this;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        String name = event.getName();
        if (name.equals(SuggestFeature.NAME)) {
            openOnWorker(event, () -> suggestions.open(event));
            return;
        }
        boolean publicPost = name.equals(SlashCommands.PRACTICE) || name.equals(SlashCommands.CODE)
                || name.equals(SlashCommands.LEADERBOARD);
        Reply reply = Reply.newMessage(event, !publicPost).metered(metrics, Metrics.Kind.SLASH_COMMAND, name);
        dispatch(reply, () -> {
            if (!name.equals(ForgetFeature.NAME)) {
                // Asking to be forgotten is no reason to store a name.
                names.seen(event);
            }
            switch (name) {
                case SlashCommands.TOPICS -> reply.send(Views.topics(Topics.of(banks, event)));
                case SlashCommands.LEARN -> lessons.start(event, reply);
                case SlashCommands.PRACTICE -> practice.post(event, reply, QuestionKind.PRACTICE);
                case SlashCommands.CODE -> practice.post(event, reply, QuestionKind.CODE);
                case SlashCommands.TEST -> tests.start(event, reply);
                case SlashCommands.PROGRESS -> progress.progress(event, reply);
                case SlashCommands.LEADERBOARD -> progress.leaderboard(event, reply);
                case ScheduleFeature.NAME -> schedules.handle(event, reply);
                case BankFeature.NAME -> {
                    if (SuggestFeature.REVIEW_CHANNEL.equals(event.getSubcommandName())) {
                        suggestions.reviewChannel(event, reply);
                    } else {
                        bank.handle(event, reply);
                    }
                }
                case ReviewFeature.NAME -> review.start(event, reply);
                case StatsFeature.NAME -> stats.handle(event, reply);
                case ForgetFeature.NAME -> forget.ask(event, reply);
                default -> reply.sendPrivately(View.text("I don't know /" + name
                        + " any more. Try /topics, /learn, /practice, /code, /test, /progress or /leaderboard."));
            }
        });
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<CustomId> parsed = CustomId.parse(event.getComponentId());
        if (parsed.isEmpty()) {
            LOG.info("interaction {}: unknown button id {}", event.getId(), event.getComponentId());
            Reply reply = Reply.newMessage(event, true).metered(metrics, Metrics.Kind.BUTTON, "unknown");
            dispatch(reply, () -> reply.send(View.text(Polite.STALE)));
            return;
        }
        CustomId id = parsed.get();
        if (id instanceof CustomId.Type || id instanceof CustomId.LessonType || id instanceof CustomId.TestType
                || id instanceof CustomId.ReviewType) {
            openForm(event, id);
            return;
        }
        if (id instanceof CustomId.SuggestRetry r) {
            openOnWorker(event, () -> suggestions.reopen(event, r));
            return;
        }
        if (id instanceof CustomId.SuggestReview r && r.verdict() == CustomId.SuggestReview.Verdict.EDIT) {
            openOnWorker(event, () -> suggestions.editForm(event, r));
            return;
        }
        boolean updatesItsMessage = id instanceof CustomId.BankRemove || id instanceof CustomId.SuggestReview || id instanceof CustomId.ForgetMe || id instanceof CustomId.LessonPage || id instanceof CustomId.TestAnswer
                || id instanceof CustomId.TestSkip || id instanceof CustomId.TestSubmit || reviewStep(id);
        Reply reply = (updatesItsMessage ? Reply.update(event) : Reply.newMessage(event, true))
                .metered(metrics, Metrics.Kind.BUTTON, nameOf(id));
        dispatch(reply, () -> {
            if (id instanceof CustomId.Answer a) {
                practice.answer(event, reply, a);
            } else if (id instanceof CustomId.Hint h) {
                practice.hint(event, reply, h);
            } else if (id instanceof CustomId.Reveal r) {
                practice.reveal(event, reply, r);
            } else if (id instanceof CustomId.Check c) {
                practice.check(event, reply, c);
            } else if (id instanceof CustomId.ShowSolution s) {
                practice.showSolution(event, reply, s);
            } else if (id instanceof CustomId.BankRemove b) {
                bank.remove(event, reply, b);
            } else if (id instanceof CustomId.SuggestReview r) {
                suggestions.review(event, reply, r);
            } else if (id instanceof CustomId.ForgetMe f) {
                forget.confirm(event, reply, f);
            } else if (id instanceof CustomId.LessonPage l) {
                lessons.turn(event, reply, l);
            } else if (id instanceof CustomId.LessonAnswer a) {
                lessons.answer(event, reply, a);
            } else if (id instanceof CustomId.TestAnswer t) {
                tests.answer(event, reply, t);
            } else if (id instanceof CustomId.TestSkip t) {
                tests.skip(event, reply, t);
            } else if (id instanceof CustomId.TestSubmit t) {
                tests.submit(event, reply, t);
            } else if (id instanceof CustomId.ReviewAnswer r) {
                review.answer(event, reply, r);
            } else if (id instanceof CustomId.ReviewHint r) {
                review.hint(event, reply, r);
            } else if (id instanceof CustomId.ReviewReveal r) {
                review.reveal(event, reply, r);
            } else if (id instanceof CustomId.ReviewCheck r) {
                review.check(event, reply, r);
            } else if (id instanceof CustomId.ReviewNext r) {
                review.next(event, reply, r);
            } else {
                // A menu's id on a button: only a forged interaction does that.
                reply.sendPrivately(View.text(Polite.STALE));
            }
        });
    }

    /**
     * The Answer button of a typed question opens its form. A form must be the interaction's first
     * response (it cannot follow a defer), so it is sent from here: finding the question is an
     * in-memory look-up, with no I/O to wait for.
     */
    private void openForm(ButtonInteractionEvent event, CustomId id) {
        long received = System.nanoTime();
        String name = nameOf(id);
        net.dv8tion.jda.api.modals.Modal form = null;
        if (id instanceof CustomId.Type t) {
            form = Topics.of(banks, event).question(t.question()).filter(q -> q.kind().typed()).map(PracticeFeature::form).orElse(null);
        } else if (id instanceof CustomId.LessonType l) {
            form = lessons.form(event, l);
        } else if (id instanceof CustomId.TestType t) {
            form = tests.form(t.test(), t.position(), event.getUser().getIdLong());
        } else if (id instanceof CustomId.ReviewType r) {
            form = review.form(event, r);
        }
        if (form == null) {
            metrics.turnedAway(Metrics.TurnedAway.STALE);
            event.reply(Polite.STALE).setEphemeral(true).queue(
                    ok -> metrics.acknowledged(Metrics.Kind.BUTTON, name, Metrics.Outcome.REFUSED, System.nanoTime() - received),
                    e -> {
                        metrics.acknowledged(Metrics.Kind.BUTTON, name, Metrics.Outcome.FAILED, System.nanoTime() - received);
                        LOG.debug("interaction {}: {}", event.getId(), e.toString());
                    });
            return;
        }
        event.replyModal(form).queue(
                ok -> metrics.acknowledged(Metrics.Kind.BUTTON, name, Metrics.Outcome.ANSWERED, System.nanoTime() - received),
                e -> {
                    metrics.acknowledged(Metrics.Kind.BUTTON, name, Metrics.Outcome.FAILED, System.nanoTime() - received);
                    LOG.warn("interaction {}: answer form not shown: {}", event.getId(), e.toString());
                });
    }

    @Override
    public void onModalInteraction(net.dv8tion.jda.api.events.interaction.ModalInteractionEvent event) {
        Optional<CustomId> parsed = CustomId.parse(event.getModalId());
        CustomId id = parsed.orElse(null);
        Reply reply = ((id instanceof CustomId.TestTyped || id instanceof CustomId.SuggestEdited || id instanceof CustomId.ReviewTyped)
                && event.getMessage() != null
                ? Reply.update(event)
                : Reply.newMessage(event, true)).metered(metrics, Metrics.Kind.MODAL, id == null ? "unknown" : nameOf(id));
        dispatch(reply, () -> {
            if (id instanceof CustomId.Typed t) {
                practice.typed(event, reply, t);
            } else if (id instanceof CustomId.LessonTyped l) {
                lessons.typed(event, reply, l);
            } else if (id instanceof CustomId.TestTyped t) {
                tests.typed(event, reply, t);
            } else if (id instanceof CustomId.SuggestForm f) {
                suggestions.submit(event, reply, f);
            } else if (id instanceof CustomId.SuggestEdited e && event.getMessage() != null) {
                suggestions.edited(event, reply, e);
            } else if (id instanceof CustomId.ReviewTyped r) {
                review.typed(event, reply, r);
            } else {
                LOG.info("interaction {}: unknown form id {}", event.getId(), event.getModalId());
                reply.sendPrivately(View.text(Polite.STALE));
            }
        });
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        Optional<CustomId> parsed = CustomId.parse(event.getComponentId());
        List<String> values = event.getValues();
        Reply reply = Reply.update(event).metered(metrics, Metrics.Kind.SELECT, parsed.map(InteractionRouter::nameOf).orElse("unknown"));
        dispatch(reply, () -> {
            if (parsed.isPresent() && parsed.get() instanceof CustomId.Blank blank) {
                practice.pick(event, reply, blank, values);
            } else if (parsed.isPresent() && parsed.get() instanceof CustomId.TestBlank blank) {
                tests.pick(event, reply, blank, values);
            } else if (parsed.isPresent() && parsed.get() instanceof CustomId.ReviewBlank blank) {
                review.pick(event, reply, blank, values);
            } else {
                LOG.info("interaction {}: unknown menu id {}", event.getId(), event.getComponentId());
                reply.sendPrivately(View.text(Polite.STALE));
            }
        });
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        long received = System.nanoTime();
        String name = event.getName();
        java.util.function.Function<Metrics.Outcome, java.util.function.Consumer<Object>> acked =
                outcome -> ok -> metrics.acknowledged(Metrics.Kind.AUTOCOMPLETE, name, outcome, System.nanoTime() - received);
        java.util.function.Consumer<Throwable> failed = e -> {
            acked.apply(Metrics.Outcome.FAILED).accept(e);
            LOG.debug("autocomplete {} not answered: {}", event.getId(), e.toString());
        };
        String option = event.getFocusedOption().getName();
        if (!option.equals("topic") && !option.equals("timezone")) {
            event.replyChoices(List.of()).queue(acked.apply(Metrics.Outcome.ANSWERED), failed);
            return;
        }
        String typed = event.getFocusedOption().getValue();
        try {
            workers.execute(() -> event.replyChoices(!option.equals("topic") ? ScheduleFeature.zones(typed)
                            : event.getName().equals(BankFeature.NAME) || event.getName().equals(SuggestFeature.NAME)
                            ? bank.suggest(Who.of(event).guild(), typed)
                            : Topics.suggest(Topics.of(banks, event), typed))
                    .queue(acked.apply(Metrics.Outcome.ANSWERED), failed));
        } catch (RejectedExecutionException busy) {
            metrics.turnedAway(Metrics.TurnedAway.BUSY);
            event.replyChoices(List.of()).queue(acked.apply(Metrics.Outcome.REFUSED), failed);
        }
    }

    /** A review session's buttons: each edits the session's one message. */
    private static boolean reviewStep(CustomId id) {
        return id instanceof CustomId.ReviewAnswer || id instanceof CustomId.ReviewHint || id instanceof CustomId.ReviewReveal
                || id instanceof CustomId.ReviewCheck || id instanceof CustomId.ReviewNext;
    }

    /**
     * Answers with a form that needs a look in storage first (/suggest, a suggestion's Edit): on a
     * worker, since JDA's event thread must not wait on storage, but with no watchdog, because a form
     * must be the interaction's first answer and cannot follow a defer. The look-ups are single-row reads.
     */
    private <E extends net.dv8tion.jda.api.interactions.callbacks.IModalCallback & net.dv8tion.jda.api.interactions.callbacks.IReplyCallback> void openOnWorker(
            E event, Supplier<SuggestFeature.Opening> open) {
        try {
            workers.execute(() -> {
                SuggestFeature.Opening opening;
                try {
                    opening = open.get();
                } catch (RuntimeException | Error e) {
                    LOG.error("interaction {} failed", event.getId(), e);
                    opening = new SuggestFeature.Line(Polite.SORRY);
                }
                if (opening instanceof SuggestFeature.Form form) {
                    event.replyModal(form.modal()).queue(null, e -> LOG.warn("interaction {}: form not shown: {}",
                            event.getId(), e.toString()));
                } else {
                    event.reply(((SuggestFeature.Line) opening).text()).setEphemeral(true).setAllowedMentions(List.of())
                            .queue(null, e -> LOG.debug("interaction {}: {}", event.getId(), e.toString()));
                }
            });
        } catch (RejectedExecutionException busy) {
            event.reply(workers.isShutdown() ? Polite.RESTARTING : Polite.BUSY).setEphemeral(true)
                    .queue(null, e -> LOG.debug("interaction {}: {}", event.getId(), e.toString()));
        }
    }

    /**
     * A component's name for the metrics: the kind of its custom id ("answer", "hint", "testskip"), a
     * small fixed set, never anything the id carries.
     */
    static String nameOf(CustomId id) {
        return NAMES.get(id.getClass());
    }

    /** Each kind's name, worked out once: it is asked for on JDA's event thread for every click. */
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> kind) {
            return kind.getSimpleName().toLowerCase(java.util.Locale.ROOT);
        }
    };

    /**
     * Runs {@code work} on a worker, with a watchdog that defers the reply if the work is slow. A
     * failure is logged with the interaction id; the user gets a short apology, never a stack trace.
     */
    private void dispatch(Reply reply, Runnable work) {
        ScheduledFuture<?> guard;
        try {
            guard = watchdog.schedule(reply::deferIfPending, deferAfter.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // Shutting down: the timer stops before the gateway does, and this runs on JDA's event thread.
            LOG.info("interaction {}: arrived while shutting down, turned away", reply.id());
            turnAway(reply, Polite.RESTARTING);
            return;
        }
        try {
            workers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    LOG.error("interaction {} failed", reply.id(), e);
                    reply.sendPrivately(View.text(Polite.SORRY));
                } finally {
                    guard.cancel(false);
                }
            });
        } catch (RejectedExecutionException busy) {
            guard.cancel(false);
            boolean stopping = workers.isShutdown();
            LOG.warn("interaction {}: {}, turned away", reply.id(), stopping ? "shutting down" : "all workers busy");
            turnAway(reply, stopping ? Polite.RESTARTING : Polite.BUSY);
        }
    }

    /**
     * The polite line of a bot that cannot take the work. Late in a shutdown JDA's own request
     * threads are stopped too and refuse the reply by throwing: on JDA's event thread, where nothing
     * may throw, and there is no one left to tell.
     */
    private static void turnAway(Reply reply, String line) {
        try {
            reply.sendPrivately(View.text(line));
        } catch (RejectedExecutionException closed) {
            LOG.info("interaction {}: Discord's connection is closing, no answer sent", reply.id());
        }
    }
}
