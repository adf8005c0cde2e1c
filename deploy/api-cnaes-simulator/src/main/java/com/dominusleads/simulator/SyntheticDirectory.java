package com.dominusleads.simulator;

import com.dominusleads.directory.Cnae;
import com.dominusleads.directory.Municipality;
import com.dominusleads.events.Cnpj;
import com.dominusleads.releasegenerator.Geography;
import com.dominusleads.releasegenerator.Names;
import com.dominusleads.releasegenerator.SeededRandom;
import com.dominusleads.releasegenerator.WeightedChoice;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated register: a company document for every valid CNPJ, derived from the CNPJ and the seed alone, and
 * search results made of such CNPJs.
 * <p>
 * A document is drawn in two steps. The <em>profile</em> (what searches filter on: principal CNAE, municipality, size,
 * capital, situação, secondary CNAEs, and whether the API "knows" the CNPJ at all) is cheap; the rest of the document
 * (names, address, phones, partners…) is drawn only when a document is served. A search walks a query-specific
 * sequence of candidate CNPJs, each built (through {@link CnpjCodec}) from a CNAE, municipality and size chosen within
 * the query's filters and an ordinal equal to its position in the sequence (so candidates never repeat), and keeps the
 * candidates whose profile matches every filter. {@code GET /companies/{cnpj}} of a CNPJ found by a search therefore
 * returns the very document the search listed (plus its partners).
 */
final class SyntheticDirectory {

    /** The simulated register's "today": documents never depend on the wall clock. */
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    static final int MAX_TOTAL = 5_000;

    private static final long PROFILE_STREAM = 0x50524F46L;
    private static final long DETAIL_STREAM = 0x44455441L;
    private static final long UNKNOWN_STREAM = 0x554E4B4EL;
    private static final long TOTAL_STREAM = 0x544F5441L;
    private static final long CANDIDATE_STREAM = 0x43414E44L;

    private static final int[] SITUACOES = {2, 8, 4, 3, 1};
    private static final WeightedChoice SITUACAO = new WeightedChoice(80, 12, 5, 2, 1);
    /** Weights of the size categories 0 não informado, 1 ME, 2 MEI, 3 EPP, 4 demais. */
    private static final double[] CATEGORY_WEIGHTS = {4, 40, 35, 12, 9};
    /** Capital social range (reais) per category; category 0 has no capital a third of the time. */
    private static final long[][] CAPITAL = {{1_000, 200_000}, {1_000, 360_000}, {1_000, 80_000}, {10_000, 4_800_000},
        {100_000, 1_000_000_000}};
    /** How many secondary CNAEs (0 to 6) a company has. */
    private static final WeightedChoice SECONDARY_COUNT = new WeightedChoice(35, 20, 15, 12, 8, 6, 4);
    /** How many phones (0 to 2) a company has. */
    private static final WeightedChoice PHONE_COUNT = new WeightedChoice(20, 55, 25);
    private static final int NEIGHBOURHOOD = 8;

