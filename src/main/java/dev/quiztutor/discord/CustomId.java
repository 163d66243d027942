package dev.quiztutor.discord;

import dev.quiztutor.bank.DisplayLimits;
import dev.quiztutor.bank.QuestionRef;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The custom ids of the bot's components: compact, versioned ({@code qt1:}) and checked field by
 * field when a click comes back. Everything a click needs is in the id (topic, question, letter,
 * page, test position), so posts keep working after a restart without any stored component state.
 * A stale, unknown or forged id parses to nothing, and the user gets a polite line.
 */
public sealed interface CustomId {
    String PREFIX = "qt1";

    /** The id as Discord stores it: at most 100 characters. */
    String encode();

    /**
     * An answer button of a practice post: an option letter, or T / F on a true-or-false question (the
     * question's type says which; {@link Answers#fromButton} reads it).
     */
    record Answer(QuestionRef question, String letter) implements CustomId {
        public String encode() {
            return join("a", question.topicId(), question.questionId(), letter);
        }
    }

    /** The confirm button of /bank remove: the server's topic to remove (the server is the click's). */
    record BankRemove(String topicId) implements CustomId {
        public String encode() {
            return join("br", topicId);
        }
    }

    /** The confirm button of /forget-me: the member whose data it deletes (only they may press it). */
    record ForgetMe(long user) implements CustomId {
        public String encode() {
            return join("fm", Long.toString(user, 36));
        }
    }

    /** The /suggest form, for a suggestion meant for server topic {@code topicId}. */
    record SuggestForm(String topicId) implements CustomId {
        public String encode() {
            return join("sq", topicId);
        }
    }

    /** Opens the /suggest form again with what its presser typed last (their stored draft). */
    record SuggestRetry(String topicId) implements CustomId {
        public String encode() {
            return join("sqr", topicId);
        }
    }

    /** A review button on suggestion {@code suggestion}'s post in the review channel. */
    record SuggestReview(long suggestion, Verdict verdict) implements CustomId {
        /** What the button does; its code is part of the id. */
        public enum Verdict {
            APPROVE("sa"), EDIT("se"), REJECT("sx");

            final String code;

            Verdict(String code) {
                this.code = code;
            }
        }

        public String encode() {
            return join(verdict.code, Long.toString(suggestion, 36));
        }
    }

    /** A moderator's edit form of suggestion {@code suggestion}, opened from its review post. */
    record SuggestEdited(long suggestion) implements CustomId {
        public String encode() {
            return join("sem", Long.toString(suggestion, 36));
        }
    }

    /** The Hint button of a practice post. */
    record Hint(QuestionRef question) implements CustomId {
        public String encode() {
            return join("h", question.topicId(), question.questionId());
        }
    }

    /** The Show solution button: giving up. */
    record Reveal(QuestionRef question) implements CustomId {
        public String encode() {
            return join("g", question.topicId(), question.questionId());
        }
    }

    /** Show a question's worked solution, from a test report; it changes no attempt. */
    record ShowSolution(QuestionRef question) implements CustomId {
        public String encode() {
            return join("s", question.topicId(), question.questionId());
        }
    }

    /** The select menu of blank {@code blank} (1-based) of a blanks post. */
    record Blank(QuestionRef question, int blank) implements CustomId {
        public String encode() {
            return join("b", question.topicId(), question.questionId(), Integer.toString(blank));
        }
    }

    /** The Check button of a blanks post. */
    record Check(QuestionRef question) implements CustomId {
        public String encode() {
            return join("c", question.topicId(), question.questionId());
        }
    }

    /** The Answer button of a typed (short or numeric) question: opens the answer form. */
    record Type(QuestionRef question) implements CustomId {
        public String encode() {
            return join("y", question.topicId(), question.questionId());
        }
    }

    /** The answer form (modal) of a typed question, opened from a post. */
    record Typed(QuestionRef question) implements CustomId {
        public String encode() {
            return join("ym", question.topicId(), question.questionId());
        }
    }

    /** The Answer button of a typed question on lesson page {@code page}. */
    record LessonType(String topicId, int page) implements CustomId {
        public String encode() {
            return join("ly", topicId, Integer.toString(page));
        }
    }

    /** The answer form of a typed question on lesson page {@code page}. */
    record LessonTyped(String topicId, int page) implements CustomId {
        public String encode() {
            return join("lym", topicId, Integer.toString(page));
        }
    }

