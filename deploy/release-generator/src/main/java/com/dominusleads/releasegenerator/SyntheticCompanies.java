package com.dominusleads.releasegenerator;

import com.dominusleads.events.Cnpj;
import com.dominusleads.releasegenerator.Geography.Place;

/**
 * Writes one company at a time: its Empresas row, its establishments (head office first, branches after, consecutive),
 * its partners and its Simples row, all from one seeded stream. Nothing is kept between companies, so memory stays
 * constant at any scale; uniqueness of the CNPJ roots comes from {@link CompanyRoots}, not from a set.
 */
final class SyntheticCompanies {

    /** Share of companies with an alphanumeric root (issued since July 2026). */
    static final double ALPHANUMERIC_SHARE = 0.01;

    private static final int SITUACAO_NULA = 1;
    private static final int SITUACAO_ATIVA = 2;
    private static final int SITUACAO_SUSPENSA = 3;
    private static final int SITUACAO_INAPTA = 4;
    private static final int SITUACAO_BAIXADA = 8;

    private static final int[] SECONDARY_COUNT_PERCENT = {55, 15, 10, 7, 5, 3, 2, 2, 1}; // 0…8 secondary CNAEs
    private static final double[] AGE_GROUP_WEIGHTS = {0.3, 1.5, 12, 25, 25, 18, 12, 5, 1.2}; // faixa_etaria 1…9
    private static final String[] FOREIGN_STREETS = {"BROADWAY", "AVENIDA DA LIBERDADE", "FIFTH AVENUE", "CALLE MAYOR",
        "BAHNHOFSTRASSE", "AVENIDA CORRIENTES", "RUE DE RIVOLI", "VIA DEL CORSO", "OXFORD STREET", "BISCAYNE BOULEVARD"};
    private static final String[] SAINTS = {"SAO JOSE", "SANTO ANTONIO", "NOSSA SENHORA APARECIDA", "SAO PEDRO",
        "SANTA RITA DE CASSIA", "SAO SEBASTIAO", "NOSSA SENHORA DE FATIMA", "SÃO JUDAS TADEU"};
    private static final String[] CHURCHES = {"IGREJA EVANGELICA ASSEMBLEIA DE DEUS", "IGREJA BATISTA", "IGREJA DO EVANGELHO QUADRANGULAR",
        "CONGREGACAO CRISTA NO BRASIL", "IGREJA PENTECOSTAL DEUS E AMOR", "IGREJA METODISTA", "COMUNIDADE EVANGELICA"};
    private static final String[] OFFICES = {"VEREADOR", "VEREADOR", "VEREADOR", "PREFEITO", "VICE-PREFEITO", "DEPUTADO ESTADUAL",
        "DEPUTADO FEDERAL"};
    private static final int[] ELECTION_YEARS = {2016, 2018, 2020, 2022, 2024};

    private final SeededRandom r;
    private final CompanyRoots roots;
    private final Geography geography = new Geography();
    private final CnaeDistribution cnaes = new CnaeDistribution();
    private final WeightedChoice forms = LegalForm.choice();
    private final WeightedChoice ageGroups = new WeightedChoice(AGE_GROUP_WEIGHTS);
    private final String[] countries = LookupTables.CITIES_ABROAD.keySet().stream().sorted().toArray(String[]::new);
    private final String[] allCountries = LookupTables.PAISES.keySet().stream().skip(1).toArray(String[]::new);
    private final StringBuilder scratch = new StringBuilder(128);

    private long partners;
    private long simples;

    // The company being written.
    private String root;
    private LegalForm form;
    private int startDay;
    private int situacao;
    private int situacaoDay;
    private Place place;
    private String country;
    private int cnae;
    private String tradeName;

    SyntheticCompanies(long seed) {
        this.r = new SeededRandom(seed);
        this.roots = new CompanyRoots(seed);
    }

    long partners() {
        return partners;
    }

    long simples() {
        return simples;
    }

