package dev.quiztutor.bank.format.moodlexml;

import dev.quiztutor.bank.Option;
import dev.quiztutor.bank.Question;
import dev.quiztutor.bank.QuestionType;
import dev.quiztutor.bank.Topic;
import dev.quiztutor.bank.format.QuizExporter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes topics in Moodle XML, the way {@link MoodleXmlFormat} and Moodle's own importer read them: a
 * category question per topic, then each question with its id as {@code <name>}, texts in Moodle's
 * {@code markdown} format (ours is markdown, so nothing is converted), hints as {@code <hint>}s,
 * tries as {@code <penalty>} (1/tries), the difficulty as the tag {@code difficulty:hard}, the
 * solution as the general feedback. Built as a DOM and serialised by the JDK's XML writer, so every
 * text is escaped and the file is well-formed whatever the texts hold.
 */
public final class MoodleXmlExporter implements QuizExporter {
    private static final String MARKDOWN = "markdown";

    @Override
    public String name() {
        return "moodle-xml";
    }

    @Override
    public String write(List<Topic> topics) {
        Document doc = document();
        Element quiz = doc.createElement("quiz");
        doc.appendChild(quiz);
        for (Topic topic : topics) {
            quiz.appendChild(doc.createComment(" " + topic.id() + ": exported by quiztutor "));
            Element category = question(doc, "category");
            Element path = add(category, "category");
            add(path, "text").setTextContent(QuizExporter.category(topic));
            quiz.appendChild(category);
            for (Question q : topic.questions()) {
                quiz.appendChild(new Writer(doc, q).write());
            }
        }
        return serialise(doc);
    }

    /** One question's element; the type's answers first written by {@link #answers}. */
    private static final class Writer {
        final Document doc;
        final Question q;
        Element e;

        Writer(Document doc, Question q) {
            this.doc = doc;
            this.q = q;
        }

        Element write() {
            String prompt = QuizExporter.prompt(q);
            String type = switch (q.kind()) {
                case CHOICE, MULTI -> "multichoice";
                case TRUEFALSE -> "truefalse";
                case SHORT -> "shortanswer";
                case NUMERIC -> "numerical";
                case MATCHING, BLANKS -> "matching";
            };
            QuizExporter.Pairs pairs = null;
            if (type.equals("matching")) {
                pairs = QuizExporter.pairs(q);
                prompt = pairs.prompt();
            }
            e = question(doc, type);
            add(add(e, "name"), "text").setTextContent(q.id());
            rich(add(e, "questiontext"), prompt);
            rich(add(e, "generalfeedback"), QuizExporter.generalFeedback(q));
            add(e, "defaultgrade").setTextContent("1");
            add(e, "penalty").setTextContent(QuizExporter.penalty(q.attempts()));
            add(e, "hidden").setTextContent("0");
            switch (q.kind()) {
                case CHOICE -> {
                    QuestionType.Choice c = (QuestionType.Choice) q.type();
                    choiceSettings(true);
                    c.options().forEach(o -> option(o, o.letter().equals(c.answer()) ? "100" : "0"));
                }
                case MULTI -> {
                    QuestionType.MultipleResponse m = (QuestionType.MultipleResponse) q.type();
                    choiceSettings(false);
                    String share = QuizExporter.shareOf(m.answer().size());
                    m.options().forEach(o -> option(o, m.answer().contains(o.letter()) ? share : "-100"));
                }
                case TRUEFALSE -> {
                    QuestionType.TrueFalse t = (QuestionType.TrueFalse) q.type();
                    answer(t.answer() ? "100" : "0", "true", t.feedbackTrue());
                    answer(t.answer() ? "0" : "100", "false", t.feedbackFalse());
                }
                case SHORT -> {
                    QuestionType.ShortAnswer s = (QuestionType.ShortAnswer) q.type();
                    // Our answers ignore case (TypedText.normalise); so does Moodle with usecase 0.
                    add(e, "usecase").setTextContent("0");
                    s.accepted().forEach(a -> answer("100", a, s.feedback(a).orElse("")));
                    s.known().stream().filter(k -> !s.accepted().contains(k.answer()))
                            .forEach(k -> answer("0", k.answer(), k.feedback()));
                }
                case NUMERIC -> numeric((QuestionType.Numeric) q.type());
                case MATCHING, BLANKS -> {
                    add(e, "shuffleanswers").setTextContent("true");
                    for (QuizExporter.Pair p : pairs.pairs()) {
                        Element sub = add(e, "subquestion");
                        sub.setAttribute("format", MARKDOWN);
                        add(sub, "text").setTextContent(p.item());
                        add(add(sub, "answer"), "text").setTextContent(p.answer());
                    }
                }
            }
            for (String hint : q.hints()) {
                rich(add(e, "hint"), hint);
            }
            add(add(add(e, "tags"), "tag"), "text").setTextContent(QuizExporter.difficultyTag(q.difficulty()));
            return e;
        }

