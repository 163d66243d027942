package dev.quiztutor.bank.format.moodlexml;

import dev.quiztutor.bank.format.Batch;
import dev.quiztutor.bank.format.Draft;
import dev.quiztutor.bank.format.FormatException;
import dev.quiztutor.bank.format.HtmlText;
import dev.quiztutor.bank.format.MatchingPairs;
import dev.quiztutor.bank.format.NumericAnswer;
import dev.quiztutor.bank.format.QuizFormat;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Moodle XML (docs.moodle.org/en/Moodle_XML_format): {@code <quiz>} of {@code <question type=...>},
 * category questions switching the category. The XML is parsed with DTDs and external entities
 * refused: a quiz file never needs them, and they are how XML files read other files (XXE).
 */
public final class MoodleXmlFormat implements QuizFormat {
    private static final Map<String, String> NOT_SUPPORTED = Map.ofEntries(
            Map.entry("essay", "an essay question (no answer to grade)"),
            Map.entry("cloze", "a cloze (embedded answers) question"),
            Map.entry("multianswer", "a cloze (embedded answers) question"),
            Map.entry("description", "a description, not a question"),
            Map.entry("calculated", "a calculated question (its numbers are drawn at random)"),
            Map.entry("calculatedsimple", "a calculated question (its numbers are drawn at random)"),
            Map.entry("calculatedmulti", "a calculated question (its numbers are drawn at random)"),
            Map.entry("ddwtos", "a drag-and-drop question"),
            Map.entry("ddimageortext", "a drag-and-drop question"),
            Map.entry("ddmarker", "a drag-and-drop question"),
            Map.entry("gapselect", "a select-missing-words question"),
            Map.entry("randomsamatch", "a random short-answer matching question"),
            Map.entry("random", "a random question (a placeholder, not a question)"),
            Map.entry("ordering", "an ordering question"));

    @Override
    public String name() {
        return "moodle-xml";
    }

    @Override
    public List<String> extensions() {
        return List.of("xml");
    }

    @Override
    public boolean looksLike(String text) {
        String start = text.stripLeading();
        return start.startsWith("<?xml") || start.startsWith("<quiz");
    }

    @Override
    public Batch read(String file, String text) throws FormatException {
        Document doc = parse(text);
        List<Integer> lines = questionLines(text);
        Batch batch = new Batch(file);
        Element quiz = doc.getDocumentElement();
        if (!quiz.getTagName().equals("quiz")) {
            throw new FormatException(1, "not a Moodle XML file: the root element is <" + quiz.getTagName() + ">, not <quiz>");
        }
        String category = "";
        int index = 0;
        for (Element q : children(quiz, "question")) {
            int line = index < lines.size() ? lines.get(index) : 1;
            index++;
            String type = q.getAttribute("type").strip().toLowerCase(Locale.ROOT);
            if (type.equals("category")) {
                category = child(q, "category").map(c -> textOf(c).strip()).orElse(category);
                continue;
            }
            new Question(batch, q, line, category).read(type);
        }
        return batch;
    }

    /** One {@code <question>}: its common parts, then its type's answers. */
    private static final class Question {
        final Batch batch;
        final Element q;
        final int line;
        final String name;
        final String category;
        final List<String> dropped = new ArrayList<>();

        Question(Batch batch, Element q, int line, String category) {
            this.batch = batch;
            this.q = q;
            this.line = line;
            this.category = category;
            this.name = child(q, "name").map(n -> textOf(n).strip()).orElse("");
        }

        void read(String type) {
            String label = name.isEmpty() ? "(no name)" : name;
            if (NOT_SUPPORTED.containsKey(type)) {
                batch.skip(line, label, NOT_SUPPORTED.get(type));
                return;
            }
            String prompt = child(q, "questiontext").map(this::rich).orElse("");
            if (label.equals("(no name)") && !prompt.isBlank()) {
                label = prompt.length() <= 40 ? prompt : prompt.substring(0, 39) + "…";
            }
            if (prompt.isBlank()) {
                batch.skip(line, label, "no question text");
                return;
            }
            List<String> hints = children(q, "hint").stream().map(this::rich).filter(h -> !h.isBlank()).toList();
            Draft.Common common = Draft.Common.of(line, name, category, prompt)
                    .withGeneralFeedback(child(q, "generalfeedback").map(this::rich).orElse(""))
                    .withHints(hints)
                    .withAttempts(attempts())
                    .withDifficulty(difficulty());
            Optional<Draft> draft = switch (type) {
                case "multichoice" -> choice(common, label);
                case "truefalse" -> trueFalse(common, label);
                case "shortanswer" -> shortAnswer(common, label);
                case "numerical" -> numerical(common, label);
                case "matching", "match" -> matching(common, label);
                default -> {
                    batch.skip(line, label, "question type \"" + type + "\" is not supported");
                    yield Optional.empty();
                }
            };
            String l = label;
            dropped.forEach(what -> batch.note(line, l, what + " dropped"));
            draft.ifPresent(batch::add);
        }

