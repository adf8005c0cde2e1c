package com.dominusleads.launcher.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.events.EventCatalog;
import com.dominusleads.events.lead.ContactPhone;
import com.dominusleads.events.lead.PreleadSelected;
import com.dominusleads.events.tenant.TenantSettingsChanged;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishCommandTest {

    @Test
    void aSelectedCompanyWithItsContacts() {
        PreleadSelected selected = (PreleadSelected) PublishCommand.event(List.of("prelead.selected",
                "--tenant", "acme", "--cnpj", "11.222.333/0001-81", "--name", "Padaria X",
                "--mobile", "+55 (11) 98765-0001", "--mobile", "+5511987650002", "--email", "Contato@X.example",
                "--selection", "s1"));

        assertThat(selected.getTenantId()).isEqualTo("acme");
        assertThat(selected.getCnpj()).isEqualTo("11222333000181");
        assertThat(selected.getCompanyName()).isEqualTo("Padaria X");
        assertThat(selected.getPhones()).containsExactly(new ContactPhone("+5511987650001", true),
                new ContactPhone("+5511987650002", true));
        assertThat(selected.getEmails()).containsExactly("contato@x.example");
        assertThat(selected.getSelectionId()).isEqualTo("s1");
        assertThat(selected.getQualificationRunId()).isEqualTo("s1");
        assertThat(EventCatalog.recordKeyOf(selected)).isEqualTo("acme");
    }

    @Test
    void onlyTenantAndCnpjAreRequired() {
        PreleadSelected selected = (PreleadSelected) PublishCommand.event(List.of("prelead.selected",
                "--cnpj", "11222333000181", "--tenant", "acme"));

        assertThat(selected.getCompanyName()).isEqualTo("Empresa 11222333000181");
        assertThat(selected.getPhones()).isEmpty();
        assertThat(selected.getEmails()).isEmpty();
        assertThat(selected.getSelectionId()).isEqualTo("cli");
        assertThat(selected.getOccurredAt()).isNotNull();
    }

    @Test
    void aBadValueIsRefusedSayingWhatIsExpected() {
        assertRefused("--cnpj", "11222333000182", "--cnpj 11222333000182: ");
        assertRefused("--cnpj", "1122233300018", "a CNPJ has 14 characters");
        assertRefused("--mobile", "11987650001", "--mobile 11987650001: a phone is + then country code");
        assertRefused("--mobile", "+55", "E.164");
        assertRefused("--email", "contato", "--email contato: an e-mail address looks like");
        assertThatThrownBy(() -> PublishCommand.event(List.of("prelead.selected", "--tenant", "Acme Inc",
                "--cnpj", "11222333000181")))
                .hasMessageContaining("--tenant Acme Inc: a tenant id is 2 to 63 lower-case letters");
    }

    @Test
    void missingUnknownAndRepeatedOptionsAreRefused() {
        assertThatThrownBy(() -> PublishCommand.event(List.of("prelead.selected", "--tenant", "acme")))
                .hasMessage("--cnpj is required");
        assertThatThrownBy(() -> PublishCommand.event(List.of("prelead.selected", "--tenant", "acme", "--cnpj")))
                .hasMessage("--cnpj needs a value");
        assertThatThrownBy(() -> PublishCommand.event(List.of("prelead.selected", "--tenant", "acme",
                "--cnpj", "11222333000181", "--phone", "+5511987650001")))
                .hasMessage("unknown option --phone");
        assertThatThrownBy(() -> PublishCommand.event(List.of("prelead.selected", "--tenant", "acme",
                "--tenant", "globex", "--cnpj", "11222333000181")))
                .hasMessage("--tenant may be given once");
        assertThatThrownBy(() -> PublishCommand.event(List.of("prelead.selected", "acme")))
                .hasMessage("unexpected acme");
    }

    @Test
    void onlyTheEventsWithoutAProducerYetCanBePublished() {
        assertThatThrownBy(() -> PublishCommand.event(List.of())).hasMessageStartingWith("which event?");
        assertThatThrownBy(() -> PublishCommand.event(List.of("credit.granted", "--tenant", "acme")))
                .hasMessageStartingWith("cannot publish credit.granted: only prelead.selected and"
                        + " tenant.settings-changed");
    }

    @Test
    void aTenantsSettings() {
        TenantSettingsChanged changed = (TenantSettingsChanged) PublishCommand.event(List.of(
                "tenant.settings-changed", "--tenant", "acme", "--setting", "messaging.sending-hours=MON-SUN 00:00-24:00",
                "--setting", "messaging.sender-name=Acme = Vendas"));

        assertThat(changed.getTenantId()).isEqualTo("acme");
        assertThat(changed.getSettings()).isEqualTo(Map.of("messaging.sending-hours", "MON-SUN 00:00-24:00",
                "messaging.sender-name", "Acme = Vendas"));
        assertThatThrownBy(() -> PublishCommand.event(List.of("tenant.settings-changed", "--tenant", "acme",
                "--setting", "=x"))).hasMessage("--setting =x: a setting is key=value");
        assertThatThrownBy(() -> PublishCommand.event(List.of("tenant.settings-changed", "--tenant", "acme",
                "--setting", "messaging.sending-hours=MON-SUN", "00:00-24:00")))
                .hasMessageContaining("a value with spaces needs quotes");
    }

    /** A company otherwise valid, with {@code option value}. */
    private static void assertRefused(String option, String value, String message) {
        List<String> args = option.equals("--cnpj") ? List.of("prelead.selected", "--tenant", "acme", option, value)
                : List.of("prelead.selected", "--tenant", "acme", "--cnpj", "11222333000181", option, value);
        assertThatThrownBy(() -> PublishCommand.event(args))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
