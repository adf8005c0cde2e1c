package com.dominusleads.servicekit.api;

import com.dominusleads.events.Cnpj;
import java.util.Map;

/** A CNPJ given by a caller (path or query), with or without punctuation: its stored form, or a 400 {@code invalid_cnpj}. */
public final class CnpjParameter {

    private CnpjParameter() {
    }

    public static String value(String text) {
        String problem = Cnpj.problemWith(text);
        if (problem != null) {
            throw new ApiException(400, "invalid_cnpj", problem, Map.of("cnpj", String.valueOf(text)));
        }
        return Cnpj.parse(text).orElseThrow().value();
    }
}
