package com.dominusleads.ingestion.persistence;

import com.dominusleads.directory.Ufs;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applies a staged release onto the live tables, touching only what changed: rows that vanished are deleted, rows
 * whose data differ are updated, new rows inserted — keyed by CNPJ and UF for establishments (a move to another UF is
 * a delete and an insert), by root for companies and Simples; a company's partners are replaced when their set
 * differs. The search rows of every touched establishment and the counts follow. All in the caller's transaction.
 * <p>
 * Unchanged rows keep the file and line of the release that last changed them.
 */
public final class IncrementalApply {

    /** Rows inserted, updated and deleted, per table. */
    public record Changes(long inserted, long updated, long deleted, long partnerRoots) {
    }

    private record Keyed(String table, List<String> key) {
    }

    private static final List<String> NOT_DATA = List.of("src_file", "src_line");

    private IncrementalApply() {
    }

    public static Changes apply(Connection c, ReleaseSchema live, ReleaseSchema staged) throws SQLException {
        long inserted = 0;
        long updated = 0;
        long deleted = 0;
        try (Statement s = c.createStatement()) {
            s.execute("set local work_mem = '256MB'");
            for (Keyed keyed : List.of(new Keyed("establishment", List.of("cnpj", "uf")),
                    new Keyed("company", List.of("cnpj_basico")), new Keyed("simples", List.of("cnpj_basico")))) {
                String t = keyed.table();
                List<String> data = dataColumns(c, staged, t);
                String on = keyed.key().stream().map(k -> "l." + k + " = s." + k).collect(Collectors.joining(" and "));
                String keys = String.join(", ", keyed.key());
                s.execute("create temporary table gone_" + t + " on commit drop as select " + prefixed("l", keyed.key())
                        + " from " + live.table(t) + " l where not exists (select 1 from " + staged.table(t) + " s where " + on + ")");
                s.execute("create temporary table changed_" + t + " on commit drop as select " + prefixed("s", keyed.key())
                        + " from " + staged.table(t) + " s join " + live.table(t) + " l on " + on
                        + " where (" + prefixed("l", data) + ") is distinct from (" + prefixed("s", data) + ")");
                s.execute("create temporary table new_" + t + " on commit drop as select " + prefixed("s", keyed.key())
                        + " from " + staged.table(t) + " s where not exists (select 1 from " + live.table(t) + " l where " + on + ")");
                if (t.equals("establishment")) {
                    // Their search rows go first; they are written again from the new rows below.
                    s.execute("delete from " + live.table("establishment_cnae") + " x using (select cnpj, uf from gone_"
                            + t + " union all select cnpj, uf from changed_" + t + ") a where x.cnpj = a.cnpj and x.uf = a.uf");
                }
                deleted += s.executeUpdate("delete from " + live.table(t) + " l using gone_" + t + " s where " + on);
                List<String> all = concat(data, NOT_DATA);
                updated += s.executeUpdate("update " + live.table(t) + " l set (" + String.join(", ", all) + ") = ("
                        + prefixed("s", all) + ") from " + staged.table(t) + " s join changed_" + t + " x using (" + keys
                        + ") where " + on);
                inserted += s.executeUpdate("insert into " + live.table(t) + " (" + String.join(", ", all) + ") select "
                        + prefixed("s", all) + " from " + staged.table(t) + " s join new_" + t + " x using (" + keys + ")");
                if (t.equals("establishment")) {
                    s.execute("insert into " + live.table("establishment_cnae") + " " + ReleaseIndexing.searchRows(
                            live.table("establishment") + " e join (select cnpj, uf from changed_" + t
                                    + " union all select cnpj, uf from new_" + t + ") a on e.cnpj = a.cnpj and e.uf = a.uf",
                            "true"));
                }
            }
            long partnerRoots = partners(c, s, live, staged);
            s.execute("delete from " + live.table("lookup"));
            s.execute("insert into " + live.table("lookup") + " select * from " + staged.table("lookup"));
            for (String uf : Ufs.ALL) {
                ReleaseIndexing.recount(c, live, uf);
            }
            return new Changes(inserted, updated, deleted, partnerRoots);
        }
    }

    /** Replaces the partners of every company whose set of partners differs (partners have no key of their own). */
    private static long partners(Connection c, Statement s, ReleaseSchema live, ReleaseSchema staged) throws SQLException {
        List<String> data = dataColumns(c, staged, "partner");
        String row = "md5(string_agg(row(" + String.join(", ", data) + ")::text, '|' order by row("
                + String.join(", ", data) + ")::text))";
        s.execute("create temporary table partner_roots on commit drop as select cnpj_basico from"
                + " (select cnpj_basico, " + row + " as h from " + live.table("partner") + " group by 1) l"
                + " full join (select cnpj_basico, " + row + " as h from " + staged.table("partner") + " group by 1) s"
                + " using (cnpj_basico) where l.h is distinct from s.h");
        s.executeUpdate("delete from " + live.table("partner") + " p using partner_roots r where p.cnpj_basico = r.cnpj_basico");
        s.executeUpdate("insert into " + live.table("partner") + " select p.* from " + staged.table("partner")
                + " p join partner_roots r using (cnpj_basico)");
        return count(s, "partner_roots");
    }

    private static long count(Statement s, String table) throws SQLException {
        try (var rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The table's columns minus where each row came from, in table order. */
    private static List<String> dataColumns(Connection c, ReleaseSchema schema, String table) throws SQLException {
        try (var s = c.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = ? and table_name = ? order by ordinal_position")) {
            s.setString(1, schema.name());
            s.setString(2, table);
            List<String> columns = new java.util.ArrayList<>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!NOT_DATA.contains(rs.getString(1))) {
                        columns.add(rs.getString(1));
                    }
                }
            }
            return columns;
        }
    }

    private static String prefixed(String alias, List<String> columns) {
        return columns.stream().map(column -> alias + "." + column).collect(Collectors.joining(", "));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
