package com.dominusleads.releasegenerator;

import com.dominusleads.directory.Cnae;
import com.dominusleads.directory.CnaeCatalog;
import com.dominusleads.directory.Municipalities;
import com.dominusleads.directory.Municipality;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The six code → description files of a release. Cnaes and Municipios come from the shared reference tables,
 * Naturezas from the bundled {@code rf_naturezas.csv}; Motivos, Paises and Qualificacoes are the RF's own codes
 * (the subset the generated rows use, and then some), labels as the RF publishes them.
 */
final class LookupTables {

    /** Motivo da situação cadastral. The RF's own file writes "SEM  MOTIVO" with two spaces, as its sample does. */
    static final Map<String, String> MOTIVOS = ordered(
            "00", "SEM  MOTIVO",
            "01", "EXTINCAO POR ENCERRAMENTO LIQUIDACAO VOLUNTARIA",
            "02", "INCORPORACAO",
            "03", "FUSAO",
            "04", "CISAO TOTAL",
            "09", "NAO INICIO DE ATIVIDADE",
            "15", "INEXISTENTE DE FATO",
            "16", "ANULACAO POR VICIOS",
            "18", "INTERRUPCAO TEMPORARIA DAS ATIVIDADES",
            "21", "PEDIDO DE BAIXA INDEFERIDA",
            "34", "ANULACAO DE INSCRICAO INDEVIDA",
            "63", "OMISSAO DE DECLARACOES",
            "64", "LOCALIZACAO DESCONHECIDA",
            "66", "INAPTIDAO",
            "71", "INAPTIDAO (LEI 11.941/2009 ART.54)",
            "73", "OMISSAO CONTUMAZ",
            "74", "INCONSISTENCIA CADASTRAL",
            "75", "OBITO DO MEI - TITULAR FALECIDO",
            "80", "BAIXA REGISTRADA NA JUNTA, INDEFERIDA NA RFB");

    /** Countries (BACEN codes, as the RF writes them); the first one is Brazil. */
    static final Map<String, String> PAISES = ordered(
            "105", "BRASIL",
            "249", "ESTADOS UNIDOS",
            "607", "PORTUGAL",
            "063", "ARGENTINA",
            "023", "ALEMANHA",
            "245", "ESPANHA",
            "275", "FRANCA",
            "386", "ITALIA",
            "399", "JAPAO",
            "160", "CHINA, REPUBLICA POPULAR",
            "628", "REINO UNIDO",
            "767", "SUICA",
            "573", "PAISES BAIXOS (HOLANDA)",
            "586", "PARAGUAI",
            "845", "URUGUAI",
            "158", "CHILE",
            "149", "CANADA",
            "493", "MEXICO",
            "169", "COLOMBIA",
            "589", "PERU",
            "097", "BOLIVIA",
            "850", "VENEZUELA",
            "190", "COREIA, REPUBLICA DA",
            "087", "BELGICA",
            "445", "LUXEMBURGO",
            "741", "CINGAPURA",
            "756", "AFRICA DO SUL",
            "361", "INDIA");

    /** A city abroad per country code, for cidade_exterior. */
    static final Map<String, String[]> CITIES_ABROAD = Map.ofEntries(
            Map.entry("249", new String[] {"MIAMI", "NEW YORK", "ORLANDO", "BOSTON", "HOUSTON", "DELAWARE"}),
            Map.entry("607", new String[] {"LISBOA", "PORTO", "BRAGA", "COIMBRA"}),
            Map.entry("063", new String[] {"BUENOS AIRES", "CORDOBA", "ROSARIO"}),
            Map.entry("023", new String[] {"BERLIM", "MUNIQUE", "FRANKFURT", "HAMBURGO"}),
            Map.entry("245", new String[] {"MADRI", "BARCELONA", "VALENCIA"}),
            Map.entry("275", new String[] {"PARIS", "LYON"}),
            Map.entry("386", new String[] {"ROMA", "MILAO", "TURIM"}),
            Map.entry("399", new String[] {"TOQUIO", "NAGOIA", "HAMAMATSU"}),
            Map.entry("160", new String[] {"XANGAI", "PEQUIM", "SHENZHEN"}),
            Map.entry("628", new String[] {"LONDRES", "MANCHESTER"}),
            Map.entry("767", new String[] {"ZURIQUE", "GENEBRA"}),
            Map.entry("573", new String[] {"AMSTERDA", "ROTERDA"}),
            Map.entry("586", new String[] {"ASSUNCAO", "CIUDAD DEL ESTE"}),
            Map.entry("845", new String[] {"MONTEVIDEU", "PUNTA DEL ESTE"}));

