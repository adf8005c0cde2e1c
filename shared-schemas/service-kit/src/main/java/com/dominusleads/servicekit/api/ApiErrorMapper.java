package com.dominusleads.servicekit.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of a REST call into an {@link ApiError}; unexpected ones are logged and not leaked. */
public class ApiErrorMapper {

    private static final Logger LOG = Logger.getLogger(ApiErrorMapper.class);

    @ServerExceptionMapper
    public Response mapValidation(ConstraintViolationException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> details.put(v.getPropertyPath().toString(), v.getMessage()));
        return respond(400, ApiError.of("validation_failed", "The request is invalid; see details for each field.", details));
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "error" : known.getReasonPhrase();
        String code = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String message = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? reason : e.getMessage();
        return respond(status, ApiError.of(code, message));
    }

    @ServerExceptionMapper
    public Response mapUnexpected(RuntimeException e) {
        LOG.error("Unexpected error while serving a request", e);
        return respond(500, ApiError.of("internal_error", "Something went wrong on our side; retry later."));
    }

    private static Response respond(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
