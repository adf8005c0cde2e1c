package com.dominusleads.directory;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/** A CNAE 2.3 subclass: 7-digit code, description and the letter of its section (A–U). */
public record Cnae(int code, String description, String section) {

    private static final Pattern PUNCTUATION = Pattern.compile("[.\\-/\\s]");
    private static final Pattern SEVEN_DIGITS = Pattern.compile("[0-9]{7}");

    /**
     * The subclass code in {@code value}: written plainly (6201501), with its punctuation (6201-5/01), or as a JSON
     * number; empty when it is none of those. Says nothing about whether the code exists.
     */
    public static OptionalInt parseCode(Object value) {
        if (value instanceof Number n) {
            long code = n.longValue();
            return code > 0 && code < 10_000_000 && n.doubleValue() == code ? OptionalInt.of((int) code) : OptionalInt.empty();
        }
        String digits = value == null ? "" : PUNCTUATION.matcher(value.toString()).replaceAll("");
        return SEVEN_DIGITS.matcher(digits).matches() ? OptionalInt.of(Integer.parseInt(digits)) : OptionalInt.empty();
    }
}
