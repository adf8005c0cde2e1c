package com.dominusleads.ingestion.api;

import com.dominusleads.directory.Ufs;
import com.dominusleads.ingestion.domain.Job;
import com.dominusleads.ingestion.domain.Release;
import com.dominusleads.ingestion.domain.ReleaseFileState;
import com.dominusleads.ingestion.load.IngestionService;
import com.dominusleads.ingestion.persistence.QuarantineQuery;
import com.dominusleads.ingestion.persistence.ReleaseStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.tenancy.Roles;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The host operators' control of the directory: ingest a release, follow its progress, reprocess a file, read the
 * quarantined rows, and switch back to the previous release.
 */
@Path("/api/ingestion")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.HOST_ADMIN)
public class IngestionResource {

    static final String RELEASE_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** {@code mode}: FULL (the default) or INCREMENTAL. */
    public record IngestRequest(@NotBlank @Pattern(regexp = RELEASE_ID) String releaseId,
                                @NotBlank @Size(max = 2000) String source,
                                @Pattern(regexp = "FULL|INCREMENTAL", message = "FULL or INCREMENTAL") String mode) {
    }

    /** One of: a file; a file and one of its chunks; a UF. */
    public record ReprocessRequest(@Size(max = 200) String file, @Min(0) Integer chunk,
                                   @Pattern(regexp = "[A-Za-z]{2}") String uf) {
    }

    public record Accepted(Job job, String statusUrl) {
    }

    public record ReleaseDetail(Release release, ReleaseProgress progress, List<Job> jobs) {
    }

    private final AgroalDataSource dataSource;
    private final IngestionService ingestion;
    private final SecurityIdentity identity;

    public IngestionResource(AgroalDataSource dataSource, IngestionService ingestion, SecurityIdentity identity) {
        this.dataSource = dataSource;
        this.ingestion = ingestion;
        this.identity = identity;
    }

    @POST
    @Path("/releases")
    public Response ingest(@Valid @NotNull IngestRequest request) throws SQLException {
        Job job = ingestion.ingest(request.releaseId(), request.source(), request.mode() == null ? "FULL" : request.mode(),
                identity.getPrincipal().getName());
        return accepted(job);
    }

    @GET
    @Path("/releases")
    public List<Release> releases() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return ReleaseStore.releases(c);
        }
    }

    @GET
    @Path("/releases/{id}")
    public ReleaseDetail release(@PathParam("id") String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Release release = ReleaseStore.release(c, id)
                    .orElseThrow(() -> ApiException.notFound("release_not_found", "No release " + id));
            List<ReleaseFileState> files = ReleaseStore.files(c, id);
            return new ReleaseDetail(release, ReleaseProgress.of(files), ReleaseStore.jobsOf(c, id));
        }
    }

    @POST
    @Path("/releases/{id}/reprocess")
    public Response reprocess(@PathParam("id") String id, @Valid @NotNull ReprocessRequest request) throws SQLException {
        String operator = identity.getPrincipal().getName();
        boolean file = request.file() != null && !request.file().isBlank();
        if (request.uf() != null && !file && request.chunk() == null) {
            String uf = request.uf().toUpperCase(java.util.Locale.ROOT);
            if (!Ufs.ALL.contains(uf)) {
                throw new ApiException(400, "invalid_uf", "Not a federative unit: " + request.uf());
            }
            return accepted(ingestion.reprocessUf(id, uf, operator));
        }
        if (file && request.uf() == null) {
            return accepted(request.chunk() == null ? ingestion.reprocessFile(id, request.file(), operator)
                    : ingestion.reprocessChunk(id, request.file(), request.chunk(), operator));
        }
        throw new ApiException(400, "invalid_reprocess_request", "Give a file (e.g. {\"file\":\"Estabelecimentos3.zip\"}),"
                + " a file and a chunk ({\"file\":…,\"chunk\":12}), or a UF ({\"uf\":\"SP\"})");
    }

    @GET
    @Path("/releases/{id}/quarantine")
    public QuarantineQuery.Page quarantine(@PathParam("id") String id, @QueryParam("file") String file,
                                           @QueryParam("after") @Min(0) Long after,
                                           @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (ReleaseStore.release(c, id).isEmpty()) {
                throw ApiException.notFound("release_not_found", "No release " + id);
            }
            return QuarantineQuery.page(c, id, file, after == null ? 0 : after, limit);
        }
    }

    @POST
    @Path("/directory/switch-back")
    @Consumes(MediaType.WILDCARD) // no body
    public Release switchBack() throws Exception {
        return ingestion.switchBack();
    }

    @GET
    @Path("/jobs/{id}")
    public Job job(@PathParam("id") long id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return ReleaseStore.job(c, id).orElseThrow(() -> ApiException.notFound("job_not_found", "No job " + id));
        }
    }

    private static Response accepted(Job job) {
        return Response.accepted(new Accepted(job, "/api/ingestion/releases/" + job.releaseId())).build();
    }
}
