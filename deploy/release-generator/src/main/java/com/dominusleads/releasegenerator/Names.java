package com.dominusleads.releasegenerator;

/**
 * Names as they appear in the register: people, companies, trade names, streets, districts and e-mail addresses,
 * in capitals and mostly without accents (as the RF writes most of them), a few with accents so the ISO-8859-1
 * encoding is exercised. Shared with the api-cnaes simulator, whose synthetic companies are named the same way.
 */
public final class Names {

    static final String[] FIRST_NAMES = {
        "JOSE", "JOAO", "ANTONIO", "FRANCISCO", "CARLOS", "PAULO", "PEDRO", "LUCAS", "LUIZ", "MARCOS", "LUIS", "GABRIEL",
        "RAFAEL", "DANIEL", "MARCELO", "BRUNO", "EDUARDO", "FELIPE", "RAIMUNDO", "RODRIGO", "MANOEL", "SEBASTIAO",
        "ROBERTO", "FERNANDO", "GUSTAVO", "RICARDO", "JORGE", "ALEXANDRE", "LEANDRO", "TIAGO", "MARIA", "ANA",
        "FRANCISCA", "ANTONIA", "ADRIANA", "JULIANA", "MARCIA", "FERNANDA", "PATRICIA", "ALINE", "SANDRA", "CAMILA",
        "AMANDA", "BRUNA", "JESSICA", "LETICIA", "JULIA", "LUCIANA", "VANESSA", "MARIANA", "ROSANGELA", "TEREZINHA",
        "JOÃO", "CONCEIÇÃO", "FÁBIO", "MÁRCIO", "SÉRGIO", "ANDRÉ", "VITÓRIA", "LÚCIA", "MÔNICA", "CÉLIA"};

    static final String[] SURNAMES = {
        "SILVA", "SANTOS", "OLIVEIRA", "SOUZA", "RODRIGUES", "FERREIRA", "ALVES", "PEREIRA", "LIMA", "GOMES", "COSTA",
        "RIBEIRO", "MARTINS", "CARVALHO", "ALMEIDA", "LOPES", "SOARES", "FERNANDES", "VIEIRA", "BARBOSA", "ROCHA",
        "DIAS", "NASCIMENTO", "ANDRADE", "MOREIRA", "NUNES", "MARQUES", "MACHADO", "MENDES", "FREITAS", "CARDOSO",
        "RAMOS", "GONCALVES", "SANTANA", "TEIXEIRA", "ARAUJO", "MONTEIRO", "MOURA", "CAVALCANTI", "BEZERRA", "PINTO",
        "BATISTA", "CAMPOS", "CORREIA", "MIRANDA", "MELO", "BARROS", "FREIRE", "GONÇALVES", "ARAÚJO", "CONCEIÇÃO"};

    private static final String[] PARTICLES = {" DA ", " DOS ", " DE ", " "};

    static final String[] FOREIGN_NAMES = {
        "JOHN SMITH", "MICHAEL JOHNSON", "DAVID WILLIAMS", "MANUEL FERREIRA PINTO", "ANTONIO JOSE FIGUEIREDO",
        "HANS MULLER", "PIERRE DUBOIS", "GIUSEPPE ROSSI", "HIROSHI TANAKA", "WEI ZHANG", "JUAN CARLOS GARCIA",
        "CARLOS ALBERTO RODRIGUEZ"};

    static final String[] FOREIGN_COMPANIES = {
        "GLOBAL HOLDINGS LLC", "IBERIA INVESTIMENTOS SGPS S.A.", "ATLANTIC CAPITAL PARTNERS LP", "EUROTRADE GMBH",
        "PACIFIC VENTURES LTD", "ANDES INVERSIONES S.A.", "NORDIC INDUSTRIES AB", "LUSO PARTICIPACOES LDA"};

    static final String[] CORES = {
        "NOVA ERA", "SAO JORGE", "BOA VISTA", "SANTA LUZIA", "ALIANCA", "PROGRESSO", "FUTURA", "PRIME", "MASTER", "TOP",
        "REAL", "UNIAO", "ESTRELA", "SOL NASCENTE", "VIDA", "BRASIL", "CENTRAL", "NORDESTE", "SUL", "GLOBAL", "TECH",
        "SMART", "EXPRESS", "ELITE", "IDEAL", "PREMIUM", "FENIX", "AGUIA", "HORIZONTE", "CONFIANCA", "PLANETA", "ALFA",
        "DELTA", "OMEGA", "VITORIA", "IMPERIAL", "MODELO", "POPULAR", "ECONOMICA", "SAO FRANCISCO", "SANTA RITA",
        "BOM JESUS", "NOSSA SENHORA APARECIDA", "DIAMANTE", "OURO VERDE", "PANTANAL", "AMAZONIA", "LITORAL", "SERRA AZUL",
        "PORTO SEGURO", "ITAPUA", "GUARANI", "TUPI", "JATOBA", "IPE", "AURORA", "PIONEIRA", "INOVA", "VISAO", "MAIS",
        "SÃO JOSÉ", "AÇAÍ", "CORAÇÃO"};

