package com.dominusleads.host.domain;

/** What a creation request for a plan or pack ended as: the item, and whether this request created it. */
public record CatalogCreation<T>(T item, boolean created) {
}
