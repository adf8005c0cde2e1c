package com.dominusleads.servicekit.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Every failure becomes {error:{code,message,details}} with a stable code; unexpected ones leak nothing. */
class ApiErrorMapperTest {

    private final ApiErrorMapper mapper = new ApiErrorMapper();

    @Test
    void httpErrorsKeepTheirStatusWithAStableCode() {
        Response response = mapper.mapWebApplication(new NotFoundException());

        assertThat(response.getStatus()).isEqualTo(404);
        ApiError error = (ApiError) response.getEntity();
        assertThat(error.error().code()).isEqualTo("not_found");
        assertThat(error.error().message()).isEqualTo("Not Found");
    }

    @Test
    void theOriginalHeadersAreKept() {
        Response response = mapper.mapWebApplication(new NotAllowedException(Response.status(405).header("Allow", "GET, HEAD").build()));

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeaderString("Allow")).contains("GET");
        assertThat(((ApiError) response.getEntity()).error().code()).isEqualTo("method_not_allowed");
    }

    @Test
    void aMessageWrittenForTheUserIsKept() {
        Response response = mapper.mapWebApplication(new BadRequestException("uf must be a Brazilian state, e.g. SP"));

        ApiError error = (ApiError) response.getEntity();
        assertThat(error.error().code()).isEqualTo("bad_request");
        assertThat(error.error().message()).isEqualTo("uf must be a Brazilian state, e.g. SP");
    }

    @Test
    void unexpectedFailuresAnswer500WithoutInternals() {
        Response response = mapper.mapUnexpected(new IllegalStateException("password=hunter2 in connection string"));

        assertThat(response.getStatus()).isEqualTo(500);
        ApiError error = (ApiError) response.getEntity();
        assertThat(error.error().code()).isEqualTo("internal_error");
        assertThat(error.error().message()).doesNotContain("hunter2");
    }
}
