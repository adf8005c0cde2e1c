package com.dominusleads.ledger.domain;

import java.util.UUID;

/** A lead that must be paid for, and the lead.qualified event that said so. */
public record QualifiedLead(String leadId, UUID eventId) {
}
