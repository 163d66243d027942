package dev.quiztutor.tutor;

import dev.quiztutor.bank.Question;

/** How much of one response is right: 0 or 1 of 1 for a choice question, blanks right for a task. */
public record Grade(int right, int of) {
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
        return new Grade(right, question.parts());
    }
}
