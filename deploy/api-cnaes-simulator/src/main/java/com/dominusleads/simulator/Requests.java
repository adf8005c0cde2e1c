package com.dominusleads.simulator;

import com.dominusleads.directory.Municipalities;
import com.dominusleads.directory.Municipality;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates the two search forms of the contract into a {@link SearchQuery}, with the same rules and error codes as
 * the local directory's API (400 {@code invalid_<field>}, {@code page_too_deep}). Unknown body fields are ignored.
 */
final class Requests {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MAX_CNAES = 50;
    static final int MAX_OFFSET_WINDOW = 10_000;

    private Requests() {
    }

    /** {@code GET /companies?cnae_principal=&uf=&page=&limit=&cursor=}. */
    static SearchQuery fromListing(Map<String, String> params) {
        String cnae = params.get("cnae_principal");
        if (cnae == null || cnae.isBlank()) {
            throw ApiProblem.invalid("cnae_principal", "give the principal CNAE subclass, e.g. ?cnae_principal=6201501",
                    null);
        }
        int code = cnae(cnae, "cnae_principal");
        String uf = uf(params.get("uf"));
        int page = integer(params.get("page"), "page", 1);
        int limit = integer(params.get("limit"), "limit", DEFAULT_LIMIT);
        return query(List.of(code), true, uf, null, null, List.of(), false, page, limit, params.get("cursor"), "page",
                "limit");
    }

