package dev.quiztutor.discord;

import dev.quiztutor.store.MemberData;
import dev.quiztutor.tutor.Tutor;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * /forget-me: any member deletes everything the bot keeps about them, in every server. It shows what
 * is kept and asks with a button first (privately); the button deletes it all in one transaction,
 * drops their attempts from memory, and says what went.
 */
final class ForgetFeature {
    static final String NAME = "forget-me";

    private final MemberData members;
    private final Tutor tutor;
    private final Names names;

    ForgetFeature(MemberData members, Tutor tutor, Names names) {
        this.members = members;
        this.tutor = tutor;
        this.names = names;
    }

    static SlashCommandData command() {
        return Commands.slash(NAME, "Delete everything this bot keeps about you, in every server (asks first; only you see it)")
                .setContexts(InteractionContextType.GUILD);
    }

    void ask(SlashCommandInteractionEvent event, Reply reply) {
        long user = event.getUser().getIdLong();
        MemberData.Records kept = members.inventory(user);
        if (kept.isEmpty()) {
            reply.send(View.text("I keep nothing about you: no answers, figures, tests or name. Nothing to delete."));
            return;
        }
        reply.send(new View("I keep, in every server: " + kept.describe("your") + ".\n"
                + "**Delete my data** deletes all of it: you leave /progress and both leaderboards, your tests in progress"
                + " end, and your name on uploaded topics and schedules becomes \"" + MemberData.FORMER_MEMBER + "\"."
                + " It cannot be undone. To keep everything, just dismiss this message.",
                List.of(), List.of(ActionRow.of(Button.danger(new CustomId.ForgetMe(user).encode(), "Delete my data")))));
    }

    /** The confirm button: only its own member's click counts (the message is theirs alone; a forged one is not). */
    void confirm(ButtonInteractionEvent event, Reply reply, CustomId.ForgetMe id) {
        long user = event.getUser().getIdLong();
        if (user != id.user()) {
            reply.sendPrivately(View.text("This button deletes someone else's data, so it does nothing for you."
                    + " To delete yours, use /forget-me."));
            return;
        }
        MemberData.Records deleted = members.forget(user);
        // After the commit: an attempt cached before it would otherwise be written back by their next click.
        tutor.dropLiveAttempts(user);
        names.forget(user);
        reply.send(View.text(deleted.isEmpty()
                ? "Nothing was left to delete: I keep nothing about you now."
                : "🗑️ Deleted " + deleted.describe("your") + ". I keep nothing about you now;"
                        + " if you use me again, I start afresh."));
    }
}