    /**
     * Writes the {@code index}-th company (index below 10^8, each index once) with at most {@code maxEstablishments}
     * establishments; returns how many it wrote (at least 1).
     */
    int write(long index, long maxEstablishments, RfCsvZip establishments, RfCsvZip empresas, RfCsvZip socios,
              RfCsvZip simplesFile) {
        form = LegalForm.values()[forms.next(r)];
        boolean alphanumeric = r.chance(ALPHANUMERIC_SHARE);
        root = alphanumeric ? roots.alphanumeric(index) : roots.numeric(index);
        double ageFraction = r.nextDouble(); // 0 = opened on the release date … 1 = as old as the form allows
        startDay = startDay(ageFraction, alphanumeric);
        situacao = situacao(ageFraction, alphanumeric);
        situacaoDay = situacaoDay(situacao, startDay);
        country = form == LegalForm.ESTRANGEIRA ? r.pick(countries) : null;
        place = country == null ? geography.nextPlace(r) : null;
        cnae = principalCnae();
        tradeName = r.chance(form == LegalForm.MEI ? 0.45 : form.isPublic() ? 0.1 : 0.55) ? Names.tradeName(r) : null;

        writeEmpresa(empresas);
        int count = (int) Math.min(maxEstablishments, establishmentCount());
        writeEstablishment(establishments, 1, true, tradeName, situacao, situacaoDay, startDay, cnae, place, country);
        for (int ordem = 2; ordem <= count; ordem++) {
            writeBranch(establishments, ordem);
        }
        writePartners(socios);
        writeSimples(simplesFile);
        return count;
    }

    // ---- Empresas ----

    private void writeEmpresa(RfCsvZip out) {
        out.text(root).text(companyName()).digits(form.natureza, 4).digits(form.qualificacaoResponsavel, 2)
                .amount(capitalCents()).digits(porte(), 2);
        if (form == LegalForm.MUNICIPIO || form == LegalForm.ORGAO_MUNICIPAL) {
            out.text(place.name() + " - " + place.uf());
        } else {
            out.empty();
        }
        out.endRow();
    }

    private String companyName() {
        return switch (form) {
            case MEI -> r.chance(0.6) ? formattedRoot() + " " + Names.person(r) : Names.person(r) + " " + r.digits(11);
            case EMPRESARIO -> {
                String person = Names.person(r);
                double x = r.nextDouble();
                yield x < 0.6 ? person : x < 0.85 ? person + " - ME" : person + " - EPP";
            }
            case LIMITADA, SOCIEDADE_SIMPLES -> {
                double x = r.nextDouble();
                yield Names.business(r) + (x < 0.85 ? " LTDA" : x < 0.95 ? " LTDA - ME" : " LTDA - EPP");
            }
            case EIRELI -> Names.business(r) + " EIRELI";
            case ADVOCACIA -> Names.person(r) + " SOCIEDADE INDIVIDUAL DE ADVOCACIA";
            case SA_FECHADA, SA_ABERTA -> Names.business(r) + (r.chance(0.7) ? " S.A." : " S/A");
            case COOPERATIVA -> switch (r.nextInt(3)) {
                case 0 -> "COOPERATIVA DE CREDITO " + r.pick(Names.CORES);
                case 1 -> "COOPERATIVA AGROPECUARIA " + r.pick(Names.CORES) + " LTDA";
                default -> "COOPERATIVA DE TRABALHO " + r.pick(Names.CORES);
            };
            case EMPRESA_PUBLICA -> "EMPRESA MUNICIPAL DE " + r.pick(Names.ACTIVITIES) + " DE " + place.name();
            case ECONOMIA_MISTA -> "COMPANHIA " + r.pick(Names.CORES) + " DE SANEAMENTO S.A.";
            case ESTRANGEIRA -> r.pick(Names.FOREIGN_COMPANIES);
            case ASSOCIACAO -> switch (r.nextInt(4)) {
                case 0 -> "ASSOCIACAO DE MORADORES DO BAIRRO " + Names.district(r);
                case 1 -> "ASSOCIACAO DE PAIS E MESTRES DA ESCOLA " + Names.person(r);
                case 2 -> "CLUBE " + r.pick(Names.CORES);
                default -> "ASSOCIACAO " + r.pick(Names.CORES);
            };
            case RELIGIOSA -> r.chance(0.3) ? "PAROQUIA " + r.pick(SAINTS) : r.pick(CHURCHES) + " " + r.pick(Names.CORES);
            case CONDOMINIO -> (r.chance(0.5) ? "CONDOMINIO EDIFICIO " : "CONDOMINIO RESIDENCIAL ") + r.pick(Names.CORES);
            case FUNDACAO -> "FUNDACAO " + r.pick(Names.CORES);
            case SINDICATO -> r.chance(0.5) ? "SINDICATO RURAL DE " + place.name()
                    : "SINDICATO DOS TRABALHADORES EM " + r.pick(Names.ACTIVITIES);
            case CARTORIO -> "TABELIONATO DE NOTAS DE " + place.name();
            case PRODUTOR_RURAL -> Names.person(r);
            case CANDIDATO -> "ELEICAO " + RegisterDates.code(startDay) / 10_000 + " " + Names.person(r) + " " + r.pick(OFFICES);
            case MUNICIPIO -> "MUNICIPIO DE " + place.name();
            case ORGAO_MUNICIPAL -> "FUNDO MUNICIPAL DE " + (r.chance(0.5) ? "SAUDE" : "EDUCACAO") + " DE " + place.name();
        };
    }

