package com.dominusleads.leads.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text folded for comparison the way a Brazilian user types it: case, accents and punctuation do not matter
 * ("São Paulo", "sao paulo" and "SAO-PAULO" are one key), and an apostrophe joins its words ("D'Oeste" = "doeste").
 */
public final class TextKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’`´]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextKey() {
    }

    /** The folded form: lower case, no accents, words separated by one space; "" for null or blank. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        plain = APOSTROPHES.matcher(plain).replaceAll("");
        return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
