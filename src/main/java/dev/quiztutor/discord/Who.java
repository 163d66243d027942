package dev.quiztutor.discord;

import net.dv8tion.jda.api.interactions.Interaction;

/** Who acted, and in which guild (0 outside one). */
record Who(long guild, long user) {
    static Who of(Interaction interaction) {
        long guild = interaction.getGuild() != null ? interaction.getGuild().getIdLong() : 0;
        return new Who(guild, interaction.getUser().getIdLong());
    }
}
