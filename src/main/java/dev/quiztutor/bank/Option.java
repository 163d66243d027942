package dev.quiztutor.bank;

/**
 * One lettered option: an answer of a choice or multiple-response question, or an entry of the shared
 * pool of a blanks task or a matching question. {@code feedback} ("" for none) is what a learner who
 * picks it is told, such as why a distractor is wrong.
 */
public record Option(String letter, String text, String feedback) {
    public Option(String letter, String text) {
        this(letter, text, "");
    }

    public Option {
        feedback = feedback == null ? "" : feedback;
    }

    /** "B. Managed": how the option reads on a button, a select entry or a console line. */
    public String label() {
        return letter + ". " + text;
    }

    /** {@code label().length()} without making the label: checked for every option of a large bank. */
    public int labelLength() {
        return letter.length() + 2 + text.length();
    }

    public boolean hasFeedback() {
        return !feedback.isEmpty();
    }
}
