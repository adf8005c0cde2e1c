package com.dominusleads.launcher.events;

import com.dominusleads.events.Cnpj;
import com.dominusleads.events.lead.ContactPhone;
import com.dominusleads.events.lead.PreleadSelected;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * {@code ./dominus publish prelead.selected}'s options: the company a sales team selected, as leads-service will
 * publish it, with its contacts from the directory. Messaging-service opens a conversation with it.
 */
final class PreleadSelectedOptions {

    static final String USAGE = "./dominus publish prelead.selected --tenant T --cnpj C [--name N]"
            + " [--mobile +55…]… [--email a@b.example]… [--selection S]";

    private PreleadSelectedOptions() {
    }

    static PreleadSelected parse(List<String> words) {
        Arguments arguments = Arguments.parse(words,
                Set.of("--tenant", "--cnpj", "--name", "--mobile", "--email", "--selection"), Set.of());
        if (!arguments.positional().isEmpty()) {
            throw new IllegalArgumentException("unexpected " + arguments.positional().getFirst());
        }
        String cnpjText = arguments.required("--cnpj");
        String problem = Cnpj.problemWith(cnpjText);
        if (problem != null) {
            throw new IllegalArgumentException("--cnpj " + cnpjText + ": " + problem);
        }
        String cnpj = Cnpj.parse(cnpjText).orElseThrow().value();
        String selection = arguments.single("--selection").orElse("cli");
        return PreleadSelected.newBuilder()
                .setTenantId(EventFields.tenant(arguments.required("--tenant")))
                .setSelectionId(selection)
                // The run is the selection's: one qualification run per selection, as the product starts them.
                .setQualificationRunId(selection)
                .setCnpj(cnpj)
                .setCompanyName(arguments.single("--name").orElse("Empresa " + cnpj))
                .setPhones(arguments.all("--mobile").stream()
                        .map(phone -> new ContactPhone(EventFields.e164("--mobile", phone), true)).toList())
                .setEmails(arguments.all("--email").stream().map(email -> EventFields.email("--email", email)).toList())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }
}
