package com.dominusleads.leads.domain;

import com.dominusleads.events.lead.ContactPhone;
import com.dominusleads.events.lead.PreleadSelected;
import com.dominusleads.leads.client.LedgerBalance;
import com.dominusleads.leads.persistence.CompanyEvents;
import com.dominusleads.leads.persistence.PreleadStore;
import com.dominusleads.leads.persistence.SelectionStore;
import com.dominusleads.leads.persistence.SettingsStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.outbox.OutboxWriter;
import com.dominusleads.servicekit.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts the qualification of a DRAFT selection: if the tenant's balance policy allows it, one {@code prelead.selected}
 * per pre-lead goes to the outbox in the same transaction that marks the selection QUALIFYING and its pre-leads QUEUED
 * (all or nothing; a second start finds it started: 409). No credit is spent here: the ledger debits one per lead
 * qualified later.
 */
@ApplicationScoped
public class QualificationStart {

    private final TenantTransactions transactions;
    private final Selections selections;
    private final SelectionStore selectionStore;
    private final PreleadStore preleads;
    private final SettingsStore settings;
    private final LedgerBalance balance;
    private final OutboxWriter outbox;
    private final CompanyEvents timeline;

    public QualificationStart(TenantTransactions transactions, Selections selections, SelectionStore selectionStore,
                              PreleadStore preleads, SettingsStore settings, LedgerBalance balance,
                              OutboxWriter outbox, CompanyEvents timeline) {
        this.timeline = timeline;
        this.transactions = transactions;
        this.selections = selections;
        this.selectionStore = selectionStore;
        this.preleads = preleads;
        this.settings = settings;
        this.balance = balance;
        this.outbox = outbox;
    }

    public Uni<Selection> start(String tenantId, UUID selectionId, String by) {
        return transactions.forTenant(tenantId, tx -> selections.find(tx, tenantId, selectionId)
                        .chain(selection -> settings.of(tx, tenantId).map(rules -> {
                            if (!Selection.DRAFT.equals(selection.status())) {
                                throw started(selectionId);
                            }
                            if (selection.size() == 0) {
                                throw ApiException.conflict("selection_empty", "Selection " + selectionId
                                        + " has no companies to qualify.");
                            }
                            return rules.required(selection.size());
                        })))
                .call(required -> required == 0 ? Uni.createFrom().voidItem() : balance.own(tenantId).invoke(credits -> {
                    if (credits < required) {
                        throw new ApiException(402, "insufficient_credits", "Your balance of " + credits
                                + " credit(s) does not cover this selection: " + required + " needed under your"
                                + " balance policy. Buy a credit pack, trim the selection, or change the policy.",
                                Map.of("balance", credits, "required", required));
                    }
                }))
                .chain(() -> transactions.forTenant(tenantId, tx -> selections.draft(tx, tenantId, selectionId)
                        .onFailure(ApiException.class).transform(e -> ((ApiException) e).status() == 409
                                ? started(selectionId) : e)
                        .chain(() -> {
                            UUID runId = UUID.randomUUID();
                            return selectionStore.start(tx, tenantId, selectionId, runId, by)
                                    .chain(() -> preleads.queue(tx, tenantId, selectionId))
                                    .call(queued -> timeline.appendAll(tx, tenantId, by, queued.stream()
                                            .map(prelead -> new CompanyEvents.Event(prelead.cnpj(), "QUEUED",
                                                    Map.of("selectionId", selectionId.toString(),
                                                            "qualificationRunId", runId.toString()))).toList()))
                                    .chain(queued -> outbox.appendAll(tx, events(tenantId, selectionId, runId, queued)))
                                    .chain(() -> selections.find(tx, tenantId, selectionId));
                        })));
    }

    private static List<PreleadSelected> events(String tenantId, UUID selectionId, UUID runId,
                                                List<PreleadStore.Queued> queued) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<PreleadSelected> events = new ArrayList<>(queued.size());
        for (PreleadStore.Queued prelead : queued) {
            List<ContactPhone> phones = prelead.contacts().stream()
                    .filter(contact -> !contact.kind().equals("EMAIL"))
                    .sorted(Comparator.comparing(contact -> contact.kind().equals("MOBILE") ? 0 : 1))
                    .map(contact -> new ContactPhone(contact.address(), contact.kind().equals("MOBILE"))).toList();
            List<String> emails = prelead.contacts().stream().filter(contact -> contact.kind().equals("EMAIL"))
                    .map(SelectionPicker.Contact::address).toList();
            events.add(PreleadSelected.newBuilder().setTenantId(tenantId).setSelectionId(selectionId.toString())
                    .setQualificationRunId(runId.toString()).setCnpj(prelead.cnpj())
                    .setCompanyName(prelead.companyName()).setPhones(phones).setEmails(emails).setOccurredAt(now)
                    .build());
        }
        return events;
    }

    private static ApiException started(UUID selectionId) {
        return ApiException.conflict("selection_started", "Selection " + selectionId + " is already being qualified.");
    }
}
