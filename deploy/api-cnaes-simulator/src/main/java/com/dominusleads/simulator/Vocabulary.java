package com.dominusleads.simulator;

import java.util.Map;

/** Words the synthetic companies are made of, and per-UF facts (area codes, postal code ranges). */
final class Vocabulary {

    private Vocabulary() {
    }

    static final String[] FIRST_NAMES = {
        "JOSE", "JOAO", "ANTONIO", "FRANCISCO", "CARLOS", "PAULO", "PEDRO", "LUCAS", "LUIZ", "MARCOS", "GABRIEL",
        "RAFAEL", "DANIEL", "MARCELO", "BRUNO", "EDUARDO", "FELIPE", "RODRIGO", "FERNANDO", "GUSTAVO", "RICARDO",
        "MARIA", "ANA", "FRANCISCA", "ANTONIA", "ADRIANA", "JULIANA", "MARCIA", "FERNANDA", "PATRICIA", "ALINE",
        "CAMILA", "AMANDA", "BRUNA", "LETICIA", "JULIA", "LUCIANA", "MARIANA", "JOÃO", "FÁBIO", "SÉRGIO", "ANDRÉ",
        "MÔNICA", "LÚCIA"};

    static final String[] SURNAMES = {
        "SILVA", "SANTOS", "OLIVEIRA", "SOUZA", "RODRIGUES", "FERREIRA", "ALVES", "PEREIRA", "LIMA", "GOMES", "COSTA",
        "RIBEIRO", "MARTINS", "CARVALHO", "ALMEIDA", "LOPES", "SOARES", "FERNANDES", "VIEIRA", "BARBOSA", "ROCHA",
        "DIAS", "NASCIMENTO", "ANDRADE", "MOREIRA", "NUNES", "MARQUES", "MACHADO", "MENDES", "FREITAS", "CARDOSO",
        "GONÇALVES", "ARAÚJO", "CONCEIÇÃO"};

    private static final String[] PARTICLES = {" DA ", " DOS ", " DE ", " "};

    static final String[] CORES = {
        "NOVA ERA", "SAO JORGE", "BOA VISTA", "SANTA LUZIA", "ALIANCA", "PROGRESSO", "FUTURA", "PRIME", "MASTER",
        "REAL", "UNIAO", "ESTRELA", "SOL NASCENTE", "BRASIL", "CENTRAL", "NORDESTE", "GLOBAL", "TECH", "SMART",
        "EXPRESS", "ELITE", "IDEAL", "PREMIUM", "FENIX", "AGUIA", "HORIZONTE", "CONFIANCA", "ALFA", "DELTA", "OMEGA",
        "VITORIA", "IMPERIAL", "MODELO", "DIAMANTE", "OURO VERDE", "PANTANAL", "LITORAL", "SERRA AZUL", "AURORA",
        "PIONEIRA", "INOVA", "SÃO JOSÉ", "CORAÇÃO"};

    static final String[] ACTIVITIES = {
        "COMERCIO", "SERVICOS", "CONSTRUCOES", "TRANSPORTES", "ALIMENTOS", "DISTRIBUIDORA", "CONSULTORIA",
        "TECNOLOGIA", "COMERCIO E SERVICOS", "INDUSTRIA E COMERCIO", "PARTICIPACOES", "EMPREENDIMENTOS", "ENGENHARIA",
        "LOGISTICA", "SAUDE", "EDUCACAO", "INFORMATICA", "CONTABILIDADE", "EVENTOS", "SOLUCOES", "ASSESSORIA",
        "REPRESENTACOES", "COMUNICAÇÃO"};

    static final String[] TRADE_PREFIXES = {
        "PADARIA", "MERCADINHO", "LANCHONETE", "RESTAURANTE", "SALAO", "STUDIO", "BARBEARIA", "LOJA", "AUTO CENTER",
        "OFICINA", "DEPOSITO", "PIZZARIA", "FARMACIA", "PAPELARIA", "CLINICA", "ACADEMIA", "PET SHOP", "EMPORIO",
        "ESPACO", "CASA"};

    static final String[] STREET_TYPES = {"RUA", "RUA", "RUA", "RUA", "RUA", "AVENIDA", "AVENIDA", "TRAVESSA",
        "ESTRADA", "RODOVIA", "ALAMEDA", "PRACA"};

    static final String[] STREETS = {
        "SETE DE SETEMBRO", "QUINZE DE NOVEMBRO", "TIRADENTES", "JOSE BONIFACIO", "DOM PEDRO II", "PRESIDENTE VARGAS",
        "GETULIO VARGAS", "RIO BRANCO", "BRASIL", "SANTOS DUMONT", "DUQUE DE CAXIAS", "MARECHAL DEODORO",
        "CASTRO ALVES", "RUI BARBOSA", "JUSCELINO KUBITSCHEK", "DAS FLORES", "DAS PALMEIRAS", "CARLOS GOMES",
        "PRINCESA ISABEL", "SAO JOAO", "PADRE ANCHIETA", "PROJETADA", "SÃO JOSÉ", "MARECHAL FLORIANO PEIXOTO"};

    static final String[] DISTRICTS = {
        "CENTRO", "CENTRO", "CENTRO", "JARDIM AMERICA", "VILA NOVA", "SAO JOSE", "SANTA CRUZ", "BOA VISTA",
        "JARDIM PRIMAVERA", "PARQUE INDUSTRIAL", "BELA VISTA", "NOVA ESPERANCA", "DISTRITO INDUSTRIAL",
        "JARDIM EUROPA", "SANTO ANTONIO", "ZONA RURAL", "CIDADE NOVA", "PLANALTO", "LIBERDADE", "SÃO CRISTÓVÃO"};

