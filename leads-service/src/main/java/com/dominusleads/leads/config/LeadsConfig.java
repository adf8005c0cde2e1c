package com.dominusleads.leads.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** leads-service's settings ({@code dominus.leads.*}); docs/leads.md lists them with their environment variables. */
@ConfigMapping(prefix = "dominus.leads")
public interface LeadsConfig {

    Gateway gateway();

    /** ledger-service: the tenant's balance, read before a qualification starts. */
    URI ledgerUrl();

    Search search();

    Selection selection();

    /** cnaes-gateway: the only way to company data. */
    interface Gateway {
        /** Its api-cnaes contract's base, ending in {@code /v1}. */
        URI url();

        /** One of the gateway's {@code X-API-KEY}s. */
        String apiKey();

        @WithDefault("2s")
        Duration connectTimeout();

        /** A search or company look-up that takes longer fails with 504 (the gateway's own remote timeout is 3 s). */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Search {
        /** Largest page of a search. */
        @WithDefault("100")
        int maxPageSize();

        /** How many recent searches are kept per user. */
        @WithDefault("20")
        int recentSearches();
    }

    interface Selection {
        /** Most companies "the whole query, up to N" may select at once. */
        @WithDefault("5000")
        int maxCompanies();

        /** Most CNPJs a selection by ids may name. */
        @WithDefault("500")
        int maxIds();
    }
}
