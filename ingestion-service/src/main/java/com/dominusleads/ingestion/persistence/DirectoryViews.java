package com.dominusleads.ingestion.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema {@code directory}: one view per directory table, pointing at the live release's schema. Readers only ever
 * name {@code directory.*}; replacing the views inside the switching transaction is what makes a release go live
 * atomically (a reader sees the old release or the new one, never a mix). PostgreSQL inlines the views, so partition
 * pruning and indexes work through them.
 */
public final class DirectoryViews {

    public static final List<String> TABLES = List.of("establishment", "establishment_cnae", "company", "partner",
            "simples", "lookup", "municipality", "cnae_count", "municipality_count");

    private DirectoryViews() {
    }

    /** Points the views at {@code schema}; call inside the switching transaction. */
    public static void pointAt(Connection transaction, ReleaseSchema schema) throws SQLException {
        try (Statement s = transaction.createStatement()) {
            for (String table : TABLES) {
                // Drop and create rather than replace: a later release may have added columns.
                s.execute("drop view if exists directory." + table);
                s.execute("create view directory." + table + " as select * from " + schema.table(table));
            }
        }
    }
}
