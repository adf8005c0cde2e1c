package com.dominusleads.ingestion.api;

import com.dominusleads.directory.Cnae;
import com.dominusleads.directory.Municipalities;
import com.dominusleads.directory.Municipality;
import com.dominusleads.events.Cnpj;
import com.dominusleads.directory.Ufs;
import com.dominusleads.ingestion.search.SearchCriteria;
import com.dominusleads.servicekit.api.ApiException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks a search request and turns it into {@link SearchCriteria}; anything wrong is a 400 naming the field. */
final class SearchRequests {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MAX_CNAES = 50;

    private SearchRequests() {
    }

    static SearchCriteria criteria(SearchRequest r, boolean principalOnlyDefault) {
        if (r == null) {
            throw invalid("body", "a JSON body is required, e.g. {\"cnaes\":[\"6201501\"],\"uf\":\"SP\"}", null);
        }
        List<Integer> cnaes = cnaes(r.cnaes());
        String given = uf(r.uf());
        Integer municipio = municipio(r.municipioIbge(), given);
        // A municipality implies its UF: the search then reads one partition, and the total is scaled within it.
        String uf = municipio == null ? given : Municipalities.instance().byIbge(municipio).orElseThrow().uf();
        List<Integer> portes = portes(r.porte());
        if (r.capitalMin() != null && r.capitalMin().signum() < 0) {
            throw invalid("capital_min", "must be zero or more", r.capitalMin());
        }
        int situacao = situacao(r.situacao());
        LocalDate openedAfter = date(r.openedAfter());
        int page = r.pagination() == null || r.pagination().page() == null ? 1 : r.pagination().page();
        int limit = r.pagination() == null || r.pagination().limit() == null ? DEFAULT_LIMIT : r.pagination().limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("pagination.limit", "must be between 1 and " + MAX_LIMIT, limit);
        }
        if (page < 1) {
            throw invalid("pagination.page", "pages start at 1", page);
        }
        String after = r.cursor() == null || r.cursor().isBlank() ? null : decodeCursor(r.cursor());
        if (after != null && page > 1) {
            throw invalid("cursor", "give either a cursor or a page number, not both", r.cursor());
        }
        long offset = (long) (page - 1) * limit;
        if (offset + limit > SearchCriteria.MAX_OFFSET_WINDOW) {
            throw new ApiException(400, "page_too_deep", "Page " + page + " of " + limit + " goes past result "
                    + SearchCriteria.MAX_OFFSET_WINDOW + "; follow meta.next_cursor instead (pass it as \"cursor\"),"
                    + " which is as fast at any depth", Map.of("page", page, "limit", limit));
        }
        return new SearchCriteria(cnaes, r.principalOnly() == null ? principalOnlyDefault : r.principalOnly(), situacao,
                uf, municipio, portes, r.capitalMin(), Boolean.TRUE.equals(r.excluirMei()), Boolean.TRUE.equals(r.hasPhone()),
                Boolean.TRUE.equals(r.hasMobile()), Boolean.TRUE.equals(r.hasEmail()), openedAfter, limit, (int) offset,
                after);
    }

    static String encodeCursor(String cnpj) {
        return cnpj == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + cnpj)
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static String decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith("after:") && Cnpj.isValid(text.substring(6))) {
                return text.substring(6);
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below
        }
        throw invalid("cursor", "not a cursor this API gave out (use meta.next_cursor as it is)", cursor);
    }

    private static List<Integer> cnaes(List<Object> values) {
        if (values == null || values.isEmpty()) {
            throw invalid("cnaes", "give at least one CNAE subclass, e.g. [\"6201501\"]", null);
        }
        if (values.size() > MAX_CNAES) {
            throw invalid("cnaes", "at most " + MAX_CNAES + " CNAEs per search", values.size());
        }
        LinkedHashSet<Integer> codes = new LinkedHashSet<>();
        for (Object value : values) {
            codes.add(cnae(value, "cnaes"));
        }
        return new ArrayList<>(codes);
    }

    /** A 7-digit CNAE subclass, written plainly (6201501) or with its punctuation (6201-5/01). */
    static int cnae(Object value, String field) {
        return Cnae.parseCode(value).orElseThrow(() ->
                invalid(field, "a CNAE subclass has 7 digits, e.g. 6201501 or 6201-5/01", value));
    }

    static String uf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String uf = value.trim().toUpperCase(Locale.ROOT);
        if (!Ufs.ALL.contains(uf)) {
            throw invalid("uf", "not a federative unit (two letters, e.g. SP; EX for abroad)", value);
        }
        return uf;
    }

    private static Integer municipio(Object value, String uf) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().trim();
        if (!text.matches("[0-9]{7}")) {
            throw invalid("municipio_ibge", "an IBGE municipality code has 7 digits, e.g. 3550308 (São Paulo)", value);
        }
        Municipality m = Municipalities.instance().byIbge(Integer.parseInt(text)).orElseThrow(() ->
                invalid("municipio_ibge", "no municipality has this IBGE code", value));
        if (uf != null && !uf.equals(m.uf())) {
            throw invalid("municipio_ibge", m.name() + " is in " + m.uf() + ", not in " + uf, value);
        }
        return m.ibgeCode();
    }

    private static List<Integer> portes(List<Object> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<Integer> portes = new ArrayList<>();
        for (Object value : values) {
            String v = value == null ? "" : value.toString().trim().toUpperCase(Locale.ROOT);
            portes.add(switch (v) {
                case "0", "00", "NAO INFORMADO", "NÃO INFORMADO" -> 0;
                case "1", "01", "ME", "MICRO EMPRESA", "MICROEMPRESA" -> 1;
                case "3", "03", "EPP", "EMPRESA DE PEQUENO PORTE" -> 3;
                case "5", "05", "DEMAIS" -> 5;
                default -> throw invalid("porte", "one of 00/NAO INFORMADO, 01/ME, 03/EPP, 05/DEMAIS", value);
            });
        }
        return portes;
    }

    private static int situacao(Object value) {
        if (value == null) {
            return 2;
        }
        String v = value.toString().trim().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "1", "01", "NULA" -> 1;
            case "2", "02", "ATIVA" -> 2;
            case "3", "03", "SUSPENSA" -> 3;
            case "4", "04", "INAPTA" -> 4;
            case "8", "08", "BAIXADA" -> 8;
            default -> throw invalid("situacao", "one of ATIVA (02, the default), BAIXADA (08), INAPTA (04),"
                    + " SUSPENSA (03), NULA (01)", value);
        };
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalid("opened_after", "a date as YYYY-MM-DD", value);
        }
    }

    static ApiException invalid(String field, String message, Object value) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("field", field);
        if (value != null) {
            details.put("value", value);
        }
        return new ApiException(400, "invalid_" + field.replace('.', '_'), field + ": " + message, details);
    }
}
