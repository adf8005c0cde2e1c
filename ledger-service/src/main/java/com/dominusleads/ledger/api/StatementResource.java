package com.dominusleads.ledger.api;

import com.dominusleads.ledger.domain.MovementKind;
import com.dominusleads.ledger.persistence.StatementQuery;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.Caller;
import com.dominusleads.servicekit.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The caller's tenant's statement, newest first. Filters: {@code type} (GRANT, DEBIT, REVERSAL), {@code from}
 * (inclusive) and {@code to} (exclusive) as ISO-8601 instants; {@code cursor} is the {@code nextCursor} of the
 * previous page.
 */
@Path("/api/ledger/statement")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.SALES, Roles.VIEWER})
public class StatementResource {

    public record StatementPage(List<StatementQuery.Line> lines, String nextCursor) {
    }

    private static final String CURSOR_PREFIX = "entry:";

    private final Caller caller;
    private final StatementQuery statement;

    public StatementResource(Caller caller, StatementQuery statement) {
        this.caller = caller;
        this.statement = statement;
    }

    @GET
    public Uni<StatementPage> page(@QueryParam("type") String type, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        StatementQuery.Filter filter = new StatementQuery.Filter(kind(type), instant("from", from), instant("to", to),
                decode(cursor), limit);
        return statement.page(caller.tenantId(), filter).map(lines -> lines.size() <= limit
                ? new StatementPage(lines, null)
                : new StatementPage(lines.subList(0, limit), encode(lines.get(limit - 1).entryId())));
    }

    private static MovementKind kind(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return MovementKind.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_type", "type must be one of GRANT, DEBIT, REVERSAL, not '" + type + "'.");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_" + name,
                    name + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z, not '" + value + "'.");
        }
    }

    static String encode(long entryId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + entryId).getBytes(StandardCharsets.UTF_8));
    }

    static Long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                return Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw ApiException.badRequest("invalid_cursor", "cursor must be the nextCursor of a previous page.");
    }
}
