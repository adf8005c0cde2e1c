package com.dominusleads.ingestion.persistence;

import com.dominusleads.directory.RfFileKind;
import com.dominusleads.directory.Ufs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * After every file is in: each table is made durable ({@code SET LOGGED}, before the indexes, which that rewrite would
 * otherwise rebuild), de-duplicated if its key turns out not to be unique, indexed and analysed, and the search table
 * is built from the establishments, one UF at a time. Independent steps run on {@code workers} connections at once;
 * each finished step is recorded, so a resumed job goes on with the remaining ones.
 */
public final class ReleaseIndexing {

    private static final Logger LOG = Logger.getLogger(ReleaseIndexing.class);

    private final DataSource dataSource;
    private final int workers;
    private final boolean durable;

    public ReleaseIndexing(DataSource dataSource, int workers, boolean durable) {
        this.dataSource = dataSource;
        this.workers = workers;
        this.durable = durable;
    }

    /** One step: a name (recorded when done) and its statements. */
    private record Step(String name, SqlWork work) {
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    public void run(String releaseId, ReleaseSchema schema, Consumer<String> stepFinished) throws SQLException {
        List<Step> steps = new ArrayList<>();
        // The largest first: the two workers finish together instead of one waiting on SP at the end.
        for (String uf : List.of("SP", "MG", "RJ", "RS", "PR", "BA", "SC", "GO")) {
            steps.add(new Step("uf:" + uf, c -> ufPartition(c, releaseId, schema, uf)));
        }
        steps.add(new Step("company", c -> keyedTable(c, releaseId, schema, "company", "cnpj_basico")));
        steps.add(new Step("simples", c -> keyedTable(c, releaseId, schema, "simples", "cnpj_basico")));
        steps.add(new Step("partner", c -> {
            setLogged(c, schema.table("partner"));
            exec(c, "create index if not exists partner_root on " + schema.table("partner") + " (cnpj_basico)");
            exec(c, "analyze " + schema.table("partner"));
        }));
        for (String uf : Ufs.ALL) {
            if (steps.stream().noneMatch(s -> s.name().equals("uf:" + uf))) {
                steps.add(new Step("uf:" + uf, c -> ufPartition(c, releaseId, schema, uf)));
            }
        }
        steps.add(new Step("lookup", c -> {
            exec(c, "create index if not exists lookup_code on " + schema.table("lookup") + " (kind, code)");
            exec(c, "analyze " + schema.table("lookup"));
        }));
        // After every UF step: a CNPJ in two UFs is a duplicate no per-UF index sees; then the counts are complete.
        List<Step> last = List.of(new Step("duplicates-across-ufs", c -> crossUfDuplicates(c, releaseId, schema)),
                new Step("counts", c -> {
            exec(c, "create index if not exists cnae_count_key on " + schema.table("cnae_count") + " (cnae, uf)");
            exec(c, "analyze " + schema.table("cnae_count"));
            exec(c, "analyze " + schema.table("municipality_count"));
        }));

        runAll(releaseId, steps, last, stepFinished);
    }