        /**
         * Moodle takes off {@code penalty} of the mark per wrong try; we give a number of tries, each
         * wrong one costing 1/3. 1/penalty tries keeps "how many wrong tries before it is worth nothing".
         */
        OptionalInt attempts() {
            Optional<Double> penalty = child(q, "penalty").flatMap(p -> NumericAnswer.number(textOf(p)));
            if (penalty.isEmpty()) {
                return OptionalInt.empty();
            }
            double p = penalty.get();
            int tries = p >= 1 ? 1 : p <= 0.1 ? 10 : (int) Math.round(1 / p);
            return tries == 3 ? OptionalInt.empty() : OptionalInt.of(tries);
        }

        /** A tag {@code difficulty:hard}, as quiztutor's export writes it (Moodle has no difficulty field). */
        Optional<String> difficulty() {
            return child(q, "tags").stream().flatMap(t -> children(t, "tag").stream())
                    .map(t -> textOf(t).strip().toLowerCase(Locale.ROOT))
                    .filter(t -> t.startsWith("difficulty:"))
                    .map(t -> t.substring("difficulty:".length()).strip()).findFirst();
        }

        record Answer(double fraction, String text, String feedback) {
        }

        List<Answer> answers(boolean rich) {
            List<Answer> out = new ArrayList<>();
            for (Element a : children(q, "answer")) {
                double fraction = NumericAnswer.number(a.getAttribute("fraction")).orElse(0.0);
                String text = rich ? rich(a) : child(a, "text").map(t -> textOf(t).strip()).orElse("");
                String feedback = child(a, "feedback").map(this::rich).orElse("");
                out.add(new Answer(fraction, text, feedback));
            }
            return out;
        }

        Optional<Draft> choice(Draft.Common common, String label) {
            boolean single = child(q, "single").map(s -> !textOf(s).strip().matches("(?i)false|0")).orElse(true);
            List<Draft.Option> options = new ArrayList<>();
            List<Integer> full = new ArrayList<>();
            List<Integer> positive = new ArrayList<>();
            for (Answer a : answers(true)) {
                if (a.fraction() >= 99.9) {
                    full.add(options.size());
                }
                if (a.fraction() > 0) {
                    positive.add(options.size());
                }
                options.add(new Draft.Option(a.text(), a.feedback()));
            }
            if (options.stream().anyMatch(o -> o.text().isBlank())) {
                batch.skip(line, label, "an option has no text (an image alone?)");
                return Optional.empty();
            }
            if (!single) {
                if (positive.isEmpty()) {
                    batch.skip(line, label, "no right answer");
                    return Optional.empty();
                }
                return Optional.of(new Draft.Multi(common, options, positive));
            }
            if (full.size() != 1) {
                batch.skip(line, label, full.isEmpty() ? "no fully right answer"
                        : "several fully right answers in a one-answer question; our choice has one right option");
                return Optional.empty();
            }
            if (positive.size() > 1) {
                batch.note(line, label, "partial credit is not supported; only \"" + options.get(full.get(0)).text()
                        + "\" counts as right");
            }
            return Optional.of(new Draft.Choice(common, options, full.get(0)));
        }

        Optional<Draft> trueFalse(Draft.Common common, String label) {
            Boolean answer = null;
            String feedbackTrue = "";
            String feedbackFalse = "";
            for (Answer a : answers(false)) {
                boolean isTrue = a.text().equalsIgnoreCase("true");
                if (isTrue) {
                    feedbackTrue = a.feedback();
                } else {
                    feedbackFalse = a.feedback();
                }
                if (a.fraction() >= 99.9) {
                    answer = isTrue;
                }
            }
            if (answer == null) {
                batch.skip(line, label, "neither true nor false is marked right");
                return Optional.empty();
            }
            return Optional.of(new Draft.TrueFalse(common, answer, feedbackTrue, feedbackFalse));
        }

        Optional<Draft> shortAnswer(Draft.Common common, String label) {
            List<String> accept = new ArrayList<>();
            Map<String, String> feedback = new LinkedHashMap<>();
            for (Answer a : answers(false)) {
                if (a.text().equals("*")) {
                    if (!a.feedback().isBlank()) {
                        batch.note(line, label, "the feedback for any other answer (\"*\") is not supported: \""
                                + a.feedback() + "\"");
                    }
                    continue;
                }
                if (a.text().contains("*")) {
                    // Moodle's wildcard: "*" alone is any other answer, "colo*r" a pattern we cannot hold.
                    batch.note(line, label, "the wildcard answer \"" + a.text() + "\" is not supported");
                    continue;
                }
                if (a.text().isEmpty()) {
                    continue;
                }
                if (a.fraction() >= 99.9) {
                    accept.add(a.text());
                } else if (a.fraction() > 0) {
                    batch.note(line, label, "partial credit is not supported; \"" + a.text() + "\" counts as wrong");
                }
                if (!a.feedback().isBlank()) {
                    feedback.put(a.text(), a.feedback());
                }
            }
            if (accept.isEmpty()) {
                batch.skip(line, label, "no fully right answer");
                return Optional.empty();
            }
            return Optional.of(new Draft.Short(common, accept, 0, feedback));
        }

