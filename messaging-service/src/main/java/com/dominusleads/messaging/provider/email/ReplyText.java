package com.dominusleads.messaging.provider.email;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contact's own words in a reply: the quoted original removed (the {@code "Em …, … escreveu:"} / {@code "On … wrote:"}
 * header line, which mail clients may wrap over two lines, and everything after it; Outlook's "Original Message"
 * separator likewise; any remaining line starting with {@code >}). HTML-only mails are reduced to text first.
 */
public final class ReplyText {

    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^[ \\t]*(?:Em|On)\\s[^\\n]*(?:\\n[^\\n]*)?\\s(?:escreveu|wrote):[ \\t]*$"
                    + "|^[ \\t]*-{2,}\\s*(?:Mensagem original|Original Message)\\s*-{2,}[ \\t]*$",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED_LINE = Pattern.compile("(?m)^[ \\t]*>.*(?:\\n|$)");
    private static final Pattern HTML_DROPPED = Pattern.compile(
            "(?is)<(head|style|script|blockquote)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern HTML_LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])\\s*>");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));");

    private ReplyText() {
    }

    /** The reply's own text from its {@code text/plain} body. */
    public static String fromPlain(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        var header = QUOTE_HEADER.matcher(normalised);
        if (header.find()) {
            normalised = normalised.substring(0, header.start());
        }
        return QUOTED_LINE.matcher(normalised).replaceAll("").strip();
    }

    /** The reply's own text from an HTML body (quoted blocks, styles and scripts dropped, entities decoded). */
    public static String fromHtml(String html) {
        String text = HTML_DROPPED.matcher(html).replaceAll("");
        text = HTML_LINE_BREAK.matcher(text).replaceAll("\n");
        text = HTML_TAG.matcher(text).replaceAll("");
        text = NUMERIC_ENTITY.matcher(text).replaceAll(m -> {
            int codePoint = m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2));
            return Character.isValidCodePoint(codePoint) ? Matcher.quoteReplacement(Character.toString(codePoint)) : "";
        });
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        return fromPlain(text.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse(""));
    }
}
