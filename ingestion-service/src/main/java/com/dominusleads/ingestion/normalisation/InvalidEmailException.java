package com.dominusleads.ingestion.normalisation;

/**
 * An e-mail field that is present but not a syntactically valid address. {@link #reason()} is a short machine code
 * (metric label); {@link #getMessage()} is the human text.
 *
 * <p>Invalid e-mails are common in RF data and the caller simply drops them, so, like {@link InvalidPhoneException},
 * there is one shared immutable instance per reason, without stack trace or suppression; the offending input is not
 * echoed (the caller has it). Compare {@link #reason()}, never identity.
 */
public final class InvalidEmailException extends Exception {

    private static final long serialVersionUID = 1L;

    /** No {@code @} at all, e.g. "sem email". */
    public static final String MISSING_AT = "missing_at";
    /** More than one {@code @}, e.g. two addresses in one field. */
    public static final String MULTIPLE_AT = "multiple_at";
    /** Local part empty, with a disallowed character (space, comma, non-ASCII, quotes...) or misplaced dots. */
    public static final String INVALID_LOCAL_PART = "invalid_local_part";
    /** Domain empty, without a dot, with a bad label or character, or whose last label is not 2+ letters. */
    public static final String INVALID_DOMAIN = "invalid_domain";
    /** Local part over 64 characters, a domain label over 63, or the address over 254. */
    public static final String TOO_LONG = "too_long";

    static final InvalidEmailException MISSING_AT_ERROR =
            new InvalidEmailException(MISSING_AT, "e-mail has no '@'");
    static final InvalidEmailException MULTIPLE_AT_ERROR =
            new InvalidEmailException(MULTIPLE_AT, "e-mail has more than one '@'");
    static final InvalidEmailException INVALID_LOCAL_PART_ERROR =
            new InvalidEmailException(INVALID_LOCAL_PART, "e-mail local part (before '@') is not a valid dot-atom");
    static final InvalidEmailException INVALID_DOMAIN_ERROR =
            new InvalidEmailException(INVALID_DOMAIN, "e-mail domain (after '@') is not a valid host name");
    static final InvalidEmailException TOO_LONG_ERROR =
            new InvalidEmailException(TOO_LONG, "e-mail exceeds the RFC 5321 length limits");

    private final String reason;

    private InvalidEmailException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** Short machine reason, one of the constants of this class. */
    public String reason() {
        return reason;
    }
}