        /** One answer, in the options' order (A, B, ...), never shuffled, so letters mean the same. */
        void choiceSettings(boolean single) {
            add(e, "single").setTextContent(String.valueOf(single));
            add(e, "shuffleanswers").setTextContent("false");
            add(e, "answernumbering").setTextContent("ABCD");
        }

        void option(Option o, String fraction) {
            Element answer = add(e, "answer");
            answer.setAttribute("fraction", fraction);
            answer.setAttribute("format", MARKDOWN);
            add(answer, "text").setTextContent(o.text());
            feedback(answer, o.feedback());
        }

        void answer(String fraction, String text, String feedback) {
            Element answer = add(e, "answer");
            answer.setAttribute("fraction", fraction);
            add(answer, "text").setTextContent(text);
            feedback(answer, feedback);
        }

        void feedback(Element answer, String feedback) {
            rich(add(answer, "feedback"), feedback);
        }

        /**
         * Moodle's numerical answers are a value and a tolerance: a range is written as its middle
         * plus or minus half its width, the same numbers. Feedback of other numbers goes on answers
         * worth 0.
         */
        void numeric(QuestionType.Numeric n) {
            List<BigDecimal> values = new ArrayList<>();
            for (QuestionType.NumberRange r : n.accepted()) {
                values.add(r.middle());
                Element answer = add(e, "answer");
                answer.setAttribute("fraction", "100");
                add(answer, "text").setTextContent(plain(r.middle()));
                add(answer, "tolerance").setTextContent(plain(r.tolerance()));
                feedback(answer, known(n, r.middle()));
            }
            for (QuestionType.KnownNumber k : n.known()) {
                if (values.stream().noneMatch(v -> v.compareTo(k.value()) == 0)) {
                    Element answer = add(e, "answer");
                    answer.setAttribute("fraction", "0");
                    add(answer, "text").setTextContent(plain(k.value()));
                    add(answer, "tolerance").setTextContent("0");
                    feedback(answer, k.feedback());
                }
            }
            if (!n.unit().isEmpty()) {
                Element unit = add(add(e, "units"), "unit");
                add(unit, "multiplier").setTextContent("1");
                add(unit, "unit_name").setTextContent(n.unit());
                // The unit is shown after the answer box and not graded, as our "unit" is optional to type.
                add(e, "unitgradingtype").setTextContent("0");
                add(e, "unitpenalty").setTextContent("0");
                add(e, "showunits").setTextContent("3");
                add(e, "unitsleft").setTextContent("0");
            }
        }

        private static String known(QuestionType.Numeric n, BigDecimal value) {
            return n.feedback(value).orElse("");
        }
    }

    private static String plain(BigDecimal value) {
        return QuestionType.NumberRange.plain(value);
    }

    private static Element question(Document doc, String type) {
        Element q = doc.createElement("question");
        q.setAttribute("type", type);
        return q;
    }

    private static Element add(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElement(name);
        parent.appendChild(child);
        return child;
    }

    /** A text in markdown, the format of our texts. */
    private static void rich(Element part, String text) {
        part.setAttribute("format", MARKDOWN);
        add(part, "text").setTextContent(text);
    }

    private static Document document() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK always has a DOM builder", e);
        }
    }

    private static String serialise(Document doc) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.toString().strip() + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException("a DOM of elements and texts always serialises", e);
        }
    }
}
