package com.dominusleads.ingestion.load;

import com.dominusleads.directory.RfFileKind;
import com.dominusleads.ingestion.domain.Release;
import com.dominusleads.ingestion.normalisation.PhoneNumbers;
import com.dominusleads.ingestion.parsing.RfRecordReader;
import com.dominusleads.ingestion.persistence.ChunkStore;
import com.dominusleads.ingestion.persistence.ReleaseIndexing;
import com.dominusleads.ingestion.persistence.ReleaseSchema;
import com.dominusleads.ingestion.persistence.ReleaseStore;
import com.dominusleads.ingestion.persistence.Transactions;
import com.dominusleads.ingestion.release.ReleaseFile;
import com.dominusleads.ingestion.release.ReleaseSource;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Reloads part of a release from its files, in place, without readers ever seeing the part missing:
 * <ul>
 * <li>one chunk: its old rows (and their search rows) are deleted and its lines loaded again, in one transaction;</li>
 * <li>one UF: its establishments are loaded from every Estabelecimentos file into a new partition, made durable,
 * indexed and searchable beside the old one, then swapped in with a short transaction.</li>
 * </ul>
 */
final class Reprocessing {

    private static final Logger LOG = Logger.getLogger(Reprocessing.class);

    private final DataSource dataSource;
    private final ReleaseIndexing indexing;
    private final PhoneNumbers phones;

    Reprocessing(DataSource dataSource, ReleaseIndexing indexing, PhoneNumbers phones) {
        this.dataSource = dataSource;
        this.indexing = indexing;
        this.phones = phones;
    }

