package com.dominusleads.leads.domain;

/** Why a company found was left out of a selection (counted per reason on the selection). */
public enum SkipReason {
    /** Already one of the tenant's leads. */
    IN_CRM,
    /** The company, or one of its contacts, opted out of the tenant's messages. */
    OPTED_OUT,
    /** Already in a selection of the tenant (this one or another). */
    ALREADY_SELECTED,
    /** Every address it has is already held by another selected company (an accountant's phone, say). */
    DUPLICATE_CONTACT,
    /** No mobile phone and no e-mail: the suite has no way to contact it (a landline is for the sales team). */
    NO_CONTACT,
    /** A CNPJ asked for by id that the directory does not know. */
    NOT_FOUND
}
