package com.dominusleads.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContactabilityTest {

    private static final Company.Phone MOBILE = new Company.Phone("+5511987654321", true);
    private static final Company.Phone LANDLINE = new Company.Phone("+551133334444", false);

    @Test
    void aMobileBeatsALandlineWhichBeatsAnEmailAloneWhichBeatsNothing() {
        Contactability.Score mobileOnly = Contactability.of(List.of(MOBILE), List.of());
        Contactability.Score landlineAndEmail = Contactability.of(List.of(LANDLINE), List.of("a@b.com.br"));
        Contactability.Score emailOnly = Contactability.of(List.of(), List.of("a@b.com.br"));
        Contactability.Score nothing = Contactability.of(List.of(), List.of());

        assertThat(mobileOnly.level()).isEqualTo(Contactability.WHATSAPP);
        assertThat(landlineAndEmail.level()).isEqualTo(Contactability.LANDLINE);
        assertThat(emailOnly.level()).isEqualTo(Contactability.EMAIL);
        assertThat(nothing.level()).isEqualTo(Contactability.NONE);
        // The best extras of a lower level never reach the bare form of a higher one.
        assertThat(mobileOnly.score()).isGreaterThan(landlineAndEmail.score());
        assertThat(landlineAndEmail.score()).isGreaterThan(emailOnly.score());
        assertThat(emailOnly.score()).isGreaterThan(nothing.score());
    }

    @Test
    void moreWaysToReachACompanyScoreHigherWithinItsLevel() {
        assertThat(Contactability.of(List.of(MOBILE, LANDLINE), List.of("a@b.com.br")).score())
                .isGreaterThan(Contactability.of(List.of(MOBILE), List.of()).score());
        assertThat(Contactability.of(List.of(MOBILE, LANDLINE), List.of("a@b.com.br")).score()).isLessThanOrEqualTo(100);
    }
}
