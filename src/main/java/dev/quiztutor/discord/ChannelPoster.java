package dev.quiztutor.discord;

import dev.quiztutor.schedule.PostResult;
import dev.quiztutor.schedule.Poster;
import dev.quiztutor.schedule.ScheduledPost;
import dev.quiztutor.schedule.ScheduledReveal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * Scheduled posts through JDA, called from the scheduler's thread (never JDA's): each call waits for
 * Discord's answer, at most a minute, and turns a refusal into a reason a moderator can act on.
 */
final class ChannelPoster implements Poster {
    static final long TIMEOUT_SECONDS = 60;
    private static final EnumSet<Permission> NEEDED =
            EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);

    private final Supplier<ShardManager> shards;
    private final Pacer pacer;

    ChannelPoster(Supplier<ShardManager> shards, Pacer pacer) {
        this.shards = shards;
        this.pacer = pacer;
    }

    @Override
    public PostResult post(ScheduledPost post) {
        long channelId = post.schedule().channel();
        GuildMessageChannel channel = shards.get().getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            return PostResult.Failed.permanent("Unknown channel <#" + channelId + ">: it was deleted, or I cannot see it");
        }
        PostResult.Failed missing = missingPermissions(channel);
        if (missing != null) {
            return missing;
        }
        View view = Views.scheduledPost(post);
        MessageCreateBuilder message = new MessageCreateBuilder()
                .setContent(view.content())
                .setEmbeds(view.embeds())
                .setComponents(view.rows())
                .setAllowedMentions(List.of());
        // The one mention a scheduled post may make: the role the moderator chose to ping.
        post.schedule().pingRole().ifPresent(message::mentionRoles);
        return send(() -> channel.sendMessage(message.build()), "post in " + channel.getAsMention());
    }

    @Override
    public PostResult reveal(ScheduledReveal reveal) {
        GuildMessageChannel channel = shards.get().getChannelById(GuildMessageChannel.class, reveal.channel());
        if (channel == null) {
            return PostResult.Failed.permanent("Unknown channel <#" + reveal.channel() + ">: it was deleted, or I cannot see it");
        }
        PostResult.Failed missing = missingPermissions(channel);
        if (missing != null) {
            return missing;
        }
        View answer = Views.reveal(reveal);
        PostResult replied = send(() -> channel.sendMessage(answer.create()).setMessageReference(reveal.messageId())
                .failOnInvalidReply(true), "reveal the answer in " + channel.getAsMention());
        if (replied instanceof PostResult.Sent && paced()) {
            // The post stays, with its buttons disabled: the answer is out, tries would count for nothing.
            List<ActionRow> disabled = new ArrayList<>();
            Views.practicePost(reveal.topic(), reveal.question(), Views.Tally.NONE).rows()
                    .forEach(row -> disabled.add(row.asDisabled()));
            channel.editMessageById(reveal.messageId(), new MessageEditBuilder().setComponents(disabled).build())
                    .queue(null, e -> { });
        }
        return replied;
    }

    private static PostResult.Failed missingPermissions(GuildMessageChannel channel) {
        Member self = channel.getGuild().getSelfMember();
        List<String> missing = NEEDED.stream().filter(p -> !self.hasPermission(channel, p)).map(Permission::getName).toList();
        return missing.isEmpty() ? null : PostResult.Failed.permanent("Missing permission: " + String.join(", ", missing)
                + " in " + channel.getAsMention());
    }

    /** Waits for the pacer; false when interrupted (the bot is stopping). */
    private boolean paced() {
        try {
            pacer.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private PostResult send(Supplier<RestAction<Message>> action, String what) {
        if (!paced()) {
            return PostResult.Failed.mayPass("Interrupted before the request could " + what);
        }
        try {
            return new PostResult.Sent(action.get().submit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getIdLong());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErrorResponseException error) {
                ErrorResponse code = error.getErrorResponse();
                String reason = "Discord refused to " + what + ": " + error.getMeaning();
                boolean permanent = code == ErrorResponse.MISSING_PERMISSIONS || code == ErrorResponse.MISSING_ACCESS
                        || code == ErrorResponse.UNKNOWN_CHANNEL || code == ErrorResponse.UNKNOWN_MESSAGE
                        || code == ErrorResponse.REFERENCED_MESSSAGE_NOT_FOUND;
                return permanent ? PostResult.Failed.permanent(reason) : PostResult.Failed.mayPass(reason);
            }
            return PostResult.Failed.mayPass("Could not " + what + ": " + e.getCause());
        } catch (TimeoutException e) {
            return PostResult.Failed.mayPass("Discord did not answer within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PostResult.Failed.mayPass("Interrupted while posting");
        }
    }
}
