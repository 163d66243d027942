package dev.quiztutor.discord;

import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * What the bot shows in one message: text, embeds and rows of components. Built once, sent as a new
 * message, a reply or an edit. Mentions are never allowed (see {@link DiscordBot}), so quiz text can
 * never ping anyone.
 */
public record View(String content, List<MessageEmbed> embeds, List<ActionRow> rows) {
    public View {
        embeds = List.copyOf(embeds);
        rows = List.copyOf(rows);
    }

    public static View text(String content) {
        return new View(content, List.of(), List.of());
    }

    public MessageCreateData create() {
        return new MessageCreateBuilder()
                .setContent(content)
                .setEmbeds(embeds)
                .setComponents(rows)
                .setAllowedMentions(List.of())
                .build();
    }

    /** An edit replaces content, embeds and components alike, so a stale part never lingers. */
    public MessageEditData edit() {
        return new MessageEditBuilder()
                .setContent(content)
                .setEmbeds(embeds)
                .setComponents(rows)
                .setAllowedMentions(List.of())
                .build();
    }
}
