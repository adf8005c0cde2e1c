package com.dominusleads.gateway.domain;

import com.dominusleads.events.Cnpj;
import com.dominusleads.servicekit.api.ApiException;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Tolerates the remote API's ways of wrapping and spelling a company document, and refuses one about another CNPJ. */
final class RemoteDocuments {

    private RemoteDocuments() {
    }

    /**
     * The document of {@code cnpj} in {@code body}: the body itself, or its {@code data} object (a wrapped variant);
     * a CNPJ written with punctuation is normalised, a missing one filled in when the body has a {@code razao_social}.
     * A body with neither, or a document about another company, is a malformed answer (502) and is not kept.
     */
    static JsonObject company(String cnpj, JsonObject body) {
        JsonObject document = body.getValue("cnpj") == null && body.getValue("data") instanceof JsonObject data
                ? data : body;
        Object given = document.getValue("cnpj");
        if (given == null) {
            if (document.getValue("razao_social") == null) { // {}, an error envelope: not a company
                throw new ApiException(502, "remote_malformed_response", "The remote company API answered a lookup"
                        + " of " + cnpj + " with a body that is not a company document", Map.of("cnpj", cnpj));
            }
            return document.put("cnpj", cnpj);
        }
        String normalised = Cnpj.parse(given.toString()).map(Cnpj::value).orElse(null);
        if (!cnpj.equals(normalised)) {
            throw new ApiException(502, "remote_malformed_response", "The remote company API answered a lookup of "
                    + cnpj + " with a document about another CNPJ", Map.of("cnpj", cnpj));
        }
        return document.put("cnpj", cnpj);
    }
}
