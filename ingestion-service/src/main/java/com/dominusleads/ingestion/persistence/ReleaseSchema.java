package com.dominusleads.ingestion.persistence;

import com.dominusleads.directory.Municipalities;
import com.dominusleads.directory.Municipality;
import com.dominusleads.directory.Ufs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** The schema holding one release's tables ({@code release_<seq>}): created empty and unlogged, dropped when retired. */
public record ReleaseSchema(String name) {

    private static final String TEMPLATE = resource("/sql/release-schema.sql");

    public ReleaseSchema {
        if (!name.matches("release_[0-9]+")) {
            throw new IllegalArgumentException("not a release schema: " + name);
        }
    }

    public static ReleaseSchema of(int seq) {
        return new ReleaseSchema("release_" + seq);
    }

    /** Where {@code release}'s rows are. */
    public static ReleaseSchema ofData(com.dominusleads.ingestion.domain.Release release) {
        return new ReleaseSchema(release.dataSchema());
    }

    /** {@code schema.table}, for SQL. */
    public String table(String table) {
        return name + "." + table;
    }

    /** The establishment partition of {@code uf}. */
    public String establishmentPartition(String uf) {
        return table("establishment_" + uf.toLowerCase(Locale.ROOT));
    }

    public String searchPartition(String uf) {
        return table("establishment_cnae_" + uf.toLowerCase(Locale.ROOT));
    }

    /** Creates the schema, its tables and their unlogged partitions, unless they exist (a resumed job). */
    public void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_namespace where nspname = '" + name + "'");
            if (exists.next()) {
                return;
            }
            statement.execute(TEMPLATE.replace("{schema}", name));
            insertMunicipalities(connection);
            for (String uf : Ufs.ALL) {
                String value = "('" + uf + "')";
                statement.execute("create unlogged table " + establishmentPartition(uf) + " partition of "
                        + table("establishment") + " for values in " + value);
                statement.execute("create unlogged table " + searchPartition(uf) + " partition of "
                        + table("establishment_cnae") + " for values in " + value);
            }
        }
    }

    private void insertMunicipalities(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement("insert into " + table("municipality")
                + " (ibge_code, tom_code, name, uf) values (?, ?, ?, ?)")) {
            for (Municipality m : Municipalities.instance().all()) {
                insert.setInt(1, m.ibgeCode());
                insert.setInt(2, m.tomCode());
                insert.setString(3, m.name());
                insert.setString(4, m.uf());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public void drop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + name + " cascade");
        }
    }

    static String resource(String path) {
        try (InputStream in = ReleaseSchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