    static final String[] ACTIVITIES = {
        "COMERCIO DE ROUPAS", "RESTAURANTE", "SERVICOS", "CONSTRUCOES", "TRANSPORTES", "ALIMENTOS", "DISTRIBUIDORA",
        "CONSULTORIA", "TECNOLOGIA", "MATERIAIS DE CONSTRUCAO", "AUTO PECAS", "COMERCIO E SERVICOS",
        "INDUSTRIA E COMERCIO", "PARTICIPACOES", "EMPREENDIMENTOS", "ENGENHARIA", "LOGISTICA", "SAUDE", "EDUCACAO",
        "MODAS", "CALCADOS", "INFORMATICA", "CONTABILIDADE", "PUBLICIDADE", "EVENTOS", "SEGURANCA", "LIMPEZA",
        "IMOVEIS", "MOVEIS", "FARMACIA", "ODONTOLOGIA", "ESTETICA", "AGROPECUARIA", "TELECOMUNICACOES",
        "COMERCIO VAREJISTA", "COMERCIO ATACADISTA", "REPRESENTACOES", "SOLUCOES", "ASSESSORIA", "COMUNICAÇÃO"};

    static final String[] TRADE_PREFIXES = {
        "PADARIA", "MERCADINHO", "LANCHONETE", "RESTAURANTE", "BAR", "SALAO", "STUDIO", "BARBEARIA", "LOJA", "ATELIE",
        "AUTO CENTER", "OFICINA", "DEPOSITO", "MERCADO", "ACOUGUE", "PIZZARIA", "FARMACIA", "PAPELARIA", "BOUTIQUE",
        "ESPACO", "CLINICA", "ACADEMIA", "PET SHOP", "DISTRIBUIDORA", "CASA", "EMPORIO", "AÇOUGUE"};

    static final String[] STREET_TYPES = {"RUA", "RUA", "RUA", "RUA", "RUA", "RUA", "AVENIDA", "AVENIDA", "AVENIDA",
        "TRAVESSA", "ESTRADA", "RODOVIA", "ALAMEDA", "PRACA", "QUADRA", "VIA", "LARGO"};

    static final String[] STREETS = {
        "SETE DE SETEMBRO", "QUINZE DE NOVEMBRO", "TIRADENTES", "JOSE BONIFACIO", "DOM PEDRO II", "PRESIDENTE VARGAS",
        "GETULIO VARGAS", "RIO BRANCO", "BRASIL", "SANTOS DUMONT", "DUQUE DE CAXIAS", "MARECHAL DEODORO", "CASTRO ALVES",
        "RUI BARBOSA", "BARAO DO RIO BRANCO", "JUSCELINO KUBITSCHEK", "DAS FLORES", "DOS ANDRADAS", "SAO PAULO",
        "PARANA", "BAHIA", "AMAZONAS", "DAS PALMEIRAS", "DOS IPES", "CARLOS GOMES", "VINTE E UM DE ABRIL",
        "PRINCESA ISABEL", "SAO JOAO", "SANTA CATARINA", "GOIAS", "MINAS GERAIS", "DOM JOSE GASPAR", "PADRE ANCHIETA",
        "CORONEL JOSE DIAS", "PROJETADA", "A", "B", "C", "DEZ", "VINTE", "SÃO JOSÉ", "MARECHAL FLORIANO PEIXOTO"};

    static final String[] DISTRICTS = {
        "CENTRO", "CENTRO", "CENTRO", "CENTRO", "CENTRO", "JARDIM AMERICA", "VILA NOVA", "SAO JOSE", "SANTA CRUZ",
        "BOA VISTA", "JARDIM PRIMAVERA", "PARQUE INDUSTRIAL", "VILA MARIA", "BELA VISTA", "NOVA ESPERANCA", "ALVORADA",
        "DISTRITO INDUSTRIAL", "JARDIM EUROPA", "SANTO ANTONIO", "ZONA RURAL", "CIDADE NOVA", "PLANALTO",
        "JARDIM DAS FLORES", "VILA SAO JOAO", "CONJUNTO HABITACIONAL", "COHAB", "LIBERDADE", "ALDEOTA", "MOOCA",
        "PINHEIROS", "COPACABANA", "SAVASSI", "ASA NORTE", "BOQUEIRAO", "PITUBA", "JARDIM PAULISTA", "SÃO CRISTÓVÃO"};