    /** The root as a formatted CNPJ prefix, how recent MEIs are named: {@code 12.345.678 MARIA DA SILVA}. */
    private String formattedRoot() {
        return root.substring(0, 2) + "." + root.substring(2, 5) + "." + root.substring(5, 8);
    }

    private long capitalCents() {
        return switch (form) {
            case MEI -> r.chance(0.4) ? 0 : 100L * 100 * r.between(10, 200);
            case EMPRESARIO -> r.chance(0.3) ? 0 : roundedLogUniform(1_000, 200_000);
            case LIMITADA, EIRELI, SOCIEDADE_SIMPLES, ADVOCACIA -> {
                if (r.chance(0.05)) {
                    yield 0;
                }
                if (r.chance(0.002)) { // a few with cents, as balance-sheet capital is sometimes declared
                    yield 100_000L * 100 + r.digits(9);
                }
                yield r.chance(0.02) ? roundedLogUniform(1_000_000, 100_000_000) : roundedLogUniform(1_000, 1_000_000);
            }
            case SA_FECHADA, SA_ABERTA, COOPERATIVA, ECONOMIA_MISTA, EMPRESA_PUBLICA, ESTRANGEIRA ->
                    roundedLogUniform(100_000, 5_000_000_000L);
            default -> 0;
        };
    }

    /** Reais between {@code from} and {@code to}, log-uniform (most small, a few large), rounded to two significant digits; in cents. */
    private long roundedLogUniform(long from, long to) {
        double value = Math.exp(Math.log(from) + r.nextDouble() * (Math.log(to) - Math.log(from)));
        long magnitude = 1;
        while (value >= magnitude * 100) {
            magnitude *= 10;
        }
        return Math.round(value / magnitude) * magnitude * 100;
    }

    private int porte() {
        return switch (form) {
            case MEI -> 1;
            case EMPRESARIO, LIMITADA, EIRELI, SOCIEDADE_SIMPLES, ADVOCACIA -> {
                double x = r.nextDouble();
                yield x < 0.62 ? 1 : x < 0.74 ? 3 : x < 0.95 ? 5 : 0;
            }
            case PRODUTOR_RURAL, CANDIDATO -> r.chance(0.7) ? 0 : 5;
            default -> 5;
        };
    }

    // ---- Estabelecimentos ----

    private int startDay(double ageFraction, boolean alphanumeric) {
        if (alphanumeric) {
            return r.between(RegisterDates.ALPHANUMERIC_CNPJ_DAY, RegisterDates.RELEASE_DAY);
        }
        if (form == LegalForm.CANDIDATO) {
            int year = ELECTION_YEARS[r.nextInt(ELECTION_YEARS.length)];
            return (int) java.time.LocalDate.of(year, 8, 10).toEpochDay() + r.nextInt(45);
        }
        int first = form == LegalForm.MEI ? RegisterDates.MEI_DAY : RegisterDates.FIRST_ACTIVITY_DAY;
        // Skewed to recent years like the register (half of it opened in the last ~12 years).
        double exponent = form == LegalForm.MEI ? 1.6 : 2.5;
        return RegisterDates.RELEASE_DAY - (int) ((RegisterDates.RELEASE_DAY - first) * Math.pow(ageFraction, exponent));
    }