    /** Qualificação de sócio / de responsável. */
    static final Map<String, String> QUALIFICACOES = ordered(
            "00", "Não informada",
            "05", "Administrador",
            "08", "Conselheiro de Administração",
            "09", "Curador",
            "10", "Diretor",
            "11", "Interventor",
            "12", "Inventariante",
            "13", "Liquidante",
            "14", "Mãe",
            "15", "Pai",
            "16", "Presidente",
            "17", "Procurador",
            "18", "Secretário",
            "19", "Síndico (Condomínio)",
            "20", "Sociedade Consorciada",
            "21", "Sociedade Filiada",
            "22", "Sócio",
            "23", "Sócio Capitalista",
            "24", "Sócio Comanditado",
            "25", "Sócio Comanditário",
            "26", "Sócio de Indústria",
            "28", "Sócio-Gerente",
            "29", "Sócio Incapaz ou Relat.Incapaz (exceto menor)",
            "30", "Sócio Menor (Assistido/Representado)",
            "31", "Sócio Ostensivo",
            "32", "Tabelião",
            "33", "Tesoureiro",
            "34", "Titular de Empresa Individual Imobiliária",
            "35", "Tutor",
            "37", "Sócio Pessoa Jurídica Domiciliado no Exterior",
            "38", "Sócio Pessoa Física Residente no Exterior",
            "39", "Diplomata",
            "40", "Cônsul",
            "41", "Representante de Organização Internacional",
            "42", "Oficial de Registro",
            "43", "Responsável",
            "46", "Ministro de Estado das Relações Exteriores",
            "47", "Sócio Pessoa Física Residente no Brasil",
            "48", "Sócio Pessoa Jurídica Domiciliado no Brasil",
            "49", "Sócio-Administrador",
            "50", "Empresário",
            "51", "Candidato a cargo Político Eletivo",
            "52", "Sócio com Capital",
            "53", "Sócio sem Capital",
            "54", "Fundador",
            "55", "Sócio Comanditado Residente no Exterior",
            "56", "Sócio Comanditário Pessoa Física Residente no Exterior",
            "57", "Sócio Comanditário Pessoa Jurídica Domiciliado no Exterior",
            "58", "Sócio Comanditário Incapaz",
            "59", "Produtor Rural",
            "60", "Cônsul Honorário",
            "61", "Responsável indígena",
            "62", "Representante da Instituição Extraterritorial",
            "63", "Cotas em Tesouraria",
            "64", "Administrador Judicial",
            "65", "Titular Pessoa Física Residente ou Domiciliado no Brasil",
            "66", "Titular Pessoa Física Residente ou Domiciliado no Exterior",
            "67", "Titular Pessoa Física Incapaz ou Relativamente Incapaz (exceto menor)",
            "68", "Titular Pessoa Física Menor (Assistido/Representado)",
            "69", "Beneficiário Final",
            "70", "Administrador Residente ou Domiciliado no Exterior",
            "71", "Conselheiro de Administração Residente ou Domiciliado no Exterior",
            "72", "Diretor Residente ou Domiciliado no Exterior",
            "73", "Presidente Residente ou Domiciliado no Exterior",
            "74", "Sócio-Administrador Residente ou Domiciliado no Exterior",
            "75", "Fundador Residente ou Domiciliado no Exterior",
            "78", "Titular Pessoa Jurídica Domiciliada no Brasil",
            "79", "Titular Pessoa Jurídica Domiciliada no Exterior");

    private LookupTables() {
    }

    static List<String[]> cnaes() {
        List<String[]> rows = new ArrayList<>();
        for (Cnae cnae : CnaeCatalog.instance().all()) {
            rows.add(new String[] {String.format(Locale.ROOT, "%07d", cnae.code()), cnae.description()});
        }
        return rows;
    }

    /** TOM code; name in capitals without accents, as the RF writes it; plus 9707 EXTERIOR. */
    static List<String[]> municipios() {
        List<Municipality> all = new ArrayList<>(Municipalities.instance().all());
        all.sort(Comparator.comparingInt(Municipality::tomCode));
        List<String[]> rows = new ArrayList<>();
        for (Municipality m : all) {
            rows.add(new String[] {String.format(Locale.ROOT, "%04d", m.tomCode()), plainCapitals(m.name())});
        }
        rows.add(new String[] {String.valueOf(Geography.EXTERIOR_TOM), "EXTERIOR"});
        return rows;
    }

    /** Every natureza jurídica of the bundled CONCLA table (legacy codes too: old companies still carry them). */
    static List<String[]> naturezas() {
        String resource = "/dominus/reference/rf_naturezas.csv";
        try (InputStream in = CnaeCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header: code,description,category_code,category,legacy,current_code
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(new String[] {line.substring(0, 4), secondField(line)});
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static List<String[]> rows(Map<String, String> table) {
        List<String[]> rows = new ArrayList<>();
        table.forEach((code, label) -> rows.add(new String[] {code, label}));
        return rows;
    }

    static String plainCapitals(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
    }

    /** The description: the second comma-separated field, which is quoted when it holds a comma. */
    private static String secondField(String line) {
        int start = line.indexOf(',') + 1;
        if (line.charAt(start) == '"') {
            return line.substring(start + 1, line.indexOf('"', start + 1));
        }
        return line.substring(start, line.indexOf(',', start));
    }

    private static Map<String, String> ordered(String... codeThenLabel) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codeThenLabel.length; i += 2) {
            map.put(codeThenLabel[i], codeThenLabel[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
