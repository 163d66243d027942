package dev.quiztutor.tutor.stats;

import dev.quiztutor.bank.Option;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionRef;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.tutor.Attempt;
import dev.quiztutor.tutor.AttemptEvent;
import dev.quiztutor.tutor.Response;
import dev.quiztutor.tutor.ScoringPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The statistics of a topic's questions from its members' attempts, as Moodle's quiz statistics
 * report computes them: per question the attempts, facility, discrimination (from topic tests only),
 * option picks, hints and give-ups, and flags for the questions a moderator should look at. Attempts
 * at questions the topic no longer has are left out; every question it has gets a row, attempted or not.
 */
public record TopicStats(Topic topic, int attempts, int tests, List<QuestionStats> questions, Thresholds thresholds) {
    public TopicStats {
        questions = List.copyOf(questions);
    }

    public static TopicStats of(Topic topic, Collection<RecordedAttempt> recorded, ScoringPolicy scoring,
                                Thresholds thresholds) {
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(thresholds, "thresholds");
        Map<QuestionRef, List<Scored>> byQuestion = new HashMap<>();
        // Each sitting's score per question: the rest of a test is its total without the question.
        Map<RecordedAttempt.Sitting, Map<QuestionRef, Double>> sittings = new LinkedHashMap<>();
        int attempts = 0;
        for (RecordedAttempt one : recorded) {
            if (!one.question().topicId().equals(topic.id())) {
                continue;
            }
            Question question = topic.question(one.question().questionId()).orElse(null);
            if (question == null) {
                continue;
            }
            Scored scored = Scored.of(question, one.events(), scoring);
            if (scored == null) {
                continue;
            }
            attempts++;
            byQuestion.computeIfAbsent(question.ref(), q -> new ArrayList<>()).add(scored);
            one.test().ifPresent(sitting -> sittings.computeIfAbsent(sitting, s -> new HashMap<>())
                    .merge(question.ref(), scored.score, Math::max));
        }
        List<QuestionStats> rows = new ArrayList<>();
        for (Question question : topic.questions()) {
            rows.add(question(question, byQuestion.getOrDefault(question.ref(), List.of()), sittings.values(),
                    thresholds));
        }
        return new TopicStats(topic, attempts, sittings.size(), rows, thresholds);
    }

    /** The questions with at least one flag, in the topic's order. */
    public List<QuestionStats> flagged() {
        return questions.stream().filter(QuestionStats::flagged).toList();
    }

    private static QuestionStats question(Question question, List<Scored> scored,
                                          Collection<Map<QuestionRef, Double>> sittings, Thresholds thresholds) {
        int attempts = scored.size();
        int answered = (int) scored.stream().filter(s -> s.answered).count();
        int firstTryRight = (int) scored.stream().filter(s -> s.firstTryRight).count();
        double scoreSum = scored.stream().mapToDouble(s -> s.score).sum();
        boolean enough = attempts >= thresholds.minAttempts();
        Figure firstTry = enough ? new Figure.Value((double) firstTryRight / attempts)
                : new Figure.TooFew(attempts, thresholds.minAttempts());
        Figure facility = enough ? new Figure.Value(scoreSum / attempts)
                : new Figure.TooFew(attempts, thresholds.minAttempts());

        List<double[]> pairs = new ArrayList<>();
        for (Map<QuestionRef, Double> sitting : sittings) {
            Double mine = sitting.get(question.ref());
            if (mine != null) {
                double rest = sitting.values().stream().mapToDouble(Double::doubleValue).sum() - mine;
                pairs.add(new double[] {mine, rest});
            }
        }
        Figure discrimination = pairs.size() < thresholds.minTests()
                ? new Figure.TooFew(pairs.size(), thresholds.minTests()) : correlation(pairs);

        List<OptionPicks> picks = picks(question, scored);
        List<Flag> flags = new ArrayList<>();
        if (facility instanceof Figure.Value f && f.value() > thresholds.tooEasy()) {
            flags.add(Flag.TOO_EASY);
        }
        if (facility instanceof Figure.Value f && f.value() < thresholds.tooHard()) {
            flags.add(Flag.TOO_HARD);
        }
        if (discrimination instanceof Figure.Value d && d.value() < 0) {
            flags.add(Flag.NEGATIVE_DISCRIMINATION);
        }
        if (answered >= thresholds.minForUnusedDistractor()
                && picks.stream().anyMatch(p -> !p.right() && p.attempts() == 0)) {
            flags.add(Flag.UNUSED_DISTRACTOR);
        }
        return new QuestionStats(question, attempts, answered, firstTryRight, firstTry, facility, pairs.size(),
                discrimination, picks, scored.stream().mapToInt(s -> s.hints).sum(),
                (int) scored.stream().filter(s -> s.hints > 0).count(), (int) scored.stream().filter(s -> s.gaveUp).count(),
                flags);
    }