    /** 02 ATIVA ≈ 45 % overall, likelier for recent companies; the rest mostly 08 BAIXADA, then 04, 03, 01. */
    private int situacao(double ageFraction, boolean alphanumeric) {
        if (alphanumeric) {
            double x = r.nextDouble();
            return x < 0.96 ? SITUACAO_ATIVA : x < 0.99 ? SITUACAO_BAIXADA : SITUACAO_INAPTA;
        }
        if (form == LegalForm.CANDIDATO) {
            return r.chance(0.03) ? SITUACAO_ATIVA : SITUACAO_BAIXADA;
        }
        double active = 0.62 - 0.34 * ageFraction;
        double x = r.nextDouble();
        if (x < active) {
            return SITUACAO_ATIVA;
        }
        double rest = (x - active) / (1 - active);
        return rest < 0.78 ? SITUACAO_BAIXADA : rest < 0.95 ? SITUACAO_INAPTA : rest < 0.975 ? SITUACAO_SUSPENSA : SITUACAO_NULA;
    }

    private int situacaoDay(int situacao, int start) {
        if (situacao == SITUACAO_ATIVA && r.chance(0.6)) {
            return start;
        }
        return start + r.nextInt(RegisterDates.RELEASE_DAY - start + 1);
    }

    private int motivo(int situacao) {
        double x = r.nextDouble();
        return switch (situacao) {
            case SITUACAO_ATIVA -> 0;
            case SITUACAO_BAIXADA -> x < 0.75 ? 1 : x < 0.83 ? 71 : x < 0.87 ? 63 : x < 0.90 ? 73 : x < 0.93 ? 80
                    : x < 0.95 ? 75 : x < 0.97 ? 2 : x < 0.98 ? 3 : x < 0.99 ? 4 : 9;
            case SITUACAO_INAPTA -> x < 0.45 ? 63 : x < 0.65 ? 73 : x < 0.80 ? 64 : x < 0.90 ? 15 : 66;
            case SITUACAO_SUSPENSA -> x < 0.4 ? 18 : x < 0.8 ? 74 : 21;
            default -> x < 0.5 ? 34 : 16;
        };
    }

    private int principalCnae() {
        return switch (form) {
            case CONDOMINIO -> 8112500;
            case RELIGIOSA -> 9491000;
            case MUNICIPIO, ORGAO_MUNICIPAL -> 8411600;
            case CANDIDATO -> 9492800;
            case SINDICATO -> 9420100;
            case CARTORIO -> 6912500;
            case ADVOCACIA -> 6911701;
            case ASSOCIACAO -> r.chance(0.2) ? 9430800 : cnaes.next(r);
            case PRODUTOR_RURAL -> r.chance(0.5) ? 151201 : cnaes.next(r);
            default -> cnaes.next(r);
        };
    }

    private int establishmentCount() {
        if (!form.opensBranches) {
            return 1;
        }
        if ((form == LegalForm.SA_ABERTA || form == LegalForm.EMPRESA_PUBLICA || form == LegalForm.ECONOMIA_MISTA) && r.chance(0.3)) {
            return r.between(6, 60);
        }
        if (!r.chance(0.17)) {
            return 1;
        }
        double x = r.nextDouble();
        return x < 0.45 ? 2 : x < 0.70 ? 3 : x < 0.87 ? 4 : 5;
    }