        Optional<Draft> numerical(Draft.Common common, String label) {
            List<NumericAnswer> accept = new ArrayList<>();
            Map<String, String> feedback = new LinkedHashMap<>();
            for (Element a : children(q, "answer")) {
                double fraction = NumericAnswer.number(a.getAttribute("fraction")).orElse(0.0);
                String value = child(a, "text").map(t -> textOf(t).strip()).orElse("");
                String fb = child(a, "feedback").map(this::rich).orElse("");
                if (value.equals("*") || value.isEmpty()) {
                    if (!fb.isBlank()) {
                        batch.note(line, label, "the feedback for any other answer is not supported: \"" + fb + "\"");
                    }
                    continue;
                }
                Optional<Double> number = NumericAnswer.number(value);
                if (number.isEmpty()) {
                    batch.skip(line, label, "\"" + value + "\" is not a number");
                    return Optional.empty();
                }
                double tolerance = child(a, "tolerance").flatMap(t -> NumericAnswer.number(textOf(t))).orElse(0.0);
                if (fraction >= 99.9) {
                    accept.add(new NumericAnswer.Value(number.get(), Math.abs(tolerance)));
                } else if (fraction > 0) {
                    batch.note(line, label, "partial credit is not supported; " + value + " counts as wrong");
                }
                if (!fb.isBlank()) {
                    feedback.put(NumericAnswer.text(number.get()), fb);
                }
            }
            if (accept.isEmpty()) {
                batch.skip(line, label, "no fully right number");
                return Optional.empty();
            }
            return Optional.of(new Draft.Numeric(common, accept, unit(), feedback));
        }

        /** The unit whose multiplier is 1: the one the answer is given in. */
        String unit() {
            return child(q, "units").stream().flatMap(u -> children(u, "unit").stream())
                    .filter(u -> child(u, "multiplier").flatMap(m -> NumericAnswer.number(textOf(m))).orElse(1.0) == 1.0)
                    .map(u -> child(u, "unit_name").map(n -> textOf(n).strip()).orElse(""))
                    .filter(n -> !n.isEmpty()).findFirst().orElse("");
        }

        Optional<Draft> matching(Draft.Common common, String label) {
            MatchingPairs pairs = new MatchingPairs();
            for (Element sub : children(q, "subquestion")) {
                String item = rich(sub);
                String match = child(sub, "answer").flatMap(a -> child(a, "text")).map(t -> textOf(t).strip()).orElse("");
                if (match.isEmpty()) {
                    continue;
                }
                pairs.add(item, match);
            }
            return pairs.draft(common, batch, line, label);
        }

        /** The {@code <text>} of a part, in its {@code format}: HTML becomes markdown, images are noted. */
        String rich(Element part) {
            String text = child(part, "text").map(MoodleXmlFormat::textOf).orElse("").strip();
            String format = part.getAttribute("format").toLowerCase(Locale.ROOT);
            boolean html = format.equals("html") || !format.equals("plain_text") && !format.equals("markdown")
                    && HtmlText.hasMarkup(text);
            return html ? HtmlText.toMarkdown(text, dropped) : text;
        }
    }

    private static Document parse(String text) throws FormatException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                // The default handler prints "[Fatal Error]" to stderr; the import reports it instead.
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            String message = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "a DOCTYPE is not allowed in a quiz file (remove it)"
                    : "not well-formed XML: " + e.getMessage();
            throw new FormatException(Math.max(1, e.getLineNumber()), message);
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            throw new FormatException(1, "cannot read the XML: " + e.getMessage());
        }
    }

    /** The line of each {@code <question>} of the quiz, in order (the DOM does not keep lines). */
    private static List<Integer> questionLines(String text) {
        List<Integer> lines = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(text));
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2 && reader.getLocalName().equals("question")) {
                        lines.add(reader.getLocation().getLineNumber());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            // The DOM parse already accepted the file; without lines, questions are reported at line 1.
        }
        return lines;
    }

    static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text of an element's {@code <text>} child, or its own text; CDATA included. */
    static String textOf(Element e) {
        return child(e, "text").map(Node::getTextContent).orElse(e.getTextContent());
    }
}
