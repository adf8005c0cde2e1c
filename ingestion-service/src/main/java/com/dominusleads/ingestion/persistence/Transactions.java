package com.dominusleads.ingestion.persistence;

import java.sql.Connection;
import javax.sql.DataSource;

/**
 * One JDBC transaction, rolled back on any failure. Explicitly: a pooled connection closed with its transaction open
 * is reset with {@code setAutoCommit(true)}, which in PgJDBC commits whatever the failed work had written.
 */
public final class Transactions {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    private Transactions() {
    }

    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Exception | Error e) {
                c.rollback();
                throw e;
            }
        }
    }
}
