package com.dominusleads.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "São Paulo|sao paulo",
            "  SAO-PAULO |sao paulo",
            "Santa Bárbara d'Oeste|santa barbara doeste",
            "Mogi das Cruzes|mogi das cruzes",
            "Clínicas   odontológicas!|clinicas odontologicas",
            "Embu-Guaçu|embu guacu"})
    void foldsCaseAccentsAndPunctuation(String text, String key) {
        assertThat(TextKey.of(text)).isEqualTo(key);
    }
}
