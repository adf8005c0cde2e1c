package com.dominusleads.ingestion.search;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches the live directory. For each requested CNAE, the search table's index (cnae, situacao, cnpj) — or
 * (cnae, municipio, situacao, cnpj) when a municipality is given — yields that CNAE's establishments in CNPJ order,
 * filtered as it goes and stopped after one page; the per-CNAE pages are merged, de-duplicated (an establishment may
 * hold several of the CNAEs) and cut to the page. Cost grows with the page and the number of CNAEs, not with how many
 * establishments match: the hottest CNAE's first page is as quick as a rare one's.
 */
@ApplicationScoped
public class DirectorySearch {

    /** Totals up to this are counted exactly; above it they come from the count tables, flagged as estimates. */
    static final int EXACT_COUNT_LIMIT = 10_000;

    private final Pool pool;

    public DirectorySearch(Pool pool) {
        this.pool = pool;
    }

    /** One page of results, the total (and whether it is an estimate), and the cursor of the next page. */
    public record Result(List<JsonObject> companies, long total, boolean totalEstimated, String nextCnpj) {
    }

    public Uni<Result> search(SearchCriteria criteria) {
        Sql page = hits(criteria, true);
        String sql = "with hits as (" + page.text + ")"
                + " select " + CompanyJson.SUMMARY + " as company, e.cnpj"
                + " from hits join directory.establishment e on e.cnpj = hits.cnpj and e.uf = hits.uf"
                + " left join directory.company co on co.cnpj_basico = e.cnpj_basico"
                + " left join directory.simples si on si.cnpj_basico = e.cnpj_basico"
                + " order by e.cnpj";
        return pool.preparedQuery(sql).execute(page.tuple())
                .chain(rows -> {
                    List<JsonObject> companies = new ArrayList<>();
                    for (Row row : rows) {
                        companies.add(row.getJsonObject("company"));
                    }
                    String next = null;
                    if (companies.size() > criteria.limit()) {
                        companies.remove(criteria.limit());
                        next = companies.get(criteria.limit() - 1).getString("cnpj");
                    }
                    String nextCnpj = next;
                    return total(criteria).map(total -> new Result(companies, total.count, total.estimated, nextCnpj));
                });
    }

    private record Total(long count, boolean estimated) {
    }

    /**
     * The total: an upper bound from the count tables first (a few rows summed); when it is small, the exact count
     * with every filter; when large, the bound itself — exact if nothing but CNAE, UF, situação and contact filters
     * narrow a single CNAE, otherwise an estimate (scaled to the municipality's share of its UF when one is given).
     */
    private Uni<Total> total(SearchCriteria criteria) {
        List<Object> params = new ArrayList<>();
        params.add(criteria.cnaes().toArray(Integer[]::new));
        params.add((short) criteria.situacao());
        params.add((short) criteria.requiredFlags());
        StringBuilder where = new StringBuilder("cnae = any($1) and situacao = $2 and (flags & $3) = $3");
        if (criteria.uf() != null) {
            params.add(criteria.uf());
            where.append(" and uf = $").append(params.size());
        }
        if (criteria.principalOnly()) {
            where.append(" and principal");
        }
        String bound = "select coalesce(sum(n), 0) from directory.cnae_count where " + where;
        return pool.preparedQuery(bound).execute(Tuple.from(params)).chain(rows -> {
            long upper = rows.iterator().next().getLong(0);
            if (upper <= EXACT_COUNT_LIMIT) {
                Sql count = hits(criteria, false);
                return pool.preparedQuery("select count(*) from (" + count.text + ") c").execute(count.tuple())
                        .map(r -> new Total(r.iterator().next().getLong(0), false));
            }
            boolean narrowed = criteria.municipioIbge() != null || criteria.needsCompany()
                    || criteria.openedAfter() != null || criteria.cnaes().size() > 1;
            if (criteria.municipioIbge() == null) {
                return Uni.createFrom().item(new Total(upper, narrowed));
            }
            return pool.preparedQuery("""
                            select coalesce((select n from directory.municipality_count where municipio_ibge = $1), 0)::float8
                                 / greatest((select sum(n) from directory.municipality_count where uf = $2), 1)::float8""")
                    .execute(Tuple.of(criteria.municipioIbge(), criteria.uf() == null ? "" : criteria.uf()))
                    .map(r -> new Total(Math.round(upper * r.iterator().next().getDouble(0)), true));
        });
    }

