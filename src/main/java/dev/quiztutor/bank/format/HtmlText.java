package dev.quiztutor.bank.format;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML (Moodle's question texts) to the markdown Discord shows: bold, italics, code, lists, links;
 * entities decoded. Discord cannot show an image inline in our posts, so each one is named in
 * {@code dropped} for the import report.
 */
public final class HtmlText {
    private HtmlText() {
    }

    public static String toMarkdown(String html, List<String> dropped) {
        Element body = Jsoup.parseBodyFragment(html).body();
        StringBuilder out = new StringBuilder();
        children(body, out, dropped);
        return tidy(out.toString());
    }

    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile(
            "</?(p|br|b|i|u|s|em|strong|a|img|ul|ol|li|code|pre|span|div|sub|sup|table|tr|td|th|h[1-6]|del|tt|blockquote)\\b[^>]*>"
                    + "|&[a-zA-Z]+;|&#[0-9]+;|&#x[0-9a-fA-F]+;", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Whether a text in Moodle's "auto" format holds HTML: known tags or entities. "x < y" and
     * "&lt;features&gt;" as words stay text rather than vanish as unknown tags.
     */
    public static boolean hasMarkup(String text) {
        // Every tag starts with '<' and every entity with '&': most texts have neither.
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return false;
        }
        return MARKUP.matcher(text).find();
    }

    private static void children(Node node, StringBuilder out, List<String> dropped) {
        for (Node child : node.childNodes()) {
            convert(child, out, dropped);
        }
    }

    private static void convert(Node node, StringBuilder out, List<String> dropped) {
        if (node instanceof TextNode text) {
            out.append(text.text().replaceAll("\\s+", " "));
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        switch (e.normalName()) {
            case "br" -> out.append('\n');
            case "p", "div", "blockquote", "section", "article", "table" -> block(e, out, dropped);
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                out.append("\n\n**");
                children(e, out, dropped);
                out.append("**\n\n");
            }
            case "tr" -> {
                children(e, out, dropped);
                out.append('\n');
            }
            case "td", "th" -> {
                children(e, out, dropped);
                out.append(" | ");
            }
            case "b", "strong" -> wrap(e, "**", out, dropped);
            case "i", "em" -> wrap(e, "*", out, dropped);
            case "u" -> wrap(e, "__", out, dropped);
            case "s", "strike", "del" -> wrap(e, "~~", out, dropped);
            case "code", "tt", "kbd", "samp" -> out.append('`').append(e.text()).append('`');
            case "pre" -> out.append("\n```\n").append(e.wholeText().replaceAll("^\\n+|\\s+$", "")).append("\n```\n");
            case "ul", "ol" -> list(e, out, dropped);
            case "a" -> link(e, out, dropped);
            case "img" -> {
                String what = !e.attr("alt").isBlank() ? e.attr("alt") : e.attr("src");
                dropped.add("image \"" + what.replace("@@PLUGINFILE@@/", "") + "\"");
            }
            case "script", "style", "head" -> {
            }
            default -> children(e, out, dropped);
        }
    }

    private static void block(Element e, StringBuilder out, List<String> dropped) {
        out.append("\n\n");
        children(e, out, dropped);
        out.append("\n\n");
    }

    private static void wrap(Element e, String mark, StringBuilder out, List<String> dropped) {
        StringBuilder inner = new StringBuilder();
        children(e, inner, dropped);
        String text = inner.toString();
        if (text.isBlank()) {
            out.append(text);
            return;
        }
        // Markdown marks must touch the text: "<b> bold </b>" becomes " **bold** ".
        String lead = text.substring(0, text.length() - text.stripLeading().length());
        String trail = text.substring(text.stripTrailing().length());
        out.append(lead).append(mark).append(text.strip()).append(mark).append(trail);
    }

    private static void list(Element e, StringBuilder out, List<String> dropped) {
        out.append("\n\n");
        int n = 1;
        for (Element item : e.children()) {
            out.append(e.normalName().equals("ol") ? (n++) + ". " : "- ");
            StringBuilder inner = new StringBuilder();
            children(item, inner, dropped);
            out.append(inner.toString().strip()).append('\n');
        }
        out.append('\n');
    }

    private static void link(Element e, StringBuilder out, List<String> dropped) {
        StringBuilder inner = new StringBuilder();
        children(e, inner, dropped);
        String text = inner.toString().strip();
        String href = e.attr("href");
        if (href.startsWith("http://") || href.startsWith("https://")) {
            out.append(text.isEmpty() ? href : "[" + text + "](" + href + ")");
        } else {
            if (href.startsWith("@@PLUGINFILE@@/")) {
                dropped.add("file \"" + href.substring("@@PLUGINFILE@@/".length()) + "\"");
            }
            out.append(inner);
        }
    }

    /** Spaces left by the HTML's own line breaks go, except inside code blocks, where they are the code. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        boolean code = false;
        for (String line : text.replace('\u00A0', ' ').split("\n", -1)) {
            if (line.equals("```")) {
                code = !code;
            }
            out.append(code ? line : line.strip().replaceAll(" {2,}", " ")).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
