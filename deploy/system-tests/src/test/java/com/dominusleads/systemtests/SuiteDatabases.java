package com.dominusleads.systemtests;

import com.dominusleads.stack.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the leads and ledger databases hold, read directly: the ground truth the fault test compares. */
final class SuiteDatabases {

    private final PostgresServer postgres;
    private final Path checkout;

    SuiteDatabases(PostgresServer postgres, Path checkout) {
        this.postgres = postgres;
        this.checkout = checkout;
    }

    /** lead id → billing state, for one tenant. */
    Map<String, String> leads(String tenant) {
        return pairs("leads", "select id::text, billing_state from lead where tenant_id = ?", tenant);
    }

    /** lead id → debit status (PENDING or CHARGED), for one tenant. */
    Map<String, String> debits(String tenant) {
        return pairs("ledger", "select lead_id, status from debit where tenant_id = ?", tenant);
    }

    /** The ids of a tenant's debits, oldest first. */
    List<String> debitIds(String tenant) {
        return new ArrayList<>(pairs("ledger", "select id::text, lead_id from debit where tenant_id = ? order by seq",
                tenant).keySet());
    }

    long count(String database, String sql, Object... args) {
        try (Connection connection = postgres.connect(database);
             PreparedStatement statement = prepare(connection, sql, args);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of the ledger's published consistency query: each one a broken invariant. */
    List<String> ledgerViolations() {
        try {
            String sql = Files.readString(checkout.resolve("ledger-service/src/main/resources/sql/consistency.sql"));
            List<String> violations = new ArrayList<>();
            try (Connection connection = postgres.connect("ledger");
                 PreparedStatement statement = connection.prepareStatement(sql);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    violations.add(rows.getString(1) + " " + rows.getString(2) + ": recorded " + rows.getLong(3)
                            + ", computed " + rows.getLong(4));
                }
            }
            return violations;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> pairs(String database, String sql, Object... args) {
        Map<String, String> pairs = new HashMap<>();
        try (Connection connection = postgres.connect(database);
             PreparedStatement statement = prepare(connection, sql, args);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (pairs.put(rows.getString(1), rows.getString(2)) != null) {
                    throw new AssertionError("duplicate key " + rows.getString(1) + " in " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pairs;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }
}
