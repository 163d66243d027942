package dev.quiztutor.bank;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One topic of the bank, loaded from one quiz file. */
public record Topic(
        String id,
        String title,
        String category,
        String summary,
        int minutes,
        Optional<Lesson> lesson,
        List<Question> questions,
        Path source) {

    public Topic {
        questions = List.copyOf(questions);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public List<Question> questions(QuestionKind kind) {
        return questions.stream().filter(q -> q.kind() == kind).toList();
    }

    public long count(QuestionKind kind) {
        return questions.stream().filter(q -> q.kind() == kind).count();
    }

    /** Questions of any of {@code kinds}, such as {@link QuestionKind#PRACTICE}. */
    public long count(java.util.Set<QuestionKind> kinds) {
        return questions.stream().filter(q -> kinds.contains(q.kind())).count();
    }
}
