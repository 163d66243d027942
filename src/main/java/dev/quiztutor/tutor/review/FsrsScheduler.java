package dev.quiztutor.tutor.review;

import dev.quiztutor.tutor.review.Card.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The FSRS-6 scheduler (Free Spaced Repetition Scheduler, version 6, as Anki runs it): from a card and
 * a rating at a time, the card after that review; and how likely a card is to be recalled at a time.
 * Pure and deterministic: no clock, no randomness, so a card rebuilt from the same reviews is the same
 * card.
 *
 * <p>The model, in FSRS's published formulas (the FSRS wiki's "The Algorithm", FSRS-6), with {@code w}
 * the {@link Parameters}, {@code G} the rating's grade (1 to 4) and {@code t} the whole days since the
 * last review:
 * <ul>
 *   <li>retrievability {@code R(t, S) = (1 + f·t/S)^(-w20)}, with {@code f = 0.9^(-1/w20) - 1} so that
 *       {@code R(S, S) = 0.9};</li>
 *   <li>the interval for a desired retention {@code r}: {@code I = S/f · (r^(-1/w20) - 1)} days, rounded
 *       (half to even, as the reference does), at least 1 and at most {@link Settings#maximumInterval};</li>
 *   <li>the first review: {@code S = w[G-1]}, {@code D = w4 - e^(w5·(G-1)) + 1};</li>
 *   <li>difficulty: {@code D' = D - w6·(G-3)·(10-D)/9}, then reverted towards {@code D0(Easy)} by
 *       {@code w7}, kept within 1 to 10;</li>
 *   <li>stability after a recall on a later day: {@code S·(1 + e^w8·(11-D)·S^(-w9)·(e^(w10·(1-R)) - 1)
 *       ·w15 (Hard) ·w16 (Easy))}; after a lapse: {@code min(w11·D^(-w12)·((S+1)^w13 - 1)·e^(w14·(1-R)),
 *       S/e^(w17·w18))};</li>
 *   <li>a review on the same day (less than a whole day after the last): {@code S·e^(w17·(G-3+w18))·S^(-w19)},
 *       never lower than S for Hard, Good or Easy (fsrs-rs since November 2025 and ts-fsrs; py-fsrs 6.3.1
 *       still lets Hard lower it).</li>
 * </ul>
 *
 * <p>Learning and relearning steps (minutes apart, before a card's interval is counted in days) work as in
 * the reference implementations: Again goes back to the first step, Hard stays (the first of two steps:
 * their mean; a single step: 1.5 times it), Good moves on and graduates after the last, Easy graduates at
 * once. The tutor runs with none ({@link #tutor}); see the package documentation for why. There is no
 * fuzz: the reference spreads intervals with a random few days to break up piles of cards due on one
 * day, which a group's handful of missed questions does not need, and a card must be rebuilt the same
 * from the same events.
 */
public final class FsrsScheduler {
    /** The retention the tutor aims at unless the config says otherwise: recall 9 times out of 10. */
    public static final double DEFAULT_RETENTION = 0.9;
    /** The reference implementations' longest interval: a hundred years, in days. */
    public static final int DEFAULT_MAXIMUM_INTERVAL = 36_500;

    private static final double DIFFICULTY_MIN = 1;
    private static final double DIFFICULTY_MAX = 10;

    /**
     * What a scheduler is set up with: the weights, the desired retention (the recall probability a card
     * is due at), the learning and relearning steps and the longest interval in days.
     */
    public record Settings(Parameters parameters, double retention, List<Duration> learningSteps,
                           List<Duration> relearningSteps, int maximumInterval) {
        public Settings {
            Objects.requireNonNull(parameters, "parameters");
            learningSteps = List.copyOf(learningSteps);
            relearningSteps = List.copyOf(relearningSteps);
            if (!(retention > 0 && retention <= 1)) {
                throw new IllegalArgumentException("the desired retention is a probability above 0 and at most 1, not "
                        + retention);
            }
            if (maximumInterval < 1) {
                throw new IllegalArgumentException("the maximum interval is at least 1 day, not " + maximumInterval);
            }
            for (Duration step : Stream.concat(learningSteps.stream(), relearningSteps.stream()).toList()) {
                if (step.isNegative() || step.isZero()) {
                    throw new IllegalArgumentException("a learning step is a positive duration, not " + step);
                }
            }
        }
    }

    private final Settings settings;
    private final double decay;
    private final double factor;

    public FsrsScheduler(Settings settings) {
        this.settings = Objects.requireNonNull(settings);
        this.decay = -settings.parameters().w(20);
        this.factor = Math.pow(0.9, 1 / decay) - 1;
    }

    /**
     * The scheduler the tutor runs: default weights, the given retention, no learning or relearning
     * steps (intervals in whole days from the first review on), no fuzz.
     */
    public static FsrsScheduler tutor(double retention) {
        return new FsrsScheduler(new Settings(Parameters.DEFAULT, retention, List.of(), List.of(),
                DEFAULT_MAXIMUM_INTERVAL));
    }

    /**
     * The reference implementations' defaults with fuzz off: learning steps of 1 and 10 minutes, a
     * relearning step of 10 minutes, retention 0.9. What their published test values are computed with.
     */
    public static FsrsScheduler reference() {
        return new FsrsScheduler(new Settings(Parameters.DEFAULT, DEFAULT_RETENTION,
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), List.of(Duration.ofMinutes(10)),
                DEFAULT_MAXIMUM_INTERVAL));
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The probability that the card is recalled at {@code at}: 0 for a card never reviewed, 1 right
     * after a review, 0.9 (whatever the retention) when a whole number of days equal to its stability
     * has passed. Counted in whole days since the last review, as the scheduler counts them.
     */
    public double retrievability(Card card, Instant at) {
        if (card.lastReview().isEmpty()) {
            return 0;
        }
        return forgettingCurve(Math.max(0, wholeDays(card.lastReview().get(), at)), card.stability());
    }

    /**
     * The card after a review rated {@code rating} at {@code at}. A review before the card's last one is
     * refused: reviews are applied in the order they happened.
     */
    public Card review(Card card, Rating rating, Instant at) {
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(at, "at");
        Optional<Instant> last = card.lastReview();
        if (last.isPresent() && at.isBefore(last.get())) {
            throw new IllegalArgumentException("a review at " + at + " comes before the card's last review at "
                    + last.get() + "; apply reviews in time order");
        }
        double stability;
        double difficulty;
        if (card.state() == State.NEW) {
            stability = Math.max(w(rating.grade() - 1), Parameters.STABILITY_MIN);
            difficulty = clampDifficulty(initialDifficulty(rating));
        } else {
            long days = wholeDays(last.get(), at);
            stability = days < 1 ? sameDayStability(card.stability(), rating)
                    : nextStability(card, rating, forgettingCurve(days, card.stability()));
            difficulty = nextDifficulty(card.difficulty(), rating);
        }
        int reps = card.reps() + 1;
        int lapses = card.lapses() + (card.state() == State.REVIEW && rating == Rating.AGAIN ? 1 : 0);
        return switch (card.state()) {
            case NEW, LEARNING -> stepped(settings.learningSteps(), State.LEARNING, card.step(), rating, stability,
                    difficulty, at, reps, lapses);
            case RELEARNING -> stepped(settings.relearningSteps(), State.RELEARNING, card.step(), rating, stability,
                    difficulty, at, reps, lapses);
            case REVIEW -> rating == Rating.AGAIN && !settings.relearningSteps().isEmpty()
                    ? new Card(State.RELEARNING, 0, stability, difficulty, at.plus(settings.relearningSteps().get(0)),
                    Optional.of(at), reps, lapses)
                    : graduated(stability, difficulty, at, reps, lapses);
        };
    }

    /** The interval, in days, after which a card of this stability falls to the desired retention. */
    public int intervalDays(double stability) {
        double days = stability / factor * (Math.pow(settings.retention(), 1 / decay) - 1);
        // Math.rint rounds half to even, as Python's round() in the reference does.
        return (int) Math.min(Math.max(Math.rint(days), 1), settings.maximumInterval());
    }

    /** A card in learning or relearning, moved along its steps (or graduated). */
    private Card stepped(List<Duration> steps, State state, int step, Rating rating, double stability,
                         double difficulty, Instant at, int reps, int lapses) {
        // A card past the last step (the steps were shortened since) graduates unless it was forgotten.
        if (steps.isEmpty() || (step >= steps.size() && rating != Rating.AGAIN)) {
            return graduated(stability, difficulty, at, reps, lapses);
        }
        Duration wait;
        int next = step;
        switch (rating) {
            case AGAIN -> {
                next = 0;
                wait = steps.get(0);
            }
            case HARD -> {
                if (step == 0) {
                    wait = steps.size() == 1 ? steps.get(0).multipliedBy(3).dividedBy(2)
                            : steps.get(0).plus(steps.get(1)).dividedBy(2);
                } else {
                    wait = steps.get(step);
                }
            }
            case GOOD -> {
                if (step + 1 >= steps.size()) {
                    return graduated(stability, difficulty, at, reps, lapses);
                }
                next = step + 1;
                wait = steps.get(next);
            }
            case EASY -> {
                return graduated(stability, difficulty, at, reps, lapses);
            }
            default -> throw new IllegalArgumentException("unknown rating " + rating);
        }
        return new Card(state, next, stability, difficulty, at.plus(wait), Optional.of(at), reps, lapses);
    }

    private Card graduated(double stability, double difficulty, Instant at, int reps, int lapses) {
        return new Card(State.REVIEW, 0, stability, difficulty, at.plus(Duration.ofDays(intervalDays(stability))),
                Optional.of(at), reps, lapses);
    }

    private double nextStability(Card card, Rating rating, double retrievability) {
        double s = card.stability();
        double d = card.difficulty();
        double next;
        if (rating == Rating.AGAIN) {
            double longTerm = w(11) * Math.pow(d, -w(12)) * (Math.pow(s + 1, w(13)) - 1)
                    * Math.exp((1 - retrievability) * w(14));
            double shortTerm = s / Math.exp(w(17) * w(18));
            next = Math.min(longTerm, shortTerm);
        } else {
            double hardPenalty = rating == Rating.HARD ? w(15) : 1;
            double easyBonus = rating == Rating.EASY ? w(16) : 1;
            next = s * (1 + Math.exp(w(8)) * (11 - d) * Math.pow(s, -w(9))
                    * (Math.exp((1 - retrievability) * w(10)) - 1) * hardPenalty * easyBonus);
        }
        return Math.max(next, Parameters.STABILITY_MIN);
    }

    private double sameDayStability(double s, Rating rating) {
        double increase = Math.exp(w(17) * (rating.grade() - 3 + w(18))) * Math.pow(s, -w(19));
        if (rating.recalled()) {
            increase = Math.max(increase, 1);
        }
        return Math.max(s * increase, Parameters.STABILITY_MIN);
    }

    private double initialDifficulty(Rating rating) {
        return w(4) - Math.exp(w(5) * (rating.grade() - 1)) + 1;
    }

    private double nextDifficulty(double d, Rating rating) {
        double change = -w(6) * (rating.grade() - 3);
        double damped = d + change * (10 - d) / 9;
        double reverted = w(7) * initialDifficulty(Rating.EASY) + (1 - w(7)) * damped;
        return clampDifficulty(reverted);
    }

    private double forgettingCurve(long days, double stability) {
        return Math.pow(1 + factor * days / stability, decay);
    }

    private static double clampDifficulty(double d) {
        return Math.min(Math.max(d, DIFFICULTY_MIN), DIFFICULTY_MAX);
    }

    /** Whole days from {@code from} to {@code to}, rounded down, as the reference counts elapsed days. */
    private static long wholeDays(Instant from, Instant to) {
        return Math.floorDiv(Duration.between(from, to).getSeconds(), 86_400);
    }

    private double w(int i) {
        return settings.parameters().w(i);
    }
}
