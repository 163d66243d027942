package dev.quiztutor.bank;

/** A titled step of a lesson flow or of a worked solution; {@code text} is empty when the title says it all. */
public record Step(String title, String text) {
    public boolean hasText() {
        return !text.isEmpty();
    }
}