    /** {@code POST /companies/search}. */
    static SearchQuery fromBody(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalid("body", "a JSON object is required, e.g. {\"cnaes\":[\"6201501\"],\"uf\":\"SP\"}",
                    null);
        }
        JsonNode cnaesNode = body.path("cnaes");
        if (!cnaesNode.isArray() || cnaesNode.isEmpty()) {
            throw ApiProblem.invalid("cnaes", "give at least one CNAE subclass, e.g. [\"6201501\"]", null);
        }
        if (cnaesNode.size() > MAX_CNAES) {
            throw ApiProblem.invalid("cnaes", "at most " + MAX_CNAES + " CNAEs per search", cnaesNode.size());
        }
        LinkedHashSet<Integer> cnaes = new LinkedHashSet<>();
        for (JsonNode c : cnaesNode) {
            if (!c.isTextual() && !c.isIntegralNumber()) {
                throw ApiProblem.invalid("cnaes", "a CNAE subclass has 7 digits, e.g. 6201501 or 6201-5/01", c.toString());
            }
            cnaes.add(cnae(c.asText(), "cnaes"));
        }
        String uf = uf(text(body, "uf"));
        Integer municipio = null;
        JsonNode m = body.path("municipio_ibge");
        if (!m.isMissingNode() && !m.isNull() && !m.asText().isBlank()) {
            String value = m.asText().trim();
            if (!(m.isTextual() || m.isIntegralNumber()) || !value.matches("[0-9]{7}")) {
                throw ApiProblem.invalid("municipio_ibge", "an IBGE municipality code has 7 digits, e.g. 3550308 (São"
                        + " Paulo)", m.toString());
            }
            Municipality place = Municipalities.instance().byIbge(Integer.parseInt(value)).orElseThrow(() ->
                    ApiProblem.invalid("municipio_ibge", "no municipality has this IBGE code", value));
            if (uf != null && !uf.equals(place.uf())) {
                throw ApiProblem.invalid("municipio_ibge", place.name() + " is in " + place.uf() + ", not in " + uf, value);
            }
            municipio = place.ibgeCode();
            uf = place.uf();
        }
        BigDecimal capitalMin = null;
        JsonNode capital = body.path("capital_min");
        if (!capital.isMissingNode() && !capital.isNull()) {
            try {
                capitalMin = capital.isNumber() ? capital.decimalValue() : new BigDecimal(capital.asText().trim());
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("capital_min", "a number of reais, e.g. 100000", capital.toString());
            }
            if (capitalMin.signum() < 0) {
                throw ApiProblem.invalid("capital_min", "must be zero or more", capitalMin);
            }
        }
        List<Object> portes = new ArrayList<>();
        JsonNode porte = body.path("porte");
        if (!porte.isMissingNode() && !porte.isNull()) {
            if (!porte.isArray()) {
                throw ApiProblem.invalid("porte", "a list, e.g. [\"ME\", \"EPP\"]", porte.toString());
            }
            porte.forEach(p -> portes.add(p.asText()));
        }
        JsonNode mei = body.path("excluir_mei");
        if (!mei.isMissingNode() && !mei.isNull() && !mei.isBoolean()) {
            throw ApiProblem.invalid("excluir_mei", "true or false", mei.toString());
        }
        JsonNode pagination = body.path("pagination");
        if (!pagination.isMissingNode() && !pagination.isNull() && !pagination.isObject()) {
            throw ApiProblem.invalid("pagination", "an object, e.g. {\"page\":1,\"limit\":20}", pagination.toString());
        }
        int page = integer(pagination.path("page"), "pagination.page", 1);
        int limit = integer(pagination.path("limit"), "pagination.limit", DEFAULT_LIMIT);
        return query(List.copyOf(cnaes), false, uf, municipio, capitalMin, portes, mei.asBoolean(false), page, limit,
                text(body, "cursor"), "pagination.page", "pagination.limit");
    }

    private static SearchQuery query(List<Integer> cnaes, boolean principalOnly, String uf, Integer municipio,
                                     BigDecimal capitalMin, List<Object> portes, boolean excluirMei, int page, int limit,
                                     String cursor, String pageField, String limitField) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalid(limitField, "must be between 1 and " + MAX_LIMIT, limit);
        }
        if (page < 1) {
            throw ApiProblem.invalid(pageField, "pages start at 1", page);
        }
        long offset = (long) (page - 1) * limit;
        if (cursor != null && !cursor.isBlank()) {
            if (page > 1) {
                throw ApiProblem.invalid("cursor", "give either a cursor or a page number, not both", cursor);
            }
            offset = decodeCursor(cursor);
            page = (int) (offset / limit) + 1;
        }
        if (offset + limit > MAX_OFFSET_WINDOW) {
            throw new ApiProblem(400, "page_too_deep", "Page " + page + " of " + limit + " goes past result "
                    + MAX_OFFSET_WINDOW + "; follow meta.next_cursor instead", Map.of("page", page, "limit", limit));
        }
        Set<Integer> categories = new TreeSet<>();
        if (portes.isEmpty()) {
            categories.addAll(List.of(0, 1, 2, 3, 4));
        }
        for (Object p : portes) {
            String v = String.valueOf(p).trim().toUpperCase(Locale.ROOT);
            categories.addAll(switch (v) {
                case "0", "00", "NAO INFORMADO", "NÃO INFORMADO" -> List.of(0);
                case "1", "01", "ME", "MICRO EMPRESA", "MICROEMPRESA" -> List.of(1, 2);
                case "3", "03", "EPP", "EMPRESA DE PEQUENO PORTE" -> List.of(3);
                case "5", "05", "DEMAIS" -> List.of(4);
                default -> throw ApiProblem.invalid("porte", "one of 00/NAO INFORMADO, 01/ME, 03/EPP, 05/DEMAIS", p);
            });
        }
        if (excluirMei) {
            categories.remove(2);
        }
        return new SearchQuery(cnaes, principalOnly, uf, municipio, capitalMin, Set.copyOf(categories), page, limit,
                offset);
    }

    static String encodeCursor(long offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("sim:" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static long decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII);
            if (text.matches("sim:[0-9]{1,9}")) {
                return Long.parseLong(text.substring(4));
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below
        }
        throw ApiProblem.invalid("cursor", "not a cursor this API gave out (use meta.next_cursor as it is)", cursor);
    }

    /** A 7-digit CNAE subclass, plain (6201501) or punctuated (6201-5/01). */
    private static int cnae(String value, String field) {
        String digits = value.replaceAll("[.\\-/\\s]", "");
        if (!digits.matches("[0-9]{7}")) {
            throw ApiProblem.invalid(field, "a CNAE subclass has 7 digits, e.g. 6201501 or 6201-5/01", value);
        }
        return Integer.parseInt(digits);
    }

    private static String uf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String uf = value.trim().toUpperCase(Locale.ROOT);
        if (!Reference.UFS.contains(uf)) {
            throw ApiProblem.invalid("uf", "not a federative unit (two letters, e.g. SP; EX for abroad)", value);
        }
        return uf;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiProblem.invalid(field, "a string", node.toString());
        }
        return node.asText();
    }

    private static int integer(JsonNode node, String field, int fallback) {
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw ApiProblem.invalid(field, "a whole number", node.toString());
        }
        return node.intValue();
    }

    private static int integer(String value, String field, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(field, "a whole number", value);
        }
    }
}
