package com.dominusleads.leads.domain;

import java.time.Instant;
import java.util.List;

/**
 * A company in a selection, as selected, with the addresses the suite will contact it at.
 *
 * @param position its place in the selection (search order)
 */
public record Prelead(String cnpj, int position, Company company, int contactability,
                      List<SelectionPicker.Contact> contacts, String status, Instant statusAt) {
}
