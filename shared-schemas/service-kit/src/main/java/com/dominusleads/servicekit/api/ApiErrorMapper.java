package com.dominusleads.servicekit.api;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
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
        if (e.getConstraintViolations().stream().anyMatch(ApiErrorMapper::isReturnValue)) {
            // The request was fine; our response broke its own contract.
            return mapUnexpected(e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> details.put(v.getPropertyPath().toString(), v.getMessage()));
        return respond(400, ApiError.of("validation_failed", "The request is invalid; see details for each field.", details));
    }

    @ServerExceptionMapper
    public Response mapApi(ApiException e) {
        if (e.retryAfterSeconds() >= 0) {
            return Response.status(e.status()).header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(e.toError()).build();
        }
        return respond(e.status(), e.toError());
    }

    @ServerExceptionMapper
    public Response mapUnauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response mapBadToken(AuthenticationFailedException e) {
        return unauthorized();
    }

    /** Keycloak could not be reached to verify the token: the caller did nothing wrong and may retry. */
    @ServerExceptionMapper
    public Response mapIdentityProviderDown(OIDCException e) {
        LOG.warnf("Cannot verify a bearer token: %s", e.getMessage());
        return Response.status(503).header("Retry-After", "5").type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of("identity_provider_unavailable",
                        "Sign-in cannot be checked right now (Keycloak is not reachable); retry in a few seconds."))
                .build();
    }

    private static Response unauthorized() {
        return Response.status(401).header("WWW-Authenticate", "Bearer").type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of("unauthorized", "Sign in: send a valid bearer token from Keycloak.")).build();
    }

    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException e) {
        return respond(403, ApiError.of("forbidden", "Your account may not do this; ask an administrator for the role."));
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e) {
        if (e instanceof NotFoundException && e.getCause() instanceof IllegalArgumentException) {
            // JAX-RS answers a query or path parameter it cannot convert (?limit=abc) with 404; it is a bad request.
            return respond(400, ApiError.of("invalid_parameter",
                    "A parameter of the request has the wrong type: " + e.getCause().getMessage()));
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "error" : known.getReasonPhrase();
        String code = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String message = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? reason : e.getMessage();
        // Keeps the original headers (Allow, WWW-Authenticate, Retry-After, Location…).
        return Response.fromResponse(e.getResponse()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(code, message)).build();
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e) {
        LOG.error("Unexpected error while serving a request", e);
        return respond(500, ApiError.of("internal_error", "Something went wrong on our side; retry later."));
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
