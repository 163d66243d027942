package dev.quiztutor.tutor;

/**
 * Where a question was asked: the post (a Discord message id; a console question number) and the
 * guild it is in (0 outside Discord). Every member answering the same post has their own attempt;
 * another day's post of the same question is a fresh attempt.
 */
public record Place(long guild, long post) {
    /** The console and tests: no guild. */
    public static Place local(long post) {
        return new Place(0, post);
    }
}
