package com.dominusleads.leads.domain;

import com.dominusleads.companydata.CompanyDataApi;
import com.dominusleads.companydata.CompanyDataException;
import com.dominusleads.companydata.CompanyDocument;
import com.dominusleads.companydata.CompanyPage;
import com.dominusleads.companydata.CompanySearch;
import com.dominusleads.servicekit.api.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Company data through cnaes-gateway, its failures told in this API's terms: a search the directory refuses is the
 * user's 400 (with the directory's code and field), a directory that cannot answer now is a 503 with
 * {@code Retry-After}, anything else a 502. The user is never left with a bare 500.
 */
@ApplicationScoped
public class CompanyDirectory {

    private static final Logger LOG = Logger.getLogger(CompanyDirectory.class);
    private static final long RETRY_AFTER_SECONDS = 10;

    private final CompanyDataApi gateway;

    public CompanyDirectory(CompanyDataApi gateway) {
        this.gateway = gateway;
    }

    public Uni<CompanyPage> search(CompanySearch search) {
        return gateway.search(search).onFailure().transform(CompanyDirectory::explain);
    }

    /** One company by CNPJ; empty when the directory (and the remote API) do not know it. */
    public Uni<Optional<CompanyDocument>> company(String cnpj) {
        return gateway.company(cnpj).map(Optional::of)
                .onFailure(e -> e instanceof CompanyDataException c && c.status() == 404)
                .recoverWithItem(Optional.empty())
                .onFailure().transform(CompanyDirectory::explain);
    }

    static ApiException explain(Throwable failure) {
        if (failure instanceof ApiException known) {
            return known;
        }
        if (failure instanceof CompanyDataException refused) {
            Map<String, Object> details = new LinkedHashMap<>(refused.details() == null ? Map.of() : refused.details());
            details.put("directoryCode", refused.code());
            if (refused.status() == 400 || refused.status() == 422) {
                return new ApiException(400, refused.code(), "The company directory refused the search: "
                        + refused.getMessage(), details);
            }
            if (refused.status() == 429 || refused.status() == 503) {
                return new ApiException(503, "directory_unavailable", "The company directory cannot answer right now ("
                        + refused.code() + "): try again in a moment.", details,
                        refused.retryAfterSeconds() > 0 ? refused.retryAfterSeconds() : RETRY_AFTER_SECONDS);
            }
            if (refused.status() == 504) {
                return new ApiException(504, "directory_timeout", "The company directory took too long to answer:"
                        + " try again, or narrow the search.", details);
            }
            LOG.warnf("cnaes-gateway answered %d %s", refused.status(), refused.code());
            return new ApiException(502, "directory_error", "The company directory failed (" + refused.code()
                    + "): try again later.", details);
        }
        if (failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException) {
            return new ApiException(504, "directory_timeout", "The company directory took too long to answer: try"
                    + " again, or narrow the search.");
        }
        LOG.warnf("cnaes-gateway could not be reached: %s", failure.toString());
        return new ApiException(503, "directory_unreachable", "The company directory cannot be reached right now:"
                + " try again in a moment.", Map.of(), RETRY_AFTER_SECONDS);
    }
}
