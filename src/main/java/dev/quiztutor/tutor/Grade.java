package dev.quiztutor.tutor;

import dev.quiztutor.bank.Question;

/** How much of one response is right: 0 or 1 of 1 for a choice question, blanks right for a task. */
public record Grade(int right, int of) {
    /** Shared instances for grades of up to {@code SHARED} parts: a grade is a value, and live attempts keep one each. */
    private static final int SHARED = 16;
    private static final Grade[][] GRADES = new Grade[SHARED + 1][];

    static {
        for (int of = 0; of <= SHARED; of++) {
            GRADES[of] = new Grade[of + 1];
            for (int right = 0; right <= of; right++) {
                GRADES[of][right] = new Grade(right, of);
            }
        }
    }

    /** The grade {@code right} of {@code of}: a shared instance when small. */
    public static Grade of(int right, int of) {
        return of >= 0 && of <= SHARED && right >= 0 && right <= of ? GRADES[of][right] : new Grade(right, of);
    }

    public boolean correct() {
        return right == of;
    }

    public static Grade of(Question question, Response response) {
        int right = 0;
        for (int i = 0; i < question.parts(); i++) {
            if (question.answerLetters().get(i).equals(response.letters().get(i))) {
                right++;
            }
        }
        return of(right, question.parts());
    }
}