    /** Pearson's correlation of the pairs (question score, rest of the test). */
    static Figure correlation(List<double[]> pairs) {
        int n = pairs.size();
        double meanX = pairs.stream().mapToDouble(p -> p[0]).sum() / n;
        double meanY = pairs.stream().mapToDouble(p -> p[1]).sum() / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - meanX) * (p[1] - meanY);
            sxx += (p[0] - meanX) * (p[0] - meanX);
            syy += (p[1] - meanY) * (p[1] - meanY);
        }
        // Scores are sums of thousandths: a variance below this is rounding, not spread.
        if (sxx < 1e-9 || syy < 1e-9) {
            return new Figure.NoSpread();
        }
        return new Figure.Value(sxy / Math.sqrt(sxx * syy));
    }

    /** Per option, the attempts that picked it in any counted try. */
    private static List<OptionPicks> picks(Question question, List<Scored> scored) {
        Map<String, Integer> counts = new HashMap<>();
        for (Scored s : scored) {
            for (String label : s.picked) {
                counts.merge(label, 1, Integer::sum);
            }
        }
        List<OptionPicks> picks = new ArrayList<>();
        switch (question.kind()) {
            case CHOICE, MULTI, BLANKS, MATCHING -> {
                Set<String> right = new LinkedHashSet<>(question.answerLetters());
                for (Option option : question.options()) {
                    picks.add(new OptionPicks(option.letter(), option.text(), right.contains(option.letter()),
                            counts.getOrDefault(option.letter(), 0)));
                }
            }
            case TRUEFALSE -> {
                boolean answer = ((QuestionType.TrueFalse) question.type()).answer();
                picks.add(new OptionPicks(TRUE, TRUE, answer, counts.getOrDefault(TRUE, 0)));
                picks.add(new OptionPicks(FALSE, FALSE, !answer, counts.getOrDefault(FALSE, 0)));
            }
            case SHORT, NUMERIC -> {
                // Typed answers have no options to count.
            }
        }
        return picks;
    }

    private static final String TRUE = "True";
    private static final String FALSE = "False";

    /** What one attempt adds to its question's figures. */
    private static final class Scored {
        double score;
        boolean answered;
        boolean firstTryRight;
        boolean gaveUp;
        int hints;
        final Set<String> picked = new LinkedHashSet<>();

        /**
         * The attempt's figures from its events up to the one that ended it (later ones, answers to a
         * finished question, are not counted, as {@link Attempt} does not count them); null when it is
         * no attempt: neither answered nor given up.
         */
        static Scored of(Question question, List<AttemptEvent> events, ScoringPolicy scoring) {
            Scored scored = new Scored();
            Attempt attempt = Attempt.start(question);
            boolean hintBeforeFirstTry = false;
            for (AttemptEvent event : events) {
                if (attempt.status().ended()) {
                    break;
                }
                if (event instanceof AttemptEvent.Answered answered) {
                    if (!scored.answered) {
                        scored.firstTryRight = answered.grade().correct() && !hintBeforeFirstTry;
                    }
                    scored.answered = true;
                    scored.picked.addAll(labels(answered.response()));
                } else if (event instanceof AttemptEvent.HintShown && !scored.answered) {
                    hintBeforeFirstTry = true;
                }
                attempt = attempt.with(event);
            }
            if (!scored.answered && attempt.status() != Attempt.Status.GAVE_UP) {
                return null;
            }
            scored.gaveUp = attempt.status() == Attempt.Status.GAVE_UP;
            scored.hints = attempt.hintsShown();
            scored.score = scoring.score(attempt);
            return scored;
        }

        private static List<String> labels(Response response) {
            if (response instanceof Response.Letters letters) {
                return letters.letters();
            }
            if (response instanceof Response.Truth truth) {
                return List.of(truth.value() ? TRUE : FALSE);
            }
            return List.of();
        }
    }
}
