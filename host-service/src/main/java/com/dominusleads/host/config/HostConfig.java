package com.dominusleads.host.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** host-service's own settings ({@code dominus.host.*}). */
@ConfigMapping(prefix = "dominus.host")
public interface HostConfig {

    /** How long a deleted tenant's data is kept (and the tenant can be reopened) before the purge removes it. */
    @WithDefault("P90D")
    Duration tenantRetention();

    /** How often tenants whose provisioning stopped half-way (Keycloak unreachable) are tried again. */
    @WithDefault("60s")
    Duration provisioningRetry();

    Invitation invitation();

    /** The e-mail a tenant's first admin receives to set a password (Keycloak's execute-actions e-mail). */
    interface Invitation {

        /** The client whose redirect URI the e-mail's link returns to once the password is set. */
        @WithDefault("dominus-web")
        String clientId();

        @WithDefault("http://127.0.0.1:18080/")
        String redirectUri();

        /** How long the link stays valid. */
        @WithDefault("P7D")
        Duration lifespan();
    }

    /** Where Stripe is reached and how its webhooks are verified. */
    Stripe stripe();

    /** How payments turn into tenant standing. */
    Billing billing();

    /** ledger-service's base URL: usage reports show the tenant's balance read there. */
    @WithDefault("http://127.0.0.1:18204")
    URI ledgerUrl();

    /** Stripe's API (stripe-java) and the signing secret of the webhook endpoint. */
    interface Stripe {

        /** The secret key ({@code sk_…}); without it every Stripe operation answers 503 stripe_not_configured. */
        Optional<String> apiKey();

        /** Stripe's API base; the Stripe simulator's in local runs and tests. */
        @WithDefault("https://api.stripe.com")
        String apiBase();

        /** The webhook endpoint's signing secret ({@code whsec_…}); without it every webhook is refused. */
        Optional<String> webhookSecret();

        /** How long one Stripe call may take to connect / to answer before it fails (502). */
        @WithDefault("5s")
        Duration connectTimeout();

        @WithDefault("20s")
        Duration readTimeout();
    }

    /** Non-payment: how long a past-due subscription keeps its tenant active, and how often that is checked. */
    interface Billing {

        @WithDefault("P7D")
        Duration gracePeriod();

        @WithDefault("5m")
        Duration overdueCheck();
    }
}