    private void writeBranch(RfCsvZip out, int ordem) {
        Place branchPlace;
        double where = r.nextDouble();
        if (country != null || where < 0.65) {
            branchPlace = place;
        } else if (where < 0.85) {
            branchPlace = geography.nextPlace(stateOf(place), r);
        } else {
            branchPlace = geography.nextPlace(r);
        }
        int lastOpening = situacao == SITUACAO_BAIXADA ? situacaoDay : RegisterDates.RELEASE_DAY; // none after closing
        int branchStart = startDay + r.nextInt(lastOpening - startDay + 1);
        int branchSituacao;
        int branchSituacaoDay;
        if (situacao == SITUACAO_BAIXADA || r.chance(0.8)) {
            branchSituacao = situacao;
            branchSituacaoDay = Math.max(situacaoDay, branchStart);
        } else {
            branchSituacao = situacao(r.nextDouble() * 0.5, false);
            branchSituacaoDay = situacaoDay(branchSituacao, branchStart);
        }
        int branchCnae = r.chance(0.7) ? cnae : principalCnae();
        String branchTrade = tradeName != null && r.chance(0.7) ? tradeName : r.chance(0.5) ? Names.tradeName(r) : null;
        writeEstablishment(out, ordem, false, branchTrade, branchSituacao, branchSituacaoDay, branchStart, branchCnae,
                branchPlace, country);
    }

    private int stateOf(Place p) {
        for (int i = 0; i < Geography.STATES.size(); i++) {
            if (Geography.STATES.get(i).uf().equals(p.uf())) {
                return i;
            }
        }
        throw new IllegalStateException("unknown UF " + p.uf());
    }

    private void writeEstablishment(RfCsvZip out, int ordem, boolean headOffice, String trade, int situacao,
                                    int situacaoDay, int start, int principal, Place at, String abroad) {
        String base = root + (char) ('0' + ordem / 1000) + (char) ('0' + ordem / 100 % 10) + (char) ('0' + ordem / 10 % 10)
                + (char) ('0' + ordem % 10);
        String cnpj = Cnpj.withCheckDigits(base).value();
        out.text(root).digits(ordem, 4).text(cnpj.substring(12)).number(headOffice ? 1 : 2);
        if (trade == null) {
            out.empty();
        } else {
            out.text(trade);
        }
        out.digits(situacao, 2).date(RegisterDates.code(situacaoDay)).digits(motivo(situacao), 2);
        if (abroad == null) {
            out.empty().empty();
        } else {
            out.text(r.pick(LookupTables.CITIES_ABROAD.get(abroad))).text(abroad);
        }
        out.date(RegisterDates.code(start)).digits(principal, 7);
        writeSecondaryCnaes(out, principal);
        if (abroad == null) {
            out.text(Names.streetType(r)).text(Names.street(r));
            if (r.chance(0.08)) {
                out.text("S/N");
            } else {
                out.number(r.chance(0.7) ? 1 + r.nextInt(999) : 1 + r.nextInt(9_999));
            }
            if (r.chance(0.35)) {
                out.text(Names.complement(r));
            } else {
                out.empty();
            }
            out.text(Names.district(r));
            int prefix = at.cepPrefix() + r.nextInt(at.cepSpread());
            int suffix = at.capital() || r.chance(0.5) ? r.nextInt(1000) : 0;
            out.digits(prefix * 1000L + suffix, 8).text(at.uf()).digits(at.tomCode(), 4);
            boolean phone1 = r.chance(0.8);
            writePhone(out, phone1, at.ddd());
            writePhone(out, phone1 && r.chance(0.25), at.ddd());
            writePhone(out, r.chance(0.05), at.ddd());
        } else {
            out.empty().text(r.pick(FOREIGN_STREETS)).number(1 + r.nextInt(2_000)).empty().empty().empty()
                    .text("EX").digits(Geography.EXTERIOR_TOM, 4);
            out.empty().empty().empty().empty().empty().empty();
        }
        if (r.chance(0.70)) {
            out.text(r.chance(0.01) ? r.pick(Names.INVALID_MAILS) : Names.email(r, trade != null ? trade : Names.business(r)));
        } else {
            out.empty();
        }
        if (r.chance(0.0005)) {
            out.text("RECUPERACAO JUDICIAL").date(RegisterDates.code(start + r.nextInt(RegisterDates.RELEASE_DAY - start + 1)));
        } else {
            out.empty().empty();
        }
        out.endRow();
    }

