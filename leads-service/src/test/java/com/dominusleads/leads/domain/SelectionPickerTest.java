package com.dominusleads.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.dominusleads.leads.persistence.KnownCompanies;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SelectionPickerTest {

    private static final KnownCompanies.Known NOTHING = known(Set.of(), Set.of(), Set.of(), Map.of(), Set.of());

    @Test
    void aSharedPhoneContactsOnlyTheFirstCompanyThroughIt() {
        SelectionPicker picker = new SelectionPicker(10);
        picker.offer(company("11222333000181", List.of(mobile("+5511900000001")), List.of()), NOTHING);
        picker.offer(company("11444777000161", List.of(mobile("+5511900000001")), List.of("contato@b.com.br")), NOTHING);
        picker.offer(company("22333444000181", List.of(mobile("+5511900000001")), List.of()), NOTHING);

        assertThat(picker.picked()).extracting(pick -> pick.company().cnpj())
                .containsExactly("11222333000181", "11444777000161");
        assertThat(picker.picked().get(1).contacts()).containsExactly(new SelectionPicker.Contact("contato@b.com.br", "EMAIL"));
        assertThat(picker.skipped()).isEqualTo(Map.of(SkipReason.DUPLICATE_CONTACT, 1));
    }

    @Test
    void anAddressAnotherPreleadHoldsIsNotUsedAgain() {
        KnownCompanies.Known taken = known(Set.of(), Set.of(), Set.of(), Map.of(), Set.of("+5511900000001"));
        SelectionPicker picker = new SelectionPicker(10);
        picker.offer(company("11222333000181", List.of(mobile("+5511900000001"), mobile("+5511900000002")), List.of()), taken);

        assertThat(picker.picked().get(0).contacts()).extracting(SelectionPicker.Contact::address)
                .containsExactly("+5511900000002");
    }

    @Test
    void leadsOptOutsSelectedAndUnreachableCompaniesAreLeftOutWithTheirReason() {
        KnownCompanies.Known known = known(Set.of("11222333000181"), Set.of("11444777000161"), Set.of("x@y.com.br"),
                Map.of("22333444000181", UUID.randomUUID()), Set.of());
        SelectionPicker picker = new SelectionPicker(10);
        picker.offer(company("11222333000181", List.of(mobile("+5511900000001")), List.of()), known);
        picker.offer(company("11444777000161", List.of(mobile("+5511900000002")), List.of()), known);
        picker.offer(company("33444555000199", List.of(mobile("+5511900000003")), List.of("x@y.com.br")), known);
        picker.offer(company("22333444000181", List.of(mobile("+5511900000004")), List.of()), known);
        picker.offer(company("44555666000188", List.of(new Company.Phone("+551133334444", false)), List.of()), known);
        picker.offer(company("55666777000177", List.of(), List.of()), known);

        assertThat(picker.picked()).isEmpty();
        assertThat(picker.skipped()).isEqualTo(Map.of(SkipReason.IN_CRM, 1, SkipReason.OPTED_OUT, 2,
                SkipReason.ALREADY_SELECTED, 1, SkipReason.NO_CONTACT, 2));
    }

    @Test
    void aCompanyNamedTwiceIsSelectedOnceAndTheLimitHolds() {
        SelectionPicker picker = new SelectionPicker(2);
        assertThat(picker.offer(company("11222333000181", List.of(mobile("+5511900000001")), List.of()), NOTHING)).isTrue();
        picker.offer(company("11222333000181", List.of(mobile("+5511900000001")), List.of()), NOTHING);
        picker.offer(company("11444777000161", List.of(), List.of("a@b.com.br")), NOTHING);

        assertThat(picker.full()).isTrue();
        assertThat(picker.offer(company("22333444000181", List.of(), List.of("c@d.com.br")), NOTHING)).isFalse();
        assertThat(picker.picked()).hasSize(2);
        assertThat(picker.skipped()).isEqualTo(Map.of(SkipReason.ALREADY_SELECTED, 1));
    }

    @Test
    void aLandlineIsKeptForTheSalesTeamButMakesNoCompanySelectable() {
        SelectionPicker picker = new SelectionPicker(10);
        picker.offer(company("11222333000181", List.of(new Company.Phone("+551133334444", false)),
                List.of("a@b.com.br")), NOTHING);

        assertThat(picker.picked().get(0).contacts()).containsExactly(
                new SelectionPicker.Contact("a@b.com.br", "EMAIL"), new SelectionPicker.Contact("+551133334444", "LANDLINE"));
    }

    private static Company.Phone mobile(String e164) {
        return new Company.Phone(e164, true);
    }

    private static Company company(String cnpj, List<Company.Phone> phones, List<String> emails) {
        return new Company(cnpj, "Empresa " + cnpj, null, null, null, null, null, "SP", "São Paulo", 3550308, phones,
                emails, "local");
    }

    private static KnownCompanies.Known known(Set<String> leads, Set<String> suppressedCompanies,
                                              Set<String> suppressedAddresses, Map<String, UUID> selections,
                                              Set<String> taken) {
        return new KnownCompanies.Known(new HashSet<>(leads), new HashSet<>(suppressedCompanies),
                new HashSet<>(suppressedAddresses), new HashMap<>(selections), new HashSet<>(taken));
    }
}
