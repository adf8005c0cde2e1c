package com.dominusleads.messaging.api;

import com.dominusleads.messaging.provider.MalformedPayloadException;
import com.dominusleads.servicekit.api.ApiError;
import com.dominusleads.servicekit.api.ApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The webhooks' refusals, in the {@link ApiError} shape: 401 {@code invalid_signature} when a request does not prove
 * it comes from the channel's provider account, 400 {@code malformed_payload} when a request that does is not what
 * that provider sends. Neither stores anything.
 */
public class WebhookErrors {

    /** A request whose {@code proof} (a header, a token) is missing, wrong, stale, or does not fit the body. */
    static ApiException invalidSignature(String provider, String proof) {
        return new ApiException(401, "invalid_signature", "The request is not signed by this channel's "
                + provider + " account: " + proof + " is missing, does not match, or has expired.",
                Map.of("provider", provider, "checked", proof));
    }

    @ServerExceptionMapper
    public Response mapMalformed(MalformedPayloadException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of("malformed_payload",
                "The body is signed but is not a webhook this service can read.", Map.of("reason", e.getMessage())))
                .build();
    }
}