    static final String[] COMPLEMENTS = {"SALA 1", "SALA 2", "SALA 101", "SALA 203", "LOJA 1", "LOJA 02", "LOJA A",
        "APT 101", "APT 302", "CASA", "CASA 2", "FUNDOS", "TERREO", "ANDAR 5", "BLOCO B", "GALPAO 3", "BOX 14",
        "QUADRA 4 LOTE 7", "KM 12", "CONJ 1204"};

    static final String[] MAIL_DOMAINS = {"gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com",
        "hotmail.com", "hotmail.com", "hotmail.com", "yahoo.com.br", "yahoo.com.br", "outlook.com", "bol.com.br",
        "uol.com.br", "terra.com.br", "ig.com.br", "live.com", "icloud.com"};

    static final String[] ROLE_MAILBOXES = {"contato", "financeiro", "adm", "administrativo", "vendas", "comercial",
        "fiscal", "atendimento", "rh", "compras", "sac", "diretoria"};

    static final String[] INVALID_MAILS = {"sem email", "NAO POSSUI", "joao@@gmail.com", "maria.gmail.com",
        "contato@", "@hotmail.com", "jose silva@gmail.com", "vendas@empresa", "x", "email@email..com"};

    /** ISO-8859-1 letters without their accents, for mailboxes and domains (NFD once, not per address). */
    private static final char[] UNACCENTED = new char[256];

    static {
        for (char c = 0; c < 256; c++) {
            String plain = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
            UNACCENTED[c] = plain.length() == 1 ? plain.charAt(0) : c;
        }
    }

    private Names() {
    }

    /** A person's name: one or two first names, a particle (or none) and one or two surnames. */
    public static String person(SeededRandom r) {
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
    public static String business(SeededRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.pick(SURNAMES) + " & " + r.pick(SURNAMES) + " " + r.pick(ACTIVITIES);
            case 1 -> r.pick(SURNAMES) + " " + r.pick(ACTIVITIES);
            default -> r.pick(CORES) + " " + r.pick(ACTIVITIES);
        };
    }

    /** A trade name (nome fantasia). */
    public static String tradeName(SeededRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> r.pick(TRADE_PREFIXES) + " " + r.pick(CORES);
            case 1 -> r.pick(TRADE_PREFIXES) + " DO " + r.pick(FIRST_NAMES);
            default -> r.pick(CORES) + " " + r.pick(ACTIVITIES);
        };
    }

    /** A mailbox: role@company-domain, person@free-mail, …; lower case mostly, sometimes in capitals as typed. */
    public static String email(SeededRandom r, String tradeOrCompany) {
        String address;
        int kind = r.nextInt(10);
        if (kind < 3) {
            address = r.pick(ROLE_MAILBOXES) + "@" + domainOf(tradeOrCompany) + ".com.br";
        } else if (kind < 7) {
            address = mailbox(r.pick(FIRST_NAMES)) + "." + mailbox(r.pick(SURNAMES)) + "@" + r.pick(MAIL_DOMAINS);
        } else if (kind < 9) {
            address = mailbox(r.pick(FIRST_NAMES)) + mailbox(r.pick(SURNAMES)) + r.nextInt(100) + "@" + r.pick(MAIL_DOMAINS);
        } else {
            // The accountant's address, shared by many of their clients (as in the real register).
            address = "escritorio" + r.nextInt(3_000) + "@contabil" + r.nextInt(500) + ".com.br";
        }
        int casing = r.nextInt(20);
        if (casing < 4) {
            return address.toUpperCase(java.util.Locale.ROOT);
        }
        if (casing == 4) {
            return Character.toUpperCase(address.charAt(0)) + address.substring(1);
        }
        return address;
    }

    /** A street type: RUA, AVENIDA, TRAVESSA… */
    public static String streetType(SeededRandom r) {
        return r.pick(STREET_TYPES);
    }

    /** A street name, without its type. */
    public static String street(SeededRandom r) {
        return r.pick(STREETS);
    }

    /** An address complement: SALA 101, LOJA A, FUNDOS… */
    public static String complement(SeededRandom r) {
        return r.pick(COMPLEMENTS);
    }

    /** A district (bairro). */
    public static String district(SeededRandom r) {
        return r.pick(DISTRICTS);
    }

    /** Lower-case ASCII letters and digits of {@code name}, accents dropped, at most 20. */
    private static String domainOf(String name) {
        StringBuilder domain = new StringBuilder(20);
        for (int i = 0; i < name.length() && domain.length() < 20; i++) {
            char c = name.charAt(i);
            c = c < 256 ? UNACCENTED[c] : c;
            if (c >= 'A' && c <= 'Z') {
                domain.append((char) (c + ('a' - 'A')));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                domain.append(c);
            }
        }
        return domain.isEmpty() ? "empresa" : domain.toString();
    }

    private static String mailbox(String word) {
        return domainOf(word);
    }
}