    void chunk(Release release, ReleaseSource source, String fileName, int chunkNo) throws Exception {
        RfFileKind kind = RfFileKind.ofFileName(fileName).orElseThrow(() -> new JobFailure(fileName + " is not a release file"));
        ReleaseSchema schema = ReleaseSchema.ofData(release);
        RowMapper mapper = Mappers.forKind(kind, phones);
        String table = schema.table(mapper.table());
        int fileIndex = FileIndex.of(fileName);
        Path zip = source.fetch(new ReleaseFile(fileName, kind, -1), (name, done, total) -> { });
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Transactions.inTransaction(dataSource, c -> {
                long firstLine;
                int lines;
                int oldRows;
                int oldBad;
                try (PreparedStatement s = c.prepareStatement("select first_line, lines, rows_loaded, rows_quarantined"
                        + " from file_chunk where release_id = ? and file_name = ? and chunk_no = ?")) {
                    s.setString(1, release.id());
                    s.setString(2, fileName);
                    s.setInt(3, chunkNo);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw new JobFailure(fileName + " has no loaded chunk " + chunkNo);
                        }
                        firstLine = rs.getLong(1);
                        lines = rs.getInt(2);
                        oldRows = rs.getInt(3);
                        oldBad = rs.getInt(4);
                    }
                }
                long lastLine = firstLine + lines - 1;
                String range = "src_file = " + fileIndex + " and src_line between " + firstLine + " and " + lastLine;
                boolean establishments = kind == RfFileKind.ESTABELECIMENTOS;
                try (Statement s = c.createStatement()) {
                    if (establishments) {
                        // Their search rows go with them; the UFs they are in get their counts again below.
                        s.execute("create temporary table reprocessed on commit drop as select cnpj, uf from " + table
                                + " where " + range);
                        s.execute("delete from " + schema.table("establishment_cnae") + " x using reprocessed r"
                                + " where x.uf = r.uf and x.cnpj = r.cnpj");
                    }
                    s.execute("delete from " + table + " where " + range);
                }
                try (PreparedStatement s = c.prepareStatement("delete from quarantined_row where release_id = ?"
                        + " and file_name = ? and line_no between ? and ?")) {
                    s.setString(1, release.id());
                    s.setString(2, fileName);
                    s.setLong(3, firstLine);
                    s.setLong(4, lastLine);
                    s.executeUpdate();
                }
                RecordCopy.Result result;
                try (InputStream in = file.getInputStream(FileLoader.singleEntry(file, fileName))) {
                    RfRecordReader reader = new RfRecordReader(in, mapper.fields());
                    FileLoader.skip(reader, firstLine - 1);
                    // Through a staging table: a row whose key another row now holds (a duplicate removed at
                    // indexing, or one within the chunk) goes back to quarantine instead of failing the reload.
                    try (Statement s = c.createStatement()) {
                        s.execute("create temporary table incoming (like " + table + ") on commit drop");
                    }
                    result = new RecordCopy(c, "pg_temp.incoming", mapper, fileIndex, r -> true).copy(reader, lines);
                }
                int clashes = quarantineClashes(c, release.id(), fileName, table, KEYS.get(mapper.table()));
                try (Statement s = c.createStatement()) {
                    s.execute("insert into " + table + " select * from pg_temp.incoming");
                }
                if (result.lines() != lines) {
                    throw new JobFailure(fileName + " changed since it was loaded: chunk " + chunkNo + " had " + lines
                            + " lines, now " + result.lines() + "; ingest the release again instead");
                }
                ChunkStore.quarantine(c, release.id(), fileName, result.quarantined());
                int rowsLoaded = result.rows() - clashes;
                int rowsQuarantined = result.quarantined().size() + clashes;
                try (PreparedStatement s = c.prepareStatement("update file_chunk set rows_loaded = ?, rows_quarantined = ?"
                        + " where release_id = ? and file_name = ? and chunk_no = ?")) {
                    s.setInt(1, rowsLoaded);
                    s.setInt(2, rowsQuarantined);
                    s.setString(3, release.id());
                    s.setString(4, fileName);
                    s.setInt(5, chunkNo);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("update release_file set rows_loaded = rows_loaded + ?,"
                        + " rows_quarantined = rows_quarantined + ? where release_id = ? and name = ?")) {
                    s.setInt(1, rowsLoaded - oldRows);
                    s.setInt(2, rowsQuarantined - oldBad);
                    s.setString(3, release.id());
                    s.setString(4, fileName);
                    s.executeUpdate();
                }
                if (establishments) {
                    try (Statement s = c.createStatement()) {
                        s.execute("insert into " + schema.table("establishment_cnae") + " "
                                + ReleaseIndexing.searchRows(table + " e", "e." + range));
                        try (ResultSet ufs = s.executeQuery("select distinct uf from reprocessed union select distinct uf from "
                                + table + " where " + range)) {
                            java.util.List<String> touched = new java.util.ArrayList<>();
                            while (ufs.next()) {
                                touched.add(ufs.getString(1));
                            }
                            for (String uf : touched) {
                                ReleaseIndexing.recount(c, schema, uf);
                            }
                        }
                    }
                }
                ReleaseStore.recordCountsFrom(c, release.id(), schema);
                LOG.infof("release %s: chunk %d of %s reloaded (lines %d-%d: %d rows, %d quarantined)", release.id(), chunkNo,
                        fileName, firstLine, lastLine, rowsLoaded, rowsQuarantined);
                return null;
            });
        }
    }

    /** The unique key of each table that has one (establishments are unique by CNPJ within their UF). */
    private static final java.util.Map<String, java.util.List<String>> KEYS = java.util.Map.of(
            "establishment", java.util.List.of("cnpj", "uf"), "company", java.util.List.of("cnpj_basico"),
            "simples", java.util.List.of("cnpj_basico"));

    /** Moves the incoming rows whose key is taken (in the table, or by a later line of the chunk) to quarantine. */
    private static int quarantineClashes(Connection c, String releaseId, String fileName, String table,
                                         java.util.List<String> key) throws SQLException {
        if (key == null) {
            return 0;
        }
        String matchTable = key.stream().map(k -> "t." + k + " = i." + k).collect(java.util.stream.Collectors.joining(" and "));
        String matchLater = key.stream().map(k -> "l." + k + " = i." + k).collect(java.util.stream.Collectors.joining(" and "));
        try (PreparedStatement s = c.prepareStatement("with clash as (delete from pg_temp.incoming i where exists"
                + " (select 1 from " + table + " t where " + matchTable + ") or exists (select 1 from pg_temp.incoming l"
                + " where " + matchLater + " and l.src_line > i.src_line) returning i.*)"
                + " insert into quarantined_row (release_id, file_name, line_no, reason, raw_line)"
                + " select ?, ?, src_line, 'duplicate_key: " + String.join(" + ", key) + " held by another row',"
                + " row_to_json(clash)::text from clash")) {
            s.setString(1, releaseId);
            s.setString(2, fileName);
            return s.executeUpdate();
        }
    }

    void uf(Release release, ReleaseSource source, String uf) throws Exception {
        ReleaseSchema schema = ReleaseSchema.ofData(release);
        String suffix = uf.toLowerCase(Locale.ROOT);
        String next = schema.table("establishment_" + suffix + "_next");
        String nextSearch = schema.table("establishment_cnae_" + suffix + "_next");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("drop table if exists " + next + ", " + nextSearch);
            s.execute("create unlogged table " + next + " (like " + schema.table("establishment") + ")");
            s.execute("create unlogged table " + nextSearch + " (like " + schema.table("establishment_cnae") + ")");
        }
        RowMapper mapper = Mappers.forKind(RfFileKind.ESTABELECIMENTOS, phones);
        int ufField = com.dominusleads.directory.EstabelecimentoColumn.UF.ordinal();
        long rows = 0;
        for (ReleaseFile file : source.files()) {
            if (file.kind() != RfFileKind.ESTABELECIMENTOS) {
                continue;
            }
            Path zip = source.fetch(file, (name, done, total) -> { });
            try (ZipFile zipFile = new ZipFile(zip.toFile());
                 InputStream in = zipFile.getInputStream(FileLoader.singleEntry(zipFile, file.name()))) {
                RfRecordReader reader = new RfRecordReader(in, mapper.fields());
                // Malformed lines were quarantined by the load; here only this UF's well-formed rows are wanted.
                rows += Transactions.inTransaction(dataSource, c -> new RecordCopy(c, next, mapper, FileIndex.of(file.name()),
                        r -> com.dominusleads.ingestion.parsing.Fields.is(r, ufField, uf)).copy(reader, Long.MAX_VALUE)).rows();
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            indexing.buildUf(c, release.id(), schema, uf, next, nextSearch, "_next");
        }
        String current = schema.establishmentPartition(uf);
        String currentSearch = schema.searchPartition(uf);
        Transactions.inTransaction(dataSource, c -> {
            Statement s = c.createStatement();
            // The partition constraint as a check: ATTACH then need not scan the table under its lock.
            s.execute("alter table " + next + " add constraint uf_" + suffix + " check (uf = '" + uf + "')");
            s.execute("alter table " + nextSearch + " add constraint uf_" + suffix + " check (uf = '" + uf + "')");
            s.execute("alter table " + schema.table("establishment") + " detach partition " + current);
            s.execute("alter table " + schema.table("establishment") + " attach partition " + next + " for values in ('" + uf + "')");
            s.execute("alter table " + schema.table("establishment_cnae") + " detach partition " + currentSearch);
            s.execute("alter table " + schema.table("establishment_cnae") + " attach partition " + nextSearch
                    + " for values in ('" + uf + "')");
            s.execute("drop table " + current + ", " + currentSearch);
            s.execute("alter table " + next + " rename to " + unqualified(current));
            s.execute("alter table " + nextSearch + " rename to " + unqualified(currentSearch));
            for (String[] index : new String[][] {{"establishment_" + suffix + "_next_cnpj", "establishment_" + suffix + "_cnpj"},
                    {"establishment_cnae_" + suffix + "_next_by_cnae", "establishment_cnae_" + suffix + "_by_cnae"},
                    {"establishment_cnae_" + suffix + "_next_by_municipio", "establishment_cnae_" + suffix + "_by_municipio"}}) {
                s.execute("alter index " + schema.name() + "." + index[0] + " rename to " + index[1]);
            }
            ReleaseIndexing.recount(c, schema, uf);
            s.close();
            return null;
        });
        LOG.infof("release %s: UF %s reloaded from the Estabelecimentos files (%d establishments)", release.id(), uf, rows);
    }

    private static String unqualified(String table) {
        return table.substring(table.indexOf('.') + 1);
    }
}
