package com.dominusleads.ingestion.normalisation;

/** Line type of a normalised Brazilian number. */
public enum PhoneType {
    /** A 9-digit subscriber starting with 9 (libphonenumber type MOBILE). */
    MOBILE,
    /** An 8-digit subscriber starting with 2–5 (libphonenumber type FIXED_LINE). */
    LANDLINE
}
