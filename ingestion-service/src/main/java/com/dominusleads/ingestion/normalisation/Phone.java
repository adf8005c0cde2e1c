package com.dominusleads.ingestion.normalisation;

/**
 * A normalised Brazilian phone.
 *
 * @param e164             E.164 text, e.g. {@code "+5561987654321"} (13 characters for landlines, 14 for mobiles)
 * @param type             line type
 * @param ninthDigitAdded  whether the source had an 8-digit mobile and the Anatel ninth digit (9) was prefixed
 */
public record Phone(String e164, PhoneType type, boolean ninthDigitAdded) {}
