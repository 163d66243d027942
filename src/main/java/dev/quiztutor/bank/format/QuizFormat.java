package dev.quiztutor.bank.format;

import java.util.List;

/**
 * A foreign question format, in the manner of Moodle's {@code question/format/<name>}: it reads one
 * file's text into drafts and says which files look like its own. Everything else (decoding the
 * bytes, categories into topics, ids, writing, reporting) is done once, by {@link Importer}.
 */
public interface QuizFormat {
    /** The name given to {@code --format}. */
    String name();

    /** File name endings, without the dot, that mean this format. */
    List<String> extensions();

    /** Whether this text is probably in this format, for files whose name does not say. */
    boolean looksLike(String text);

    /**
     * Reads the questions of one file. The text has no byte order mark and only {@code \n} line
     * endings. Questions that cannot be imported are skipped in the batch, never thrown.
     */
    Batch read(String file, String text) throws FormatException;
}
