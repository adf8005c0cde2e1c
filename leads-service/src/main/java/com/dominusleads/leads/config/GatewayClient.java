package com.dominusleads.leads.config;

import com.dominusleads.companydata.CompanyDataApi;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The typed client of cnaes-gateway, with this service's API key on every call. */
@ApplicationScoped
public class GatewayClient {

    @Produces
    @ApplicationScoped
    CompanyDataApi gateway(LeadsConfig config) {
        LeadsConfig.Gateway gateway = config.gateway();
        String key = gateway.apiKey();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(gateway.url())
                .connectTimeout(gateway.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(gateway.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .loggingMaskedHeaders(Set.of("X-API-KEY"))
                .userAgent("dominusleads-leads-service")
                .register((ClientRequestFilter) request -> request.getHeaders().putSingle("X-API-KEY", key))
                .build(CompanyDataApi.class);
    }
}