    /** The Answer button of typed question {@code position} of a test. */
    record TestType(long test, int position) implements CustomId {
        public String encode() {
            return join("ty", Long.toString(test, 36), Integer.toString(position));
        }
    }

    /** The answer form of typed question {@code position} of a test. */
    record TestTyped(long test, int position) implements CustomId {
        public String encode() {
            return join("tym", Long.toString(test, 36), Integer.toString(position));
        }
    }

    /** Go to page {@code page} (0-based) of a topic's lesson. */
    record LessonPage(String topicId, int page) implements CustomId {
        public String encode() {
            return join("l", topicId, Integer.toString(page));
        }
    }

    /** Answer the quiz question shown on lesson page {@code page}. */
    record LessonAnswer(String topicId, int page, String letter) implements CustomId {
        public String encode() {
            return join("la", topicId, Integer.toString(page), letter);
        }
    }

    /** Answer question {@code position} (0-based) of test {@code test} with a letter. */
    record TestAnswer(long test, int position, String letter) implements CustomId {
        public String encode() {
            return join("ta", Long.toString(test, 36), Integer.toString(position), letter);
        }
    }

    /** Pick the option of blank {@code blank} for question {@code position} of a test. */
    record TestBlank(long test, int position, int blank) implements CustomId {
        public String encode() {
            return join("tb", Long.toString(test, 36), Integer.toString(position), Integer.toString(blank));
        }
    }

    /** Submit the picked blanks of question {@code position} of a test. */
    record TestSubmit(long test, int position) implements CustomId {
        public String encode() {
            return join("ts", Long.toString(test, 36), Integer.toString(position));
        }
    }

    /** Skip question {@code position} of a test. */
    record TestSkip(long test, int position) implements CustomId {
        public String encode() {
            return join("tk", Long.toString(test, 36), Integer.toString(position));
        }
    }

    /**
     * Where a review session stands, carried by each of its components so that nothing is kept
     * between clicks (and a restart loses nothing): the session (the id of its /review interaction,
     * which is the review's place), the questions finished so far, and whether it reviews one topic
     * (the shown question's) or all.
     */
    record ReviewStep(long session, int done, boolean oneTopic) {
        String[] parts() {
            return new String[] {Long.toString(session, 36), Integer.toString(done), oneTopic ? "t" : "a"};
        }

        /** The step of {@code p[2..4]}; null when they are not one. */
        static ReviewStep parse(String[] p) {
            return p.length > 4 && BASE36.matcher(p[2]).matches() && SMALL.matcher(p[3]).matches()
                    && (p[4].equals("t") || p[4].equals("a"))
                    ? new ReviewStep(Long.parseLong(p[2], 36), Integer.parseInt(p[3]), p[4].equals("t")) : null;
        }
    }

    /** An answer button of a review question: an option letter, or T / F. */
    record ReviewAnswer(ReviewStep step, QuestionRef question, String letter) implements CustomId {
        public String encode() {
            return review("ra", step, question, letter);
        }
    }

    /** The Hint button of a review question. */
    record ReviewHint(ReviewStep step, QuestionRef question) implements CustomId {
        public String encode() {
            return review("rh", step, question);
        }
    }

    /** The Show solution button of a review question: giving up. */
    record ReviewReveal(ReviewStep step, QuestionRef question) implements CustomId {
        public String encode() {
            return review("rg", step, question);
        }
    }

    /** The menu of part {@code part} (1-based) of a review question: a blank, an item, or the several options. */
    record ReviewBlank(ReviewStep step, QuestionRef question, int part) implements CustomId {
        public String encode() {
            return review("rb", step, question, Integer.toString(part));
        }
    }

    /** The Check button of a review question answered in menus. */
    record ReviewCheck(ReviewStep step, QuestionRef question) implements CustomId {
        public String encode() {
            return review("rc", step, question);
        }
    }

    /** The Answer button of a typed review question: opens the form. */
    record ReviewType(ReviewStep step, QuestionRef question) implements CustomId {
        public String encode() {
            return review("ry", step, question);
        }
    }

    /** The answer form of a typed review question. */
    record ReviewTyped(ReviewStep step, QuestionRef question) implements CustomId {
        public String encode() {
            return review("rym", step, question);
        }
    }

    /** Next, once a review question has ended: the following due question, or the end of the session. */
    record ReviewNext(ReviewStep step, String topicId) implements CustomId {
        public String encode() {
            String[] s = step.parts();
            return join("rn", s[0], s[1], s[2], step.oneTopic() ? topicId : "-");
        }
    }