    private void writeSecondaryCnaes(RfCsvZip out, int principal) {
        int x = r.nextInt(100);
        int count = 0;
        while (x >= SECONDARY_COUNT_PERCENT[count]) {
            x -= SECONDARY_COUNT_PERCENT[count];
            count++;
        }
        if (count == 0) {
            out.empty();
            return;
        }
        int[] chosen = new int[count];
        StringBuilder list = scratch;
        list.setLength(0);
        for (int i = 0; i < count; i++) {
            int code;
            boolean duplicate;
            do {
                code = cnaes.next(r);
                duplicate = code == principal;
                for (int j = 0; j < i && !duplicate; j++) {
                    duplicate = chosen[j] == code;
                }
            } while (duplicate);
            chosen[i] = code;
            if (i > 0) {
                list.append(',');
            }
            appendPadded(list, code, 7);
        }
        out.text(list.toString());
    }

    /** DDD + 8 digits: half mobile-looking (6-9, written without the ninth digit, as the RF does), half landline (2-5). */
    private void writePhone(RfCsvZip out, boolean present, int ddd) {
        if (!present) {
            out.empty().empty();
            return;
        }
        int first = r.chance(0.5) ? (r.chance(0.8) ? 9 : 6 + r.nextInt(3)) : (r.chance(0.6) ? 3 : 2 + r.nextInt(4));
        out.digits(ddd, 2).digits(first * 10_000_000L + r.digits(7), 8);
    }

    // ---- Socios ----

    private void writePartners(RfCsvZip out) {
        int count = partnerCount();
        for (int i = 0; i < count; i++) {
            writePartner(out, i);
        }
        partners += count;
    }

    private int partnerCount() {
        double x = r.nextDouble();
        return switch (form) {
            case MEI, EMPRESARIO, PRODUTOR_RURAL, CANDIDATO -> 0;
            case LIMITADA -> x < 0.42 ? 0 : x < 0.80 ? 1 : x < 0.94 ? 2 : x < 0.98 ? 3 : 4;
            case EIRELI, ADVOCACIA -> x < 0.8 ? 1 : 0;
            case SOCIEDADE_SIMPLES -> 1 + r.nextInt(2);
            case COOPERATIVA, FUNDACAO, SINDICATO -> 1 + r.nextInt(3);
            case SA_FECHADA, SA_ABERTA, EMPRESA_PUBLICA, ECONOMIA_MISTA -> 1 + r.nextInt(4);
            case ASSOCIACAO -> x < 0.55 ? 0 : x < 0.80 ? 1 : x < 0.92 ? 2 : 3;
            case RELIGIOSA -> x < 0.5 ? 0 : x < 0.9 ? 1 : 2;
            case CONDOMINIO, MUNICIPIO, ORGAO_MUNICIPAL -> x < 0.4 ? 1 : 0;
            case CARTORIO, ESTRANGEIRA -> 1;
        };
    }

    private void writePartner(RfCsvZip out, int position) {
        out.text(root);
        int entered = startDay + (r.chance(0.6) ? 0 : r.nextInt(RegisterDates.RELEASE_DAY - startDay + 1));
        double kind = r.nextDouble();
        if (form == LegalForm.ESTRANGEIRA || (form == LegalForm.LIMITADA && kind < 0.02)) {
            // Abroad: a foreign company (identificador 1, qualificação 37) or person (3, 38) with its country.
            boolean company = r.chance(0.6);
            out.number(company ? 1 : 3).text(r.pick(company ? Names.FOREIGN_COMPANIES : Names.FOREIGN_NAMES))
                    .text(company ? "" : "***999999**").digits(company ? 37 : 38, 2).date(RegisterDates.code(entered))
                    .text(r.pick(allCountries)).text("***000000**").empty().digits(0, 2).number(company ? 0 : 1 + ageGroups.next(r));
        } else if ((form == LegalForm.LIMITADA || form == LegalForm.SA_FECHADA) && kind < 0.08) {
            String partnerRoot = String.valueOf(10_000_000 + r.nextInt(90_000_000));
            out.number(1).text(Names.business(r) + (r.chance(0.5) ? " PARTICIPACOES LTDA" : " S.A."))
                    .text(Cnpj.withCheckDigits(partnerRoot + "0001").value()).digits(22, 2).date(RegisterDates.code(entered))
                    .empty().text("***000000**").empty().digits(0, 2).number(0);
        } else {
            int ageGroup = 1 + ageGroups.next(r);
            boolean minor = ageGroup <= 2 && form == LegalForm.LIMITADA;
            out.number(2).text(Names.person(r)).text(maskedCpf()).digits(minor ? 30 : partnerQualificacao(position), 2)
                    .date(RegisterDates.code(entered)).empty();
            if (minor) {
                out.text(maskedCpf()).text(Names.person(r)).digits(r.chance(0.6) ? 14 : 15, 2);
            } else {
                out.text("***000000**").empty().digits(0, 2);
            }
            out.number(ageGroup);
        }
        out.endRow();
    }

