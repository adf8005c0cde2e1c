package com.dominusleads.leads.domain;

import com.dominusleads.leads.persistence.KnownCompanies;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, company by company in search order, which join a selection: at most {@code limit}, never a lead, an
 * opted-out company or contact, nor a company already selected; and each address at most once per tenant, so two
 * companies sharing a phone are contacted through it once (the later one keeps its other addresses, or is left out).
 * The rest is counted by reason. Not thread-safe: one picker per selection being made.
 */
public final class SelectionPicker {

    /** A company picked, with the addresses it will be contacted at (those no other pre-lead holds). */
    public record Pick(Company company, List<Contact> contacts) {
    }

    /** An address and its kind: MOBILE, LANDLINE or EMAIL. */
    public record Contact(String address, String kind) {
    }

    private final int limit;
    private final List<Pick> picked = new ArrayList<>();
    private final Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
    private final Set<String> companies = new HashSet<>();
    private final Set<String> addresses = new HashSet<>();

    public SelectionPicker(int limit) {
        this.limit = limit;
    }

    /** Offers the next company; false once the selection is full (the company is then neither picked nor counted). */
    public boolean offer(Company company, KnownCompanies.Known known) {
        if (full()) {
            return false;
        }
        SkipReason reason = reasonToSkip(company, known);
        if (reason != null) {
            skip(reason);
            return true;
        }
        List<Contact> contacts = new ArrayList<>();
        for (Company.Phone phone : company.phones()) {
            if (phone.mobile() && free(phone.e164(), known)) {
                contacts.add(new Contact(phone.e164(), "MOBILE"));
            }
        }
        for (String email : company.emails()) {
            if (free(email, known)) {
                contacts.add(new Contact(email, "EMAIL"));
            }
        }
        if (contacts.isEmpty()) {
            skip(SkipReason.DUPLICATE_CONTACT);
            return true;
        }
        // Landlines are kept for the sales team's calls when free, but never make a company selectable.
        company.phones().stream().filter(phone -> !phone.mobile() && free(phone.e164(), known))
                .forEach(phone -> contacts.add(new Contact(phone.e164(), "LANDLINE")));
        companies.add(company.cnpj());
        contacts.forEach(contact -> addresses.add(contact.address()));
        picked.add(new Pick(company, List.copyOf(contacts)));
        return true;
    }

    /** Counts companies left out before they reached the picker (e.g. CNPJs the directory does not know). */
    public void skip(SkipReason reason, int count) {
        skipped.merge(reason, count, Integer::sum);
    }

    private void skip(SkipReason reason) {
        skip(reason, 1);
    }

    public boolean full() {
        return picked.size() >= limit;
    }

    public List<Pick> picked() {
        return List.copyOf(picked);
    }

    public Map<SkipReason, Integer> skipped() {
        return Map.copyOf(skipped);
    }

    private SkipReason reasonToSkip(Company company, KnownCompanies.Known known) {
        if (known.leads().contains(company.cnpj())) {
            return SkipReason.IN_CRM;
        }
        if (known.hidden(company.cnpj(), company.addresses())) {
            return SkipReason.OPTED_OUT;
        }
        if (known.selections().containsKey(company.cnpj()) || companies.contains(company.cnpj())) {
            return SkipReason.ALREADY_SELECTED;
        }
        boolean reachable = company.phones().stream().anyMatch(Company.Phone::mobile) || !company.emails().isEmpty();
        return reachable ? null : SkipReason.NO_CONTACT;
    }

    private boolean free(String address, KnownCompanies.Known known) {
        return !known.takenAddresses().contains(address) && !addresses.contains(address);
    }
}
