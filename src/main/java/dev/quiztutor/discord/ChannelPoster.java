package dev.quiztutor.discord;

import dev.quiztutor.schedule.PostResult;
import dev.quiztutor.schedule.Poster;
import dev.quiztutor.schedule.ScheduledPost;
import dev.quiztutor.schedule.ScheduledReveal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled posts through JDA, called from the scheduler's thread (never JDA's): each call waits for
 * Discord's answer, at most a minute, and turns a refusal into a reason a moderator can act on.
 */
final class ChannelPoster implements Poster {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelPoster.class);
    static final long TIMEOUT_SECONDS = 60;
    /**
     * What a post needs. A reveal replies to its post when the bot also has
     * {@link Permission#MESSAGE_HISTORY} there, and comes as a plain post when not.
     */
    static final Set<Permission> NEEDED =
            Collections.unmodifiableSet(EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS));
    /** Refusals that trying again cannot change until a person acts. */
    private static final Set<ErrorResponse> PERMANENT = EnumSet.of(ErrorResponse.MISSING_PERMISSIONS,
            ErrorResponse.MISSING_ACCESS, ErrorResponse.UNKNOWN_CHANNEL, ErrorResponse.UNKNOWN_MESSAGE,
            ErrorResponse.REFERENCED_MESSSAGE_NOT_FOUND, ErrorResponse.INVALID_FORM_BODY,
            ErrorResponse.REPLY_FAILED_MISSING_MESSAGE_HISTORY_PERM);

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
            return unreachable(post.schedule().guild(), channelId);
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
        return send(() -> channel.sendMessage(message.build()), "post in " + channel.getAsMention()).result();
    }

    @Override
    public PostResult reveal(ScheduledReveal reveal) {
        GuildMessageChannel channel = shards.get().getChannelById(GuildMessageChannel.class, reveal.channel());
        if (channel == null) {
            return unreachable(reveal.guild(), reveal.channel());
        }
        PostResult.Failed missing = missingPermissions(channel);
        if (missing != null) {
            return missing;
        }
        View answer = Views.reveal(reveal);
        String where = "reveal the answer in " + channel.getAsMention();
        PostResult revealed;
        if (channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_HISTORY)) {
            Sending replied = send(() -> channel.sendMessage(answer.create()).setMessageReference(reveal.messageId())
                    .failOnInvalidReply(true), where);
            // Discord may know better than JDA's cache: the permission went since.
            revealed = replied.refusedFor(ErrorResponse.REPLY_FAILED_MISSING_MESSAGE_HISTORY_PERM)
                    ? plainPost(channel, answer, reveal, where) : replied.result();
        } else {
            revealed = plainPost(channel, answer, reveal, where);
        }
        if (revealed instanceof PostResult.Sent && paced()) {
            // The post stays, with its buttons disabled: the answer is out, tries would count for nothing.
            List<ActionRow> disabled = new ArrayList<>();
            Views.practicePost(reveal.topic(), reveal.question(), Views.Tally.NONE).rows()
                    .forEach(row -> disabled.add(row.asDisabled()));
            try {
                channel.editMessageById(reveal.messageId(), new MessageEditBuilder().setComponents(disabled).build())
                        .queue(null, e -> { });
            } catch (PermissionException e) {
                LOG.info("Schedule {}: could not close the buttons of post {}: {}", reveal.scheduleId(),
                        reveal.messageId(), e.getMessage());
            }
        }
        return revealed;
    }

    /**
     * A reply needs Read Message History; without it the answer still comes, as a plain post. One
     * line in the log says why, so an operator can grant it.
     */
    private PostResult plainPost(GuildMessageChannel channel, View answer, ScheduledReveal reveal, String where) {
        LOG.info("Schedule {}: no Read Message History in {}: the answer comes as a plain post, not a reply to post {}",
                reveal.scheduleId(), channel.getId(), reveal.messageId());
        return send(() -> channel.sendMessage(answer.create()), where).result();
    }

    /**
     * No such channel in JDA's cache. While the server is unavailable (a Discord outage) or the shard
     * is reconnecting, none of its channels are known, and that passes; otherwise the channel is gone.
     */
    private PostResult.Failed unreachable(long guild, long channel) {
        ShardManager manager = shards.get();
        JDA shard = manager.getShardById((int) ((guild >>> 22) % manager.getShardsTotal()));
        if (shard == null || shard.getStatus() != JDA.Status.CONNECTED || shard.isUnavailable(guild)) {
            return PostResult.Failed.mayPass("The server is unavailable on Discord for the moment (an outage, or the"
                    + " bot is reconnecting)");
        }
        return PostResult.Failed.permanent("Unknown channel <#" + channel + ">: it was deleted, or I cannot see it");
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

    /** What a request came to, and Discord's refusal if it refused. */
    private record Sending(PostResult result, Optional<ErrorResponse> refusal) {
        static Sending of(PostResult result) {
            return new Sending(result, Optional.empty());
        }

        boolean refusedFor(ErrorResponse error) {
            return refusal.filter(error::equals).isPresent();
        }
    }

    private Sending send(Supplier<RestAction<Message>> action, String what) {
        if (!paced()) {
            return Sending.of(PostResult.Failed.mayPass("Interrupted before the request could " + what));
        }
        try {
            return Sending.of(new PostResult.Sent(action.get().submit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getIdLong()));
        } catch (PermissionException e) {
            // JDA's own check, from its cache, before any request.
            return Sending.of(PostResult.Failed.permanent("Missing permission: " + e.getPermission().getName() + " to " + what));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErrorResponseException error) {
                String reason = "Discord refused to " + what + ": " + error.getMeaning();
                return new Sending(PERMANENT.contains(error.getErrorResponse()) ? PostResult.Failed.permanent(reason)
                        : PostResult.Failed.mayPass(reason), Optional.of(error.getErrorResponse()));
            }
            return Sending.of(PostResult.Failed.mayPass("Could not " + what + ": " + e.getCause()));
        } catch (TimeoutException e) {
            return Sending.of(PostResult.Failed.mayPass("Discord did not answer within " + TIMEOUT_SECONDS + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sending.of(PostResult.Failed.mayPass("Interrupted while posting"));
        }
    }
}