    private int partnerQualificacao(int position) {
        return switch (form) {
            case LIMITADA, SOCIEDADE_SIMPLES -> position == 0 ? (r.chance(0.8) ? 49 : 22) : (r.chance(0.55) ? 22 : 49);
            case EIRELI, ADVOCACIA -> 65;
            case SA_FECHADA, SA_ABERTA, EMPRESA_PUBLICA, ECONOMIA_MISTA -> position == 0 ? 16 : r.chance(0.7) ? 10 : 8;
            case COOPERATIVA, FUNDACAO, SINDICATO, ASSOCIACAO, RELIGIOSA -> position == 0 ? 16 : r.chance(0.5) ? 10 : r.chance(0.5) ? 33 : 18;
            case CONDOMINIO -> 19;
            case CARTORIO -> 32;
            default -> 5;
        };
    }

    private String maskedCpf() {
        long middle = r.digits(6);
        StringBuilder cpf = scratch;
        cpf.setLength(0);
        cpf.append("***");
        appendPadded(cpf, middle, 6);
        return cpf.append("**").toString();
    }

    // ---- Simples ----

    private void writeSimples(RfCsvZip out) {
        boolean closed = situacao == SITUACAO_BAIXADA;
        if (form == LegalForm.MEI) {
            int opted = Math.max(startDay, RegisterDates.MEI_DAY);
            int end = Math.max(situacaoDay, opted);
            out.text(root);
            if (closed) {
                out.text("N").date(RegisterDates.code(opted)).date(RegisterDates.code(end))
                        .text("N").date(RegisterDates.code(opted)).date(RegisterDates.code(end));
            } else if (r.chance(0.12)) { // grew out of MEI, stayed in the Simples
                out.text("S").date(RegisterDates.code(opted)).date(0)
                        .text("N").date(RegisterDates.code(opted)).date(RegisterDates.code(opted + r.nextInt(RegisterDates.RELEASE_DAY - opted + 1)));
            } else {
                out.text("S").date(RegisterDates.code(opted)).date(0).text("S").date(RegisterDates.code(opted)).date(0);
            }
            out.endRow();
            simples++;
            return;
        }
        double optIn = switch (form) {
            case EMPRESARIO, LIMITADA, SOCIEDADE_SIMPLES -> 0.6;
            case EIRELI, ADVOCACIA -> 0.6;
            default -> 0;
        };
        if (optIn == 0 || !r.chance(optIn) || (closed && situacaoDay < RegisterDates.SIMPLES_NACIONAL_DAY)) {
            return;
        }
        int opted = Math.max(startDay, RegisterDates.SIMPLES_NACIONAL_DAY);
        if (r.chance(0.3)) {
            opted += r.nextInt(RegisterDates.RELEASE_DAY - opted + 1);
        }
        boolean excluded = closed || r.chance(0.2);
        out.text(root).text(excluded ? "N" : "S").date(RegisterDates.code(opted));
        if (excluded) {
            int last = closed ? Math.max(situacaoDay, opted) : RegisterDates.RELEASE_DAY;
            out.date(RegisterDates.code(opted + r.nextInt(last - opted + 1)));
        } else {
            out.date(0);
        }
        out.text("N").date(0).date(0).endRow();
        simples++;
    }

    private static void appendPadded(StringBuilder to, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            to.append('0');
        }
        to.append(digits);
    }
}
