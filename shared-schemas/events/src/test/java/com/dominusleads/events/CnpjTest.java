package com.dominusleads.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CnpjTest {

    @Test
    void acceptsAValidNumericCnpjWithOrWithoutPunctuation() {
        assertThat(Cnpj.parse("11.222.333/0001-81")).contains(new Cnpj("11222333000181"));
        // Banco do Brasil's head office, a real public registration.
        assertThat(Cnpj.parse("00.000.000/0001-91")).isPresent();
    }

    @Test
    void acceptsTheAlphanumericFormWithItsCheckDigits() {
        // The Receita Federal's published example of the alphanumeric CNPJ.
        assertThat(Cnpj.parse("12.ABC.345/01DE-35")).contains(new Cnpj("12ABC34501DE35"));
    }

    @Test
    void computesTheCheckDigitsOfABase() {
        assertThat(Cnpj.withCheckDigits("112223330001")).isEqualTo(new Cnpj("11222333000181"));
        assertThat(Cnpj.withCheckDigits("12abc34501de")).isEqualTo(new Cnpj("12ABC34501DE35"));
    }

    @Test
    void refusesWrongCheckDigitsLengthsAndRepeatedCharacters() {
        assertThat(Cnpj.parse("11222333000182")).isEmpty();
        assertThat(Cnpj.problemWith("11222333000182")).contains("expected 81");
        assertThat(Cnpj.parse("1122233300018")).isEmpty();
        assertThat(Cnpj.parse("11111111111111")).isEmpty();
        assertThat(Cnpj.parse(null)).isEmpty();
        assertThatThrownBy(() -> new Cnpj("12ABC34501DE36")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isValidAgreesWithParsingOnBareCnpjs() {
        for (String value : new String[] {"33683111000280", "11222333000181", "12ABC34501DE35", "12ABC34501DE36",
                "33683111000281", "00000000000000", "1122233300018", "11222333000A81", "12abc34501de35", "1122233300018X"}) {
            boolean parses = Cnpj.parse(value).map(c -> c.value().equals(value)).orElse(false);
            assertThat(Cnpj.isValid(value)).as(value).isEqualTo(parses);
        }
        assertThat(Cnpj.isValid("12ABC34501DE35")).isTrue();
        assertThat(Cnpj.isValid(null)).isFalse();
    }
}