    private static String review(String kind, ReviewStep step, QuestionRef question, String... more) {
        String[] s = step.parts();
        String[] parts = new String[6 + more.length];
        parts[0] = kind;
        System.arraycopy(s, 0, parts, 1, 3);
        parts[4] = question.topicId();
        parts[5] = question.questionId();
        System.arraycopy(more, 0, parts, 6, more.length);
        return join(parts);
    }

    private static String join(String... parts) {
        String id = PREFIX + ":" + String.join(":", parts);
        if (id.length() > DisplayLimits.CUSTOM_ID) {
            throw new IllegalArgumentException("custom id over " + DisplayLimits.CUSTOM_ID + " characters: " + id);
        }
        return id;
    }

    Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    Pattern LETTER = Pattern.compile("[A-Y]");
    Pattern SMALL = Pattern.compile("0|[1-9][0-9]{0,3}");
    Pattern BASE36 = Pattern.compile("[0-9a-z]{1,13}");

    /** Reads an id back; empty for anything this version of the bot did not make. */
    static Optional<CustomId> parse(String text) {
        if (text == null || text.length() > DisplayLimits.CUSTOM_ID) {
            return Optional.empty();
        }
        String[] p = text.split(":", -1);
        if (p.length < 3 || !p[0].equals(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(switch (p[1]) {
                case "a" -> p.length == 5 && isLetter(p[4]) ? answer(ref(p), p[4]) : null;
                case "br" -> p.length == 3 && id(p[2]) ? new BankRemove(p[2]) : null;
                case "fm" -> p.length == 3 && test(p[2]) ? new ForgetMe(Long.parseLong(p[2], 36)) : null;
                case "sq" -> p.length == 3 && id(p[2]) ? new SuggestForm(p[2]) : null;
                case "sqr" -> p.length == 3 && id(p[2]) ? new SuggestRetry(p[2]) : null;
                case "sa" -> p.length == 3 && test(p[2]) ? new SuggestReview(Long.parseLong(p[2], 36), SuggestReview.Verdict.APPROVE) : null;
                case "se" -> p.length == 3 && test(p[2]) ? new SuggestReview(Long.parseLong(p[2], 36), SuggestReview.Verdict.EDIT) : null;
                case "sx" -> p.length == 3 && test(p[2]) ? new SuggestReview(Long.parseLong(p[2], 36), SuggestReview.Verdict.REJECT) : null;
                case "sem" -> p.length == 3 && test(p[2]) ? new SuggestEdited(Long.parseLong(p[2], 36)) : null;
                case "h" -> p.length == 4 && ref(p) != null ? new Hint(ref(p)) : null;
                case "g" -> p.length == 4 && ref(p) != null ? new Reveal(ref(p)) : null;
                case "s" -> p.length == 4 && ref(p) != null ? new ShowSolution(ref(p)) : null;
                case "c" -> p.length == 4 && ref(p) != null ? new Check(ref(p)) : null;
                case "b" -> p.length == 5 && ref(p) != null && blank(p[4]) ? new Blank(ref(p), Integer.parseInt(p[4])) : null;
                case "y" -> p.length == 4 && ref(p) != null ? new Type(ref(p)) : null;
                case "ym" -> p.length == 4 && ref(p) != null ? new Typed(ref(p)) : null;
                case "ly" -> p.length == 4 && id(p[2]) && SMALL.matcher(p[3]).matches()
                        ? new LessonType(p[2], Integer.parseInt(p[3])) : null;
                case "lym" -> p.length == 4 && id(p[2]) && SMALL.matcher(p[3]).matches()
                        ? new LessonTyped(p[2], Integer.parseInt(p[3])) : null;
                case "ty" -> p.length == 4 && test(p[2]) && SMALL.matcher(p[3]).matches()
                        ? new TestType(Long.parseLong(p[2], 36), Integer.parseInt(p[3])) : null;
                case "tym" -> p.length == 4 && test(p[2]) && SMALL.matcher(p[3]).matches()
                        ? new TestTyped(Long.parseLong(p[2], 36), Integer.parseInt(p[3])) : null;
                case "l" -> p.length == 4 && id(p[2]) && SMALL.matcher(p[3]).matches()
                        ? new LessonPage(p[2], Integer.parseInt(p[3])) : null;
                case "la" -> p.length == 5 && id(p[2]) && SMALL.matcher(p[3]).matches() && LETTER.matcher(p[4]).matches()
                        ? new LessonAnswer(p[2], Integer.parseInt(p[3]), p[4]) : null;
                case "ta" -> p.length == 5 && test(p[2]) && SMALL.matcher(p[3]).matches() && LETTER.matcher(p[4]).matches()
                        ? new TestAnswer(Long.parseLong(p[2], 36), Integer.parseInt(p[3]), p[4]) : null;
                case "tb" -> p.length == 5 && test(p[2]) && SMALL.matcher(p[3]).matches() && blank(p[4])
                        ? new TestBlank(Long.parseLong(p[2], 36), Integer.parseInt(p[3]), Integer.parseInt(p[4])) : null;
                case "ts" -> p.length == 4 && test(p[2]) && SMALL.matcher(p[3]).matches()
                        ? new TestSubmit(Long.parseLong(p[2], 36), Integer.parseInt(p[3])) : null;
                case "tk" -> p.length == 4 && test(p[2]) && SMALL.matcher(p[3]).matches()
                        ? new TestSkip(Long.parseLong(p[2], 36), Integer.parseInt(p[3])) : null;
                case "ra" -> p.length == 8 && reviewRef(p) != null && LETTER.matcher(p[7]).matches()
                        ? new ReviewAnswer(ReviewStep.parse(p), reviewRef(p), p[7]) : null;
                case "rh" -> p.length == 7 && reviewRef(p) != null ? new ReviewHint(ReviewStep.parse(p), reviewRef(p)) : null;
                case "rg" -> p.length == 7 && reviewRef(p) != null ? new ReviewReveal(ReviewStep.parse(p), reviewRef(p)) : null;
                case "rc" -> p.length == 7 && reviewRef(p) != null ? new ReviewCheck(ReviewStep.parse(p), reviewRef(p)) : null;
                case "ry" -> p.length == 7 && reviewRef(p) != null ? new ReviewType(ReviewStep.parse(p), reviewRef(p)) : null;
                case "rym" -> p.length == 7 && reviewRef(p) != null ? new ReviewTyped(ReviewStep.parse(p), reviewRef(p)) : null;
                case "rb" -> p.length == 8 && reviewRef(p) != null && blank(p[7])
                        ? new ReviewBlank(ReviewStep.parse(p), reviewRef(p), Integer.parseInt(p[7])) : null;
                case "rn" -> p.length == 6 && ReviewStep.parse(p) != null
                        && (ReviewStep.parse(p).oneTopic() ? id(p[5]) : p[5].equals("-"))
                        ? new ReviewNext(ReviewStep.parse(p), ReviewStep.parse(p).oneTopic() ? p[5] : "") : null;
                default -> null;
            });
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * An answer button, the click every member makes, read on JDA's one event thread: its question is
     * checked once, its letter without a regular expression.
     */
    private static Answer answer(QuestionRef question, String letter) {
        return question == null ? null : new Answer(question, letter);
    }

    /** One capital letter A to Y, as {@link #LETTER} matches. */
    private static boolean isLetter(String s) {
        return s.length() == 1 && s.charAt(0) >= 'A' && s.charAt(0) <= 'Y';
    }

    private static QuestionRef ref(String[] p) {
        return id(p[2]) && id(p[3]) ? new QuestionRef(p[2], p[3]) : null;
    }

    /** The question of a review component, after its step: {@code qt1:r?:session:done:scope:topic:question...}. */
    private static QuestionRef reviewRef(String[] p) {
        return p.length >= 7 && ReviewStep.parse(p) != null && id(p[5]) && id(p[6]) ? new QuestionRef(p[5], p[6]) : null;
    }

    /**
     * A topic or question id, as {@link #ID} matches: runs of lower-case letters and digits joined by
     * single hyphens. Checked by hand: every click's id is read on JDA's one event thread, and a
     * matcher per part was a measurable share of it.
     */
    private static boolean id(String s) {
        if (s.isEmpty() || s.length() > DisplayLimits.ID) {
            return false;
        }
        boolean afterHyphen = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-') {
                if (afterHyphen) {
                    return false;
                }
                afterHyphen = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                afterHyphen = false;
            } else {
                return false;
            }
        }
        return !afterHyphen;
    }

    private static boolean blank(String s) {
        return s.length() == 1 && s.charAt(0) >= '1' && s.charAt(0) <= '0' + DisplayLimits.BLANKS;
    }

    private static boolean test(String s) {
        return BASE36.matcher(s).matches();
    }
}
