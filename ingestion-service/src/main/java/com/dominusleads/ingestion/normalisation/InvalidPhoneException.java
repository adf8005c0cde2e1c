package com.dominusleads.ingestion.normalisation;

/**
 * A phone field pair that is present but cannot be normalised. {@link #reason()} is a short machine code, meant as a
 * counter/metric label; {@link #getMessage()} is the human text.
 *
 * <p>Bad phones are common in RF data and the caller simply drops them, so this exception is built to cost nothing:
 * there is one shared, immutable instance per reason, with no stack trace and suppression disabled (the cause is fixed
 * to {@code null}, so {@code initCause} fails too). It therefore does not echo the offending input (the caller has
 * it) and must not be used for identity checks; compare {@link #reason()}.
 */
public final class InvalidPhoneException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The number field has 8–9 digits but the DDD field is blank (or only zeros). */
    public static final String MISSING_DDD = "missing_ddd";
    /** The DDD is malformed (not 2 significant digits, stray characters) or is not an assigned Brazilian area code. */
    public static final String INVALID_DDD = "invalid_ddd";
    /** The number field embeds a DDD (10–11 digits) that differs from the DDD field. */
    public static final String DDD_MISMATCH = "ddd_mismatch";
    /** The number field has a digit count that no reading accepts (e.g. 7 digits, or 12+). */
    public static final String INVALID_LENGTH = "invalid_length";
    /** Stray characters, a subscriber starting 0/1, 9 digits not starting with 9, or not valid for libphonenumber. */
    public static final String INVALID_NUMBER = "invalid_number";
    /** Filler: all zeros, or a subscriber whose last eight digits are one repeated digit (99999999, 33333333). */
    public static final String PLACEHOLDER_NUMBER = "placeholder_number";

    static final InvalidPhoneException MISSING_DDD_ERROR =
            new InvalidPhoneException(MISSING_DDD, "phone number has no area code (DDD)");
    static final InvalidPhoneException INVALID_DDD_ERROR =
            new InvalidPhoneException(INVALID_DDD, "area code (DDD) is malformed or not a Brazilian area code");
    static final InvalidPhoneException DDD_MISMATCH_ERROR =
            new InvalidPhoneException(DDD_MISMATCH, "number field carries an area code different from the DDD field");
    static final InvalidPhoneException INVALID_LENGTH_ERROR =
            new InvalidPhoneException(INVALID_LENGTH, "phone number has the wrong number of digits");
    static final InvalidPhoneException INVALID_NUMBER_ERROR =
            new InvalidPhoneException(INVALID_NUMBER, "not a valid Brazilian mobile or landline number");
    static final InvalidPhoneException PLACEHOLDER_NUMBER_ERROR =
            new InvalidPhoneException(PLACEHOLDER_NUMBER, "phone number is a filler of repeated digits");

    private final String reason;

    private InvalidPhoneException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** Short machine reason, one of the constants of this class. */
    public String reason() {
        return reason;
    }
}
