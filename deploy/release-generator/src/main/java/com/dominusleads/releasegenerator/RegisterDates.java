package com.dominusleads.releasegenerator;

import java.time.LocalDate;

/** Dates of the register as epoch days, written as {@code yyyymmdd} ints through a table (no LocalDate per row). */
final class RegisterDates {

    /** The release's reference date: no date in it is later. Also its zip entries' timestamp and names (D61108). */
    static final LocalDate RELEASE = LocalDate.of(2026, 11, 8);
    static final int RELEASE_DAY = (int) RELEASE.toEpochDay();
    static final int FIRST_ACTIVITY_DAY = (int) LocalDate.of(1960, 1, 1).toEpochDay();
    static final int SIMPLES_NACIONAL_DAY = (int) LocalDate.of(2007, 7, 1).toEpochDay();
    static final int MEI_DAY = (int) LocalDate.of(2009, 7, 1).toEpochDay();
    static final int ALPHANUMERIC_CNPJ_DAY = (int) LocalDate.of(2026, 7, 1).toEpochDay();

    private static final int TABLE_START = (int) LocalDate.of(1900, 1, 1).toEpochDay();
    private static final int[] CODES = new int[RELEASE_DAY - TABLE_START + 1];

    static {
        for (int i = 0; i < CODES.length; i++) {
            LocalDate date = LocalDate.ofEpochDay(TABLE_START + i);
            CODES[i] = date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        }
    }

    private RegisterDates() {
    }

    /** {@code yyyymmdd} of an epoch day between 1900-01-01 and the release date. */
    static int code(int epochDay) {
        return CODES[epochDay - TABLE_START];
    }
}
