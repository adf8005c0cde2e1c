package com.dominusleads.events;

import java.util.Locale;
import java.util.Optional;

/**
 * A CNPJ (Brazilian company registry number; the format of every event's {@code cnpj} field) of 14 characters:
 * 8 of root, 4 of establishment, 2 check digits.
 * Accepts the numeric form and the alphanumeric form the Receita Federal issues from July 2026 (letters in the first
 * 12 positions, each worth its ASCII code minus 48 in the check-digit sums, so numeric CNPJs keep their digits).
 * Punctuation ({@code 11.222.333/0001-81}) is ignored on input; {@link #value()} is the bare 14 characters.
 */
public record Cnpj(String value) {

    private static final int[] FIRST_WEIGHTS = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int[] SECOND_WEIGHTS = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};

    public Cnpj {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The CNPJ written in {@code text} (with or without punctuation), or empty when it is not a valid one. */
    public static Optional<Cnpj> parse(String text) {
        String bare = strip(text);
        return problem(bare) == null ? Optional.of(new Cnpj(bare)) : Optional.empty();
    }

    /** The CNPJ whose first 12 characters (root and establishment) are {@code base}, with its check digits. */
    public static Cnpj withCheckDigits(String base) {
        String upper = base.toUpperCase(Locale.ROOT);
        int first = checkDigit(upper + "00", FIRST_WEIGHTS);
        int second = checkDigit(upper + first + "0", SECOND_WEIGHTS);
        return new Cnpj(upper + first + second);
    }

    /**
     * Whether {@code value} is a CNPJ as stored: 14 characters, no punctuation, capital letters. Allocation-free, for
     * hot paths such as loading the Receita's 66 million establishments.
     */
    public static boolean isValid(CharSequence value) {
        if (value == null || value.length() != 14) {
            return false;
        }
        boolean allSame = true;
        for (int i = 0; i < 14; i++) {
            char c = value.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && (i >= 12 || c < 'A' || c > 'Z')) {
                return false;
            }
            allSame &= c == value.charAt(0);
        }
        return !allSame && value.charAt(12) - '0' == checkDigit(value, FIRST_WEIGHTS)
                && value.charAt(13) - '0' == checkDigit(value, SECOND_WEIGHTS);
    }

    /** Why {@code text} is not a CNPJ, for an error message; null when it is one. */
    public static String problemWith(String text) {
        return problem(strip(text));
    }

    private static String strip(String text) {
        return text == null ? null : text.replaceAll("[.\\-/\\s]", "").toUpperCase(Locale.ROOT);
    }

    private static String problem(String value) {
        if (value == null || value.length() != 14) {
            return "a CNPJ has 14 characters (e.g. 11.222.333/0001-81)";
        }
        if (!value.substring(0, 12).matches("[0-9A-Z]{12}") || !value.substring(12).matches("[0-9]{2}")) {
            return "a CNPJ has 12 digits or capital letters followed by 2 check digits";
        }
        if (value.chars().allMatch(c -> c == value.charAt(0))) {
            return "a CNPJ cannot repeat one character 14 times";
        }
        int first = checkDigit(value, FIRST_WEIGHTS);
        int second = checkDigit(value, SECOND_WEIGHTS);
        if (value.charAt(12) - '0' != first || value.charAt(13) - '0' != second) {
            return "the check digits of CNPJ " + value + " do not match (expected " + first + second + ")";
        }
        return null;
    }

    private static int checkDigit(CharSequence value, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (value.charAt(i) - '0') * weights[i];
        }
        int remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }

    @Override
    public String toString() {
        return value;
    }
}
