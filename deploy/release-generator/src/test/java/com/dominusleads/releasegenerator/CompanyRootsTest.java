package com.dominusleads.releasegenerator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Roots are unique by construction (a permutation of the counter), so the generator needs no set of them. */
class CompanyRootsTest {

    @Test
    void numericRootsAreEightDigitsAndNeverRepeat() {
        CompanyRoots roots = new CompanyRoots(1);
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 200_000; i++) {
            String root = roots.numeric(i);
            assertThat(root).matches("[0-9]{8}");
            assertThat(seen.add(root)).as("duplicate " + root).isTrue();
        }
        assertThat(roots.numeric(99_999_999L)).matches("[0-9]{8}");
    }

    @Test
    void alphanumericRootsHoldALetterAndNeverRepeat() {
        CompanyRoots roots = new CompanyRoots(1);
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 200_000; i++) {
            String root = roots.alphanumeric(i);
            assertThat(root).matches("[0-9A-Z]{8}").matches(".*[A-Z].*");
            assertThat(seen.add(root)).as("duplicate " + root).isTrue();
        }
    }

    @Test
    void theSeedChoosesThePermutation() {
        assertThat(new CompanyRoots(1).numeric(5)).isEqualTo(new CompanyRoots(1).numeric(5));
        assertThat(new CompanyRoots(1).numeric(5)).isNotEqualTo(new CompanyRoots(2).numeric(5));
        assertThat(new CompanyRoots(1).alphanumeric(5)).isNotEqualTo(new CompanyRoots(2).alphanumeric(5));
    }
}
