package com.dominusleads.releasegenerator;

/**
 * What to generate: how many establishments (rows of the ten {@code Estabelecimentos} files; companies, partners and
 * Simples rows follow from it) and the seed that fixes every byte of the output.
 */
public record GeneratorSpec(long establishments, long seed) {

    /** Company roots come from a permutation of 10^8 numeric roots, one per company: at most that many companies. */
    public static final long MAX_ESTABLISHMENTS = 99_999_999L;

    public GeneratorSpec {
        if (establishments < 1 || establishments > MAX_ESTABLISHMENTS) {
            throw new IllegalArgumentException(
                    "establishments must be between 1 and " + MAX_ESTABLISHMENTS + ", not " + establishments);
        }
    }
}