    private final long seed;
    private final double unknownShare;
    private final Reference reference = Reference.INSTANCE;
    private final CnpjCodec codec;
    private final JsonNodeFactory json = JsonNodeFactory.withExactBigDecimals(true); // 100.00 stays 100.00
    /** Accepted candidates per query key, most recently used last. */
    private final Map<String, long[]> results = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > 256;
        }
    };

    SyntheticDirectory(long seed, double unknownShare) {
        this.seed = seed;
        this.unknownShare = unknownShare;
        this.codec = new CnpjCodec(seed, reference.cnaes.size(), reference.municipalities.size());
    }

    /** What searches filter on, derived from the CNPJ (and the seed). */
    record Profile(Cnpj cnpj, CnpjCodec.Tuple tuple, Cnae principal, Municipality municipality, int situacao,
                   long capitalReais, int[] secondaries, boolean known) {

        int category() {
            return tuple.category();
        }
    }

    Profile profile(Cnpj cnpj) {
        return profile(codec.packedOf(cnpj), cnpj);
    }

    private Profile profile(long packed, Cnpj cnpj) {
        CnpjCodec.Tuple t = codec.unpack(packed);
        SeededRandom r = new SeededRandom(SeededRandom.hash(seed ^ PROFILE_STREAM, cnpj.value()));
        int situacao = SITUACOES[SITUACAO.next(r)];
        long[] range = CAPITAL[t.category()];
        long capital = t.category() == 0 && r.chance(1 / 3.0) ? 0 : logUniform(r, range[0], range[1]);
        int count = SECONDARY_COUNT.next(r);
        int[] secondaries = new int[count];
        int n = 0;
        for (int attempt = 0; attempt < count * 4 && n < count; attempt++) {
            int offset = r.between(1, NEIGHBOURHOOD) * (r.chance(0.5) ? 1 : -1);
            int candidate = Math.floorMod(t.cnaeIndex() + offset, reference.cnaes.size());
            boolean fresh = candidate != t.cnaeIndex();
            for (int i = 0; i < n && fresh; i++) {
                fresh = secondaries[i] != candidate;
            }
            if (fresh) {
                secondaries[n++] = candidate;
            }
        }
        boolean known = SeededRandom.unit(SeededRandom.hash(seed ^ UNKNOWN_STREAM, cnpj.value())) >= unknownShare;
        return new Profile(cnpj, t, reference.cnaes.get(t.cnaeIndex()),
                reference.municipalities.get(t.municipalityIndex()), situacao, capital, Arrays.copyOf(secondaries, n),
                known);
    }

    /** Log-uniform in [from, to], rounded to hundreds above 10,000. */
    private static long logUniform(SeededRandom r, long from, long to) {
        double value = Math.exp(Math.log(from) + r.nextDouble() * (Math.log(to) - Math.log(from)));
        long rounded = value > 10_000 ? Math.round(value / 100) * 100 : Math.round(value);
        return Math.max(from, Math.min(to, rounded));
    }

    // ---------------------------------------------------------------- search

    /** One page of a search: the total and the page's documents. */
    record Page(int total, List<ObjectNode> companies) {
    }

    Page search(SearchQuery q) {
        long[] all = accepted(q);
        int from = (int) Math.min(all.length, q.offset());
        int to = (int) Math.min(all.length, q.offset() + q.limit());
        List<ObjectNode> companies = new java.util.ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            companies.add(summary(profile(all[i], codec.cnpj(all[i]))));
        }
        return new Page(all.length, companies);
    }

    /** How many results the query has: derived from the query alone, between 0 and {@link #MAX_TOTAL}. */
    int targetTotal(SearchQuery q) {
        double u = SeededRandom.unit(SeededRandom.hash(seed ^ TOTAL_STREAM, q.key()));
        if (u < 0.04) {
            return 0;
        }
        double v = (u - 0.04) / 0.96;
        return 1 + (int) Math.floor((MAX_TOTAL - 1) * v * v);
    }

    private long[] accepted(SearchQuery q) {
        String key = q.key();
        synchronized (results) {
            long[] cached = results.get(key);
            if (cached != null) {
                return cached;
            }
        }
        long[] computed = compute(q, key);
        synchronized (results) {
            results.put(key, computed);
        }
        return computed;
    }

    private long[] compute(SearchQuery q, String key) {
        int target = targetTotal(q);
        int[] cnaes = q.cnaes().stream().mapToInt(reference::cnaeIndex).filter(i -> i >= 0).toArray();
        int[] municipalities = q.municipioIbge() != null ? new int[] {reference.municipalityIndex(q.municipioIbge())}
                : q.uf() != null ? reference.municipalitiesOf(q.uf()) : null;
        double[] categoryWeights = new double[CnpjCodec.CATEGORIES];
        for (int c : q.categories()) {
            boolean reachable = q.capitalMin() == null || BigDecimal.valueOf(CAPITAL[c][1]).compareTo(q.capitalMin()) >= 0;
            categoryWeights[c] = reachable ? CATEGORY_WEIGHTS[c] : 0;
        }
        if (target == 0 || cnaes.length == 0 || (municipalities != null && municipalities.length == 0)
                || Arrays.stream(categoryWeights).sum() == 0) {
            return new long[0];
        }
        WeightedChoice categories = new WeightedChoice(categoryWeights);
        long[] found = new long[target];
        int n = 0;
        long streamKey = SeededRandom.hash(seed ^ CANDIDATE_STREAM, key);
        for (long ordinal = 0; ordinal < codec.ordinals && n < target; ordinal++) {
            SeededRandom r = new SeededRandom(streamKey + ordinal * 0x9E3779B97F4A7C15L);
            int wanted = cnaes[r.nextInt(cnaes.length)];
            int principal = wanted;
            if (!q.principalOnly() && r.chance(0.4)) {
                // A company whose principal activity is a neighbour of the wanted one: listed when the wanted CNAE
                // is among its secondary ones.
                int offset = r.between(1, NEIGHBOURHOOD) * (r.chance(0.5) ? 1 : -1);
                principal = Math.floorMod(wanted + offset, reference.cnaes.size());
            }
            int municipality = municipalities == null ? r.nextInt(reference.municipalities.size())
                    : municipalities[r.nextInt(municipalities.length)];
            int category = categories.next(r);
            long packed = codec.pack(new CnpjCodec.Tuple(principal, municipality, category, ordinal));
            Cnpj cnpj = codec.cnpj(packed);
            if (cnpj != null && matches(q, profile(packed, cnpj))) {
                found[n++] = packed;
            }
        }
        return Arrays.copyOf(found, n);
    }

    /** Whether a company with this profile answers the query (the same test a client can run on the documents). */
    boolean matches(SearchQuery q, Profile p) {
        if (!p.known() || p.situacao() != 2 || !q.categories().contains(p.category())) {
            return false;
        }
        if (q.uf() != null && !q.uf().equals(p.municipality().uf())) {
            return false;
        }
        if (q.municipioIbge() != null && q.municipioIbge() != p.municipality().ibgeCode()) {
            return false;
        }
        if (q.capitalMin() != null && BigDecimal.valueOf(p.capitalReais()).compareTo(q.capitalMin()) < 0) {
            return false;
        }
        if (q.cnaes().contains(p.principal().code())) {
            return true;
        }
        if (!q.principalOnly()) {
            for (int s : p.secondaries()) {
                if (q.cnaes().contains(reference.cnaes.get(s).code())) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- documents

    private static final String[] SITUACAO_NAMES = {null, "NULA", "ATIVA", "SUSPENSA", "INAPTA", null, null, null,
        "BAIXADA"};

    /** The full document of {@code GET /companies/{cnpj}}: the summary and the partners. */
    ObjectNode company(Profile p) {
        ObjectNode doc = summary(p);
        doc.set("socios", partners(p, new SeededRandom(SeededRandom.hash(seed ^ DETAIL_STREAM ^ 1, p.cnpj().value())),
                doc.path("natureza_juridica").path("codigo").asInt(), LocalDate.parse(doc.get("data_inicio_atividade")
                        .asText())));
        return doc;
    }

    /** The document as search results list it (no partners), in the field order of the local directory's API. */
    ObjectNode summary(Profile p) {
        SeededRandom r = new SeededRandom(SeededRandom.hash(seed ^ DETAIL_STREAM, p.cnpj().value()));
        String cnpj = p.cnpj().value();
        String basico = cnpj.substring(0, 8);
        int category = p.category();
        int natureza = natureza(category, r);
        String person = Names.person(r);
        String razao = switch (natureza) {
            case 2135 -> category == 2
                    ? basico.substring(0, 2) + "." + basico.substring(2, 5) + "." + basico.substring(5) + " " + person
                    : person;
            case 2046, 2054 -> Names.business(r) + " S.A.";
            case 2305 -> Names.business(r) + " EIRELI";
            default -> Names.business(r) + " LTDA";
        };
        String fantasia = r.chance(0.65) ? Names.tradeName(r) : null;
        LocalDate opened = category == 2 ? date(r, LocalDate.of(2009, 7, 1), TODAY.minusMonths(1))
                : date(r, LocalDate.of(1970, 1, 1), TODAY.minusMonths(1));
        LocalDate situacaoSince = p.situacao() == 2 && r.chance(0.7) ? opened : date(r, opened, TODAY);

        ObjectNode doc = json.objectNode();
        doc.put("cnpj", cnpj);
        doc.put("cnpj_basico", basico);
        doc.put("razao_social", razao);
        doc.put("nome_fantasia", fantasia);
        doc.put("matriz_filial", cnpj.startsWith("0001", 8) || r.chance(0.85) ? "MATRIZ" : "FILIAL");
        doc.set("situacao_cadastral", coded(p.situacao(), SITUACAO_NAMES[p.situacao()]));
        doc.put("data_situacao_cadastral", situacaoSince.toString());
        doc.set("motivo_situacao_cadastral", switch (p.situacao()) {
            case 2 -> coded(0, "SEM  MOTIVO");
            case 8 -> r.chance(0.8) ? coded(1, "EXTINCAO POR ENCERRAMENTO LIQUIDACAO VOLUNTARIA") : coded(2, "INCORPORACAO");
            case 4 -> r.chance(0.7) ? coded(63, "OMISSAO DE DECLARACOES") : coded(64, "LOCALIZACAO DESCONHECIDA");
            case 3 -> coded(74, "INCONSISTENCIA CADASTRAL");
            default -> coded(16, "ANULACAO POR VICIOS");
        });
        doc.putNull("situacao_especial");
        doc.putNull("data_situacao_especial");
        doc.put("data_inicio_atividade", opened.toString());
        doc.set("natureza_juridica", coded(natureza, naturezaName(natureza)));
        doc.set("qualificacao_responsavel", switch (natureza) {
            case 2135 -> coded(50, "Empresário");
            case 2046, 2054 -> coded(10, "Diretor");
            case 2305 -> coded(65, "Titular Pessoa Física Residente ou Domiciliado no Brasil");
            default -> coded(49, "Sócio-Administrador");
        });
        doc.set("porte", coded(porteCode(category), porteName(category)));
        doc.put("capital_social", BigDecimal.valueOf(p.capitalReais()).setScale(2));
        doc.putNull("ente_federativo");
        doc.set("cnae_principal", cnae(p.principal()));
        ArrayNode secondaries = doc.putArray("cnaes_secundarios");
        for (int s : p.secondaries()) {
            secondaries.add(cnae(reference.cnaes.get(s)));
        }
        doc.set("endereco", address(p.municipality(), r));
        doc.set("telefones", phones(p.municipality().uf(), r));
        doc.putNull("fax");
        ArrayNode emails = doc.putArray("emails");
        if (r.chance(0.6)) {
            emails.add(Names.email(r, fantasia != null ? fantasia : razao));
        }
        doc.set("simples", simples(category, opened, r));
        doc.putArray("data_issues");
        return doc;
    }

    private ObjectNode coded(int code, String description) {
        ObjectNode node = json.objectNode();
        node.put("codigo", code);
        node.put("descricao", description);
        return node;
    }

    private ObjectNode cnae(Cnae cnae) {
        ObjectNode node = json.objectNode();
        node.put("codigo", String.format("%07d", cnae.code()));
        node.put("descricao", cnae.description());
        return node;
    }

    private static int natureza(int category, SeededRandom r) {
        double u = r.nextDouble();
        return switch (category) {
            case 2 -> 2135;
            case 1 -> u < 0.7 ? 2062 : u < 0.9 ? 2135 : 2240;
            case 3 -> u < 0.85 ? 2062 : u < 0.95 ? 2240 : 2054;
            case 4 -> u < 0.6 ? 2062 : u < 0.9 ? 2054 : 2046;
            default -> u < 0.5 ? 2062 : u < 0.8 ? 2305 : 2240;
        };
    }

    private static String naturezaName(int code) {
        return switch (code) {
            case 2046 -> "Sociedade Anônima Aberta";
            case 2054 -> "Sociedade Anônima Fechada";
            case 2135 -> "Empresário (Individual)";
            case 2240 -> "Sociedade Simples Limitada";
            case 2305 -> "Empresa Individual de Responsabilidade Limitada (de Natureza Empresária)";
            default -> "Sociedade Empresária Limitada";
        };
    }

    /** The Receita's porte code of a size category (a MEI is a micro empresa). */
    static int porteCode(int category) {
        return switch (category) {
            case 1, 2 -> 1;
            case 3 -> 3;
            case 4 -> 5;
            default -> 0;
        };
    }

    private static String porteName(int category) {
        return switch (category) {
            case 1, 2 -> "MICRO EMPRESA";
            case 3 -> "EMPRESA DE PEQUENO PORTE";
            case 4 -> "DEMAIS";
            default -> "NAO INFORMADO";
        };
    }

    private ObjectNode address(Municipality m, SeededRandom r) {
        ObjectNode a = json.objectNode();
        a.put("tipo_logradouro", Names.streetType(r));
        a.put("logradouro", Names.street(r));
        a.put("numero", r.chance(0.08) ? "S/N" : String.valueOf(r.between(1, 4_000)));
        a.put("complemento", r.chance(0.4) ? Names.complement(r) : null);
        a.put("bairro", Names.district(r));
        Geography.State state = state(m.uf());
        a.put("cep", String.format("%05d%03d", r.between(state.cepFrom(), state.cepTo()), r.nextInt(1000)));
        a.put("uf", m.uf());
        a.put("municipio", m.name());
        a.put("ibge_municipio_id", m.ibgeCode());
        a.put("codigo_municipio_receita", m.tomCode());
        a.putNull("cidade_exterior");
        a.putNull("pais");
        return a;
    }

    private ArrayNode phones(String uf, SeededRandom r) {
        ArrayNode phones = json.arrayNode();
        int count = PHONE_COUNT.next(r);
        int[] ddds = state(uf).ddds();
        for (int i = 0; i < count; i++) {
            String ddd = String.valueOf(ddds[r.nextInt(ddds.length)]);
            boolean mobile = r.chance(0.55);
            String number = mobile ? "9" + r.between(6, 9) + r.digitText(7) : r.between(2, 5) + r.digitText(7);
            ObjectNode phone = phones.addObject();
            phone.put("ddd", ddd);
            phone.put("numero", number);
            phone.put("tipo", mobile ? "MOVEL" : "FIXO");
            phone.put("e164", "+55" + ddd + number);
        }
        return phones;
    }

    /** The state of a municipality of the reference table: always one of the 27. */
    private static Geography.State state(String uf) {
        return Geography.state(uf).orElseThrow(() -> new IllegalStateException("no state " + uf));
    }

    private ObjectNode simples(int category, LocalDate opened, SeededRandom r) {
        boolean mei = category == 2;
        boolean optante = mei || (category == 1 || category == 3) && r.chance(0.75);
        if (!optante && r.chance(0.6)) {
            return null;
        }
        // The Simples Nacional exists since July 2007: older companies opted in then, or later.
        LocalDate simplesStart = LocalDate.of(2007, 7, 1);
        LocalDate optedIn = opened.isAfter(simplesStart) ? opened : date(r, simplesStart, TODAY.minusYears(1));
        ObjectNode s = json.objectNode();
        s.put("optante", optante);
        s.put("data_opcao", optante ? optedIn.toString() : null);
        s.putNull("data_exclusao");
        s.put("mei", mei);
        s.put("data_opcao_mei", mei ? opened.toString() : null);
        s.putNull("data_exclusao_mei");
        return s;
    }

    private ArrayNode partners(Profile p, SeededRandom r, int natureza, LocalDate opened) {
        ArrayNode partners = json.arrayNode();
        if (natureza == 2135) {
            return partners; // an empresário individual has no partners in the register
        }
        int count = natureza == 2305 ? 1 : r.between(1, 4);
        for (int i = 0; i < count; i++) {
            ObjectNode partner = partners.addObject();
            boolean company = natureza != 2305 && i > 0 && r.chance(0.1);
            if (company) {
                Cnpj other = codec.cnpj(Long.remainderUnsigned(r.nextLong(), CnpjCodec.SPACE));
                partner.put("identificador", "PESSOA JURIDICA");
                partner.put("nome", Names.business(r) + " PARTICIPACOES LTDA");
                partner.put("documento", other == null ? null : other.value());
                partner.set("qualificacao", coded(22, "Sócio"));
            } else {
                partner.put("identificador", "PESSOA FISICA");
                partner.put("nome", Names.person(r));
                partner.put("documento", "***" + r.digitText(6) + "**");
                partner.set("qualificacao", switch (natureza) {
                    case 2046, 2054 -> i == 0 ? coded(16, "Presidente") : coded(10, "Diretor");
                    case 2305 -> coded(65, "Titular Pessoa Física Residente ou Domiciliado no Brasil");
                    default -> i == 0 ? coded(49, "Sócio-Administrador") : coded(22, "Sócio");
                });
            }
            partner.put("data_entrada", (i == 0 ? opened : date(r, opened, TODAY)).toString());
            partner.putNull("pais");
            partner.putNull("representante_legal");
            partner.put("faixa_etaria", company ? 0 : r.between(3, 8));
        }
        return partners;
    }

    private static LocalDate date(SeededRandom r, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? from : LocalDate.ofEpochDay(from.toEpochDay() + r.nextInt((int) days + 1));
    }
}
