package dev.quiztutor.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiztutor.bank.DisplayLimits;
import dev.quiztutor.bank.QuestionKind;
import dev.quiztutor.schedule.Days;
import dev.quiztutor.schedule.Failures;
import dev.quiztutor.schedule.Pause;
import dev.quiztutor.schedule.QuestionChoice;
import dev.quiztutor.schedule.Schedule;
import dev.quiztutor.schedule.ScheduleStatus;
import dev.quiztutor.schedule.Timetable;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

/** {@code /schedule list} for a server at its limit of schedules, each with a long error: still one valid embed. */
class ScheduleListViewTest {
    private static final Instant AT = Instant.parse("2026-11-23T17:00:00Z");

    private static ScheduleStatus failing(long id) {
        return failing(id, 60);
    }

    private static ScheduleStatus failing(long id, int repeats) {
        String reason = "Discord refused to post in <#" + (5000 + id) + ">: " + "Missing Access. ".repeat(repeats);
        Schedule schedule = new Schedule(id, 1, 5000 + id, new Timetable(LocalTime.of(18, 0),
                ZoneId.of("Europe/Berlin"), Days.EVERY_DAY), new QuestionChoice(Optional.empty(), Optional.empty(),
                QuestionKind.CHOICE), Optional.empty(), Optional.empty(),
                Optional.of(new Pause.AfterFailures(3, reason, AT)), 9, AT, AT,
                new Failures(3, Optional.of(new Failures.Failure(AT, reason))));
        return new ScheduleStatus(schedule, Optional.empty(), Optional.empty(), List.of());
    }

    @Test
    void aFullServerWithLongErrorsFitsOneEmbed() {
        List<ScheduleStatus> statuses = new ArrayList<>();
        for (long id = 1; id <= ScheduleFeature.MAX_PER_GUILD; id++) {
            statuses.add(failing(id));
        }
        MessageEmbed embed = ScheduleFeature.overview(statuses);
        assertEquals(25, embed.getFields().size());
        assertTrue(embed.getLength() <= DisplayLimits.EMBEDS_TOTAL, "embed of " + embed.getLength() + " characters");
        assertTrue(embed.isSendable(), "within every limit Discord checks");
        for (MessageEmbed.Field field : embed.getFields()) {
            assertTrue(field.getValue().startsWith("<#"), "each field still names its channel: " + field.getValue());
            assertTrue(field.getValue().endsWith("…"), "shortened, visibly");
        }
    }

    @Test
    void aFewSchedulesAreShownWhole() {
        MessageEmbed embed = ScheduleFeature.overview(List.of(failing(1, 40), failing(2, 40)));
        assertEquals("Schedules", embed.getTitle());
        String field = embed.getFields().get(0).getValue();
        assertTrue(field.contains("Missing Access. ".repeat(40).trim()), "two schedules have room for the whole reason");
        assertEquals(1, field.split("Discord refused", -1).length - 1,
                "the reason it paused for is not repeated as its last error: " + field);
    }

    @Test
    void moreThanTheLimitSaysHowManyAreShown() {
        List<ScheduleStatus> statuses = new ArrayList<>();
        for (long id = 1; id <= 30; id++) {
            statuses.add(failing(id));
        }
        MessageEmbed embed = ScheduleFeature.overview(statuses);
        assertEquals("Schedules (the first 25 of 30)", embed.getTitle());
        assertTrue(embed.isSendable());
    }
}