    private void runAll(String releaseId, List<Step> steps, List<Step> last, Consumer<String> stepFinished)
            throws SQLException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "release-indexing");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Step step : steps) {
                running.add(pool.submit(() -> {
                    runStep(releaseId, step);
                    stepFinished.accept(step.name());
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            for (Step step : last) {
                runStep(releaseId, step);
                stepFinished.accept(step.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while indexing release " + releaseId, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            // Index builds cannot be interrupted: wait for the running ones, so that none outlives the job's lock.
            pool.shutdownNow();
            try {
                while (!pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    LOG.info("waiting for the running index steps to finish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * For a release staged to be applied incrementally: only the key indexes the comparison with the live tables
     * needs (and de-duplication). The staging tables stay unlogged: they are dropped once applied.
     */
    public void runForStaging(String releaseId, ReleaseSchema schema) throws SQLException {
        List<Step> steps = new ArrayList<>();
        for (String uf : Ufs.ALL) {
            String name = uf.toLowerCase(java.util.Locale.ROOT);
            steps.add(new Step("staging:" + uf, c -> uniqueIndex(c, releaseId, schema, schema.establishmentPartition(uf),
                    "establishment_" + name + "_cnpj", "cnpj")));
        }
        steps.add(new Step("staging:company", c -> uniqueIndex(c, releaseId, schema, schema.table("company"),
                "company_key", "cnpj_basico")));
        steps.add(new Step("staging:simples", c -> uniqueIndex(c, releaseId, schema, schema.table("simples"),
                "simples_key", "cnpj_basico")));
        steps.add(new Step("staging:partner", c -> exec(c, "create index if not exists partner_root on "
                + schema.table("partner") + " (cnpj_basico)")));
        runAll(releaseId, steps, List.of(), step -> { });
    }

    private void runStep(String releaseId, Step step) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (ReleaseStore.stepDone(c, releaseId, step.name())) {
                return;
            }
            exec(c, "set maintenance_work_mem = '512MB'");
            exec(c, "set max_parallel_maintenance_workers = 0"); // we run steps side by side instead
            long start = System.nanoTime();
            step.work().run(c);
            double seconds = (System.nanoTime() - start) / 1e9;
            ReleaseStore.stepFinished(c, releaseId, step.name(), seconds);
            LOG.infof("release %s: %s done in %.1f s", releaseId, step.name(), seconds);
        }
    }

    private void ufPartition(Connection c, String releaseId, ReleaseSchema schema, String uf) throws SQLException {
        buildUf(c, releaseId, schema, uf, schema.establishmentPartition(uf), schema.searchPartition(uf), "");
        recount(c, schema, uf);
    }

    /**
     * Makes {@code establishments} (the UF's rows) durable and unique by CNPJ, fills {@code search} from it and indexes
     * both; index names get {@code suffix} (a partition being rebuilt beside the live one).
     */
    public void buildUf(Connection c, String releaseId, ReleaseSchema schema, String uf, String establishments, String search,
                 String suffix) throws SQLException {
        String name = uf.toLowerCase(java.util.Locale.ROOT) + suffix;
        setLogged(c, establishments);
        uniqueIndex(c, releaseId, schema, establishments, "establishment_" + name + "_cnpj", "cnpj");
        exec(c, "truncate " + search);
        exec(c, "insert into " + search + " " + searchRows(establishments + " e", "true"));
        setLogged(c, search);
        exec(c, "create index if not exists establishment_cnae_" + name + "_by_cnae on " + search
                + " (cnae, situacao, cnpj) include (municipio_ibge, flags)");
        exec(c, "create index if not exists establishment_cnae_" + name + "_by_municipio on " + search
                + " (cnae, municipio_ibge, situacao, cnpj) include (flags)");
        // VACUUM sets the visibility map of the fresh tables: counts and the duplicate check below then read the
        // indexes alone (index-only scans) instead of visiting every row.
        exec(c, "vacuum (analyze) " + establishments);
        exec(c, "vacuum (analyze) " + search);
    }

    /**
     * The search table's rows (column order of {@code establishment_cnae}) of the establishments in {@code from}
     * (aliased {@code e}) that satisfy {@code where}: one for the principal CNAE, one per secondary.
     */
    public static String searchRows(String from, String where) {
        return "(cnae, situacao, cnpj, municipio_ibge, flags, principal, uf)"
                + " select e.cnae_principal, e.situacao, e.cnpj, e.municipio_ibge, e.flags, true, e.uf from " + from
                + " where " + where
                + " union all"
                + " select s.cnae, e.situacao, e.cnpj, e.municipio_ibge, e.flags, false, e.uf from " + from
                + " cross join lateral unnest(e.cnaes_secundarios) as s(cnae) where " + where;
    }

    /** Replaces the search counts of one UF (its rows only: the step may run again, and other UFs stay). */
    public static void recount(Connection c, ReleaseSchema schema, String uf) throws SQLException {
        exec(c, "delete from " + schema.table("cnae_count") + " where uf = '" + uf + "'");
        exec(c, "insert into " + schema.table("cnae_count") + " (cnae, uf, situacao, flags, principal, n)"
                + " select cnae, uf, situacao, flags, principal, count(*) from " + schema.searchPartition(uf)
                + " group by 1, 2, 3, 4, 5");
        exec(c, "delete from " + schema.table("municipality_count") + " where uf = '" + uf + "'");
        exec(c, "insert into " + schema.table("municipality_count") + " (municipio_ibge, uf, n)"
                + " select municipio_ibge, uf, count(*) from " + schema.establishmentPartition(uf) + " group by 1, 2");
    }

    /**
     * A CNPJ in two UF partitions (the per-UF unique indexes cannot see it): every copy but the one from the latest
     * line goes to quarantine with its search rows, and the UFs touched are counted again. The check reads the
     * partitions' CNPJ indexes in one merged order, so it costs one pass over them.
     */
    private static void crossUfDuplicates(Connection c, String releaseId, ReleaseSchema schema) throws SQLException {
        exec(c, "create temporary table if not exists cross_uf (cnpj text collate \"C\")");
        exec(c, "truncate cross_uf");
        exec(c, "insert into cross_uf select cnpj from (select cnpj, lag(cnpj) over (order by cnpj) as previous from "
                + schema.table("establishment") + ") e where cnpj = previous");
        boolean any;
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select exists (select 1 from cross_uf)")) {
            rs.next();
            any = rs.getBoolean(1);
        }
        if (any) {
            try {
                c.setAutoCommit(false);
                exec(c, "create temporary table moved on commit drop as select e.cnpj, e.uf, e.src_file, e.src_line from ("
                        + "select cnpj, uf, src_file, src_line, row_number() over (partition by cnpj"
                        + " order by src_file desc, src_line desc) as n from " + schema.table("establishment")
                        + " where cnpj in (select cnpj from cross_uf)) e where n > 1");
                exec(c, "delete from " + schema.table("establishment_cnae") + " x using moved m"
                        + " where x.cnpj = m.cnpj and x.uf = m.uf");
                try (PreparedStatement s = c.prepareStatement("with gone as (delete from " + schema.table("establishment")
                        + " e using moved m where e.cnpj = m.cnpj and e.uf = m.uf and e.src_file = m.src_file"
                        + " and e.src_line = m.src_line returning e.*)"
                        + " insert into quarantined_row (release_id, file_name, line_no, reason, raw_line)"
                        + " select ?, (?::text[])[src_file + 1], src_line, 'duplicate_key: cnpj ' || cnpj"
                        + " || ' is also in another UF, on a later line that was kept', row_to_json(gone)::text from gone")) {
                    s.setString(1, releaseId);
                    s.setArray(2, c.createArrayOf("text", RfFileKind.allZipNames().toArray()));
                    int moved = s.executeUpdate();
                    LOG.warnf("release %s: %d establishments found in two UFs quarantined", releaseId, moved);
                }
                List<String> touched = new ArrayList<>();
                try (Statement s = c.createStatement(); var rs = s.executeQuery("select distinct uf from moved")) {
                    while (rs.next()) {
                        touched.add(rs.getString(1));
                    }
                }
                for (String uf : touched) {
                    recount(c, schema, uf);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        exec(c, "drop table cross_uf");
    }

    private void keyedTable(Connection c, String releaseId, ReleaseSchema schema, String table, String key)
            throws SQLException {
        setLogged(c, schema.table(table));
        uniqueIndex(c, releaseId, schema, schema.table(table), table + "_key", key);
        exec(c, "analyze " + schema.table(table));
    }

    /**
     * A unique index on {@code key}; when the data holds duplicates (the Receita has shipped some), every row but the
     * one from the latest line is moved to quarantine with the reason, and the index is built again.
     */
    void uniqueIndex(Connection c, String releaseId, ReleaseSchema schema, String table, String index,
                             String key) throws SQLException {
        try {
            exec(c, "create unique index if not exists " + index + " on " + table + " (" + key + ")");
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            exec(c, "drop index if exists " + schema.name() + "." + index);
            int moved = quarantineDuplicates(c, releaseId, table, key);
            LOG.warnf("release %s: %d duplicate %s rows in %s quarantined", releaseId, moved, key, table);
            exec(c, "create unique index " + index + " on " + table + " (" + key + ")");
        }
    }

    private static int quarantineDuplicates(Connection c, String releaseId, String table, String key)
            throws SQLException {
        String sql = "with duplicate as (delete from " + table + " a using " + table + " b where a." + key + " = b." + key
                + " and (a.src_file, a.src_line) < (b.src_file, b.src_line)"
                + " returning a.*, b.src_line as kept_line)"
                + " insert into quarantined_row (release_id, file_name, line_no, reason, raw_line)"
                + " select ?, (?::text[])[src_file + 1], src_line,"
                + " 'duplicate_key: " + key + " ' || " + key + " || ' appears again later; the row of line ' || kept_line"
                + " || ' was kept', row_to_json(duplicate)::text from duplicate";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, releaseId);
            s.setArray(2, c.createArrayOf("text", RfFileKind.allZipNames().toArray()));
            return s.executeUpdate();
        }
    }

    void setLogged(Connection c, String table) throws SQLException {
        if (durable) {
            exec(c, "alter table " + table + " set logged");
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
