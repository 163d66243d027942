package dev.quiztutor.tutor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiztutor.tutor.ScoringPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsCsvTest {
    @Test
    void theTableHasAHeaderAndOneRowPerQuestionWithItsFigures() {
        TopicStats stats = TopicStats.of(TopicStatsTest.TOPIC, new TopicStatsTest().history(), ScoringPolicy.DEFAULT,
                TopicStatsTest.THRESHOLDS);
        List<String> lines = List.of(StatsCsv.write(stats).split("\r\n", -1));
        assertEquals(7, lines.size(), "header, five questions and the empty rest after the last CRLF");
        assertEquals("question,difficulty,kind,attempts,first_try_right,first_try_share,facility,tests,discrimination,"
                + "hints_shown,attempts_with_hints,gave_up,option_picks,flags,notes", lines.get(0));
        // The figures of TopicStatsTest, to three places: 4/11, 5.567/11, 1/sqrt(5).
        assertEquals("c,easy,choice,11,4,0.364,0.506,6,0.447,1,1,2,A* 6; B 3; C 2; D 1,,", lines.get(1));
        assertEquals("tf,medium,truefalse,6,3,0.500,0.500,6,-0.557,0,0,1,True* 3; False 2,"
                + "negative discrimination: strong testers miss it more than weak ones,", lines.get(2));
        assertEquals("d,hard,choice,11,2,0.182,0.182,6,0.000,0,0,5,A* 2; B 8; C 0; D 0,"
                + "too hard; a wrong option nobody picks (C and D),", lines.get(3));
        assertEquals("e,easy,choice,5,5,1.000,1.000,0,,0,0,0,A* 5; B 0; C 0; D 0,too easy,"
                + "discrimination: too few tests (0 of the 5 wanted)", lines.get(4));
        // Nobody tried s: no figure, and the notes say why instead.
        assertEquals("s,hard,short,0,0,,,0,,0,0,0,,,facility: too few attempts (0 of the 5 wanted); "
                + "discrimination: too few tests (0 of the 5 wanted)", lines.get(5));
        assertEquals("", lines.get(6));
    }

    @Test
    void aFieldWithACommaOrQuoteIsQuoted() {
        assertEquals("plain", StatsCsv.field("plain"));
        assertEquals("\"a, b\"", StatsCsv.field("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", StatsCsv.field("say \"hi\""));
    }
}
