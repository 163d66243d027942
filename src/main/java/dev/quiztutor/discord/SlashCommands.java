package dev.quiztutor.discord;

import dev.quiztutor.bank.Difficulty;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** The slash commands the bot registers; topic options autocomplete from the loaded bank. */
final class SlashCommands {
    static final String TOPICS = "topics";
    static final String LEARN = "learn";
    static final String PRACTICE = "practice";
    static final String CODE = "code";
    static final String TEST = "test";
    static final String PROGRESS = "progress";
    static final String LEADERBOARD = "leaderboard";

    private SlashCommands() {
    }

    static List<SlashCommandData> definitions() {
        List<SlashCommandData> commands = new ArrayList<>();
        commands.add(guildOnly(Commands.slash(TOPICS, "List the topics you can learn, practise and be tested on")));
        commands.add(guildOnly(Commands.slash(LEARN, "Walk through a topic's lesson, step by step (only you see it)")
                .addOptions(topic(true))));
        commands.add(guildOnly(Commands.slash(PRACTICE, "Post a multiple-choice question everyone here can answer")
                .addOptions(topic(false), difficulty())));
        commands.add(guildOnly(Commands.slash(CODE, "Post a fill-in-the-blank code task everyone here can answer")
                .addOptions(topic(false), difficulty())));
        commands.add(guildOnly(Commands.slash(TEST, "Take a test of up to 10 questions on a topic, easiest first (only you see it)")
                .addOptions(topic(false))));
        commands.add(guildOnly(Commands.slash(PROGRESS, "Your figures here: per topic and difficulty, streak, last tests (only you see it)")));
        commands.add(guildOnly(Commands.slash(LEADERBOARD, "The top 10 of this server, and your rank")
                .addOptions(new OptionData(OptionType.STRING, "period", "This month (default) or all time", false)
                        .addChoice("this month", "month").addChoice("all time", "all"))));
        commands.add(ScheduleFeature.command());
        commands.add(BankFeature.command());
        commands.add(SuggestFeature.command());
        commands.add(guildOnly(Commands.slash(ReviewFeature.NAME, "Review the questions you are about to forget (only you see it)")
                .addOptions(topic(false))));
        commands.add(StatsFeature.command());
        commands.add(ForgetFeature.command());
        return commands;
    }

    private static SlashCommandData guildOnly(SlashCommandData command) {
        return command.setContexts(InteractionContextType.GUILD);
    }

    private static OptionData topic(boolean required) {
        return new OptionData(OptionType.STRING, "topic", "The topic (start typing to see suggestions)", required, true)
                .setMaxLength(100);
    }

    private static OptionData difficulty() {
        OptionData option = new OptionData(OptionType.STRING, "difficulty", "easy, medium or hard (any if left out)", false);
        for (Difficulty d : Difficulty.values()) {
            option.addChoice(d.label(), d.label());
        }
        return option;
    }
}
