package dev.quiztutor.bank;

/** One lettered option: an answer of a choice question, or an entry of a blanks task's shared pool. */
public record Option(String letter, String text) {
    /** "B. Managed": how the option reads on a button, a select entry or a console line. */
    public String label() {
        return letter + ". " + text;
    }
}