    static final String[] COMPLEMENTS = {"SALA 1", "SALA 101", "SALA 203", "LOJA 1", "LOJA A", "APT 302", "CASA 2",
        "FUNDOS", "TERREO", "ANDAR 5", "BLOCO B", "GALPAO 3", "BOX 14", "QUADRA 4 LOTE 7", "KM 12"};

    static final String[] MAIL_DOMAINS = {"gmail.com", "gmail.com", "gmail.com", "hotmail.com", "hotmail.com",
        "yahoo.com.br", "outlook.com", "bol.com.br", "uol.com.br", "terra.com.br"};

    static final String[] ROLE_MAILBOXES = {"contato", "financeiro", "adm", "vendas", "comercial", "fiscal",
        "atendimento", "compras", "sac"};

    /** Area codes (DDD) per UF. */
    static final Map<String, int[]> DDDS = Map.ofEntries(
            Map.entry("AC", new int[] {68}), Map.entry("AL", new int[] {82}), Map.entry("AM", new int[] {92, 97}),
            Map.entry("AP", new int[] {96}), Map.entry("BA", new int[] {71, 73, 74, 75, 77}),
            Map.entry("CE", new int[] {85, 88}), Map.entry("DF", new int[] {61}), Map.entry("ES", new int[] {27, 28}),
            Map.entry("GO", new int[] {62, 64}), Map.entry("MA", new int[] {98, 99}),
            Map.entry("MG", new int[] {31, 32, 33, 34, 35, 37, 38}), Map.entry("MS", new int[] {67}),
            Map.entry("MT", new int[] {65, 66}), Map.entry("PA", new int[] {91, 93, 94}),
            Map.entry("PB", new int[] {83}), Map.entry("PE", new int[] {81, 87}), Map.entry("PI", new int[] {86, 89}),
            Map.entry("PR", new int[] {41, 42, 43, 44, 45, 46}), Map.entry("RJ", new int[] {21, 22, 24}),
            Map.entry("RN", new int[] {84}), Map.entry("RO", new int[] {69}), Map.entry("RR", new int[] {95}),
            Map.entry("RS", new int[] {51, 53, 54, 55}), Map.entry("SC", new int[] {47, 48, 49}),
            Map.entry("SE", new int[] {79}), Map.entry("SP", new int[] {11, 12, 13, 14, 15, 16, 17, 18, 19}),
            Map.entry("TO", new int[] {63}));

    /** First and last 5-digit CEP prefix of each UF's main range. */
    static final Map<String, int[]> CEP_RANGES = Map.ofEntries(
            Map.entry("SP", new int[] {1000, 19999}), Map.entry("RJ", new int[] {20000, 28999}),
            Map.entry("ES", new int[] {29000, 29999}), Map.entry("MG", new int[] {30000, 39999}),
            Map.entry("BA", new int[] {40000, 48999}), Map.entry("SE", new int[] {49000, 49999}),
            Map.entry("PE", new int[] {50000, 56999}), Map.entry("AL", new int[] {57000, 57999}),
            Map.entry("PB", new int[] {58000, 58999}), Map.entry("RN", new int[] {59000, 59999}),
            Map.entry("CE", new int[] {60000, 63999}), Map.entry("PI", new int[] {64000, 64999}),
            Map.entry("MA", new int[] {65000, 65999}), Map.entry("PA", new int[] {66000, 68899}),
            Map.entry("AP", new int[] {68900, 68999}), Map.entry("AM", new int[] {69000, 69299}),
            Map.entry("RR", new int[] {69300, 69399}), Map.entry("AC", new int[] {69900, 69999}),
            Map.entry("DF", new int[] {70000, 72799}), Map.entry("GO", new int[] {72800, 76799}),
            Map.entry("RO", new int[] {76800, 76999}), Map.entry("TO", new int[] {77000, 77999}),
            Map.entry("MT", new int[] {78000, 78899}), Map.entry("MS", new int[] {79000, 79999}),
            Map.entry("PR", new int[] {80000, 87999}), Map.entry("SC", new int[] {88000, 89999}),
            Map.entry("RS", new int[] {90000, 99999}));

    static String person(SplitMix r) {
        StringBuilder name = new StringBuilder(40).append(r.pick(FIRST_NAMES));
        if (r.chance(0.3)) {
            name.append(' ').append(r.pick(FIRST_NAMES));
        }
        name.append(r.pick(PARTICLES)).append(r.pick(SURNAMES));
        if (r.chance(0.6)) {
            name.append(' ').append(r.pick(SURNAMES));
        }
        return name.toString();
    }

    /** A company name without its legal suffix. */
    static String business(SplitMix r) {
        return switch (r.nextInt(3)) {
            case 0 -> r.pick(SURNAMES) + " & " + r.pick(SURNAMES) + " " + r.pick(ACTIVITIES);
            case 1 -> r.pick(SURNAMES) + " " + r.pick(ACTIVITIES);
            default -> r.pick(CORES) + " " + r.pick(ACTIVITIES);
        };
    }

    static String tradeName(SplitMix r) {
        return switch (r.nextInt(3)) {
            case 0 -> r.pick(TRADE_PREFIXES) + " " + r.pick(CORES);
            case 1 -> r.pick(TRADE_PREFIXES) + " DO " + r.pick(FIRST_NAMES);
            default -> r.pick(CORES) + " " + r.pick(ACTIVITIES);
        };
    }

    /** Lower-case ASCII letters and digits of {@code text}, accents dropped, at most 20. */
    static String mailbox(String text) {
        String plain = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < plain.length() && out.length() < 20; i++) {
            char c = Character.toLowerCase(plain.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.isEmpty() ? "empresa" : out.toString();
    }
}