    /** SQL text and its parameters. */
    private record Sql(String text, List<Object> params) {
        Tuple tuple() {
            return Tuple.from(params);
        }
    }

    /**
     * The matching (cnpj, uf) pairs in CNPJ order: a page (limit + 1 rows after the offset or cursor) or, for
     * counting, all of them. Only the filters given appear in the SQL, so each shape gets its own plan.
     */
    private static Sql hits(SearchCriteria c, boolean page) {
        List<Object> params = new ArrayList<>();
        params.add(c.cnaes().toArray(Integer[]::new));
        params.add((short) c.situacao());
        StringBuilder inner = new StringBuilder("select s.cnpj, s.uf from directory.establishment_cnae s"
                + " where s.cnae = q.cnae and s.situacao = $2");
        if (c.uf() != null) {
            params.add(c.uf());
            inner.append(" and s.uf = $").append(params.size());
        }
        if (c.municipioIbge() != null) {
            params.add(c.municipioIbge());
            inner.append(" and s.municipio_ibge = $").append(params.size());
        }
        if (c.principalOnly()) {
            inner.append(" and s.principal");
        }
        if (c.requiredFlags() != 0) {
            params.add((short) c.requiredFlags());
            inner.append(" and (s.flags & $").append(params.size()).append(") = $").append(params.size());
        }
        if (page && c.afterCnpj() != null) {
            params.add(c.afterCnpj());
            inner.append(" and s.cnpj > $").append(params.size());
        }
        if (c.needsCompany()) {
            StringBuilder company = new StringBuilder();
            if (c.portes() != null && !c.portes().isEmpty()) {
                params.add(c.portes().stream().map(Integer::shortValue).toArray(Short[]::new));
                company.append(" and co.porte = any($").append(params.size()).append(")");
            }
            if (c.capitalMin() != null) {
                params.add(c.capitalMin());
                company.append(" and co.capital_social >= $").append(params.size());
            }
            if (company.length() > 0) {
                inner.append(" and exists (select 1 from directory.company co where co.cnpj_basico = left(s.cnpj, 8)")
                        .append(company).append(")");
            }
            if (c.excluirMei()) {
                inner.append(" and not exists (select 1 from directory.simples si"
                        + " where si.cnpj_basico = left(s.cnpj, 8) and si.opcao_mei)");
            }
        }
        if (c.openedAfter() != null) {
            params.add(c.openedAfter());
            inner.append(" and exists (select 1 from directory.establishment e2 where e2.cnpj = s.cnpj"
                    + " and e2.uf = s.uf and e2.data_inicio_atividade >= $").append(params.size()).append(")");
        }
        String outerLimit = "";
        if (page) {
            int rows = c.offset() + c.limit() + 1;
            inner.append(" order by s.cnpj limit ").append(rows);
            outerLimit = " order by cnpj limit " + (c.limit() + 1) + " offset " + c.offset();
        }
        String text = "select distinct h.cnpj, h.uf from unnest($1::int[]) as q(cnae)"
                + " cross join lateral (" + inner + ") h" + outerLimit;
        return new Sql(text, params);
    }

    /** One company by CNPJ, with its partners; null when the directory does not hold it. */
    public Uni<JsonObject> company(String cnpj) {
        String sql = "select " + CompanyJson.SUMMARY + "::jsonb || jsonb_build_object('socios', " + CompanyJson.PARTNERS
                + ") as company from directory.establishment e"
                + " left join directory.company co on co.cnpj_basico = e.cnpj_basico"
                + " left join directory.simples si on si.cnpj_basico = e.cnpj_basico"
                + " where e.cnpj = $1";
        // The CNPJ does not say its UF partition, so a custom plan weighs all of them each time: about 3 ms of
        // planning for 0.6 ms of work. The generic plan, made once per connection, prunes while it runs instead.
        return pool.withTransaction(tx -> tx.query("set local plan_cache_mode = force_generic_plan").execute()
                .chain(() -> tx.preparedQuery(sql).execute(Tuple.of(cnpj))))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? it.next().getJsonObject("company") : null;
                });
    }
}
