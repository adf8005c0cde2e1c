package com.dominusleads.leads.domain;

/** The tenant's lead for the company; {@code created} false when it had been qualified before, and nothing changed. */
public record QualificationResult(Lead lead, boolean created) {
}
