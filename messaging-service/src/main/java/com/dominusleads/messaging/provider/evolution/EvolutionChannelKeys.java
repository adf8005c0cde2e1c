package com.dominusleads.messaging.provider.evolution;

import java.util.Set;

/**
 * The names of an Evolution API channel's settings and secrets, and which of them a channel must have (plus one of
 * {@link #WEBHOOK_SECRET} and {@link #JWT_KEY}: Evolution signs no body).
 */
public final class EvolutionChannelKeys {

    /** Setting: the tenant's own Evolution server. */
    public static final String SERVER_URL = "serverUrl";
    /** Setting: the channel's instance on that server (webhooks name it in {@code instance}). */
    public static final String INSTANCE = "instance";
    /** Secret: the instance's token; Evolution also puts it in every webhook's {@code apikey}. */
    public static final String API_KEY = "apiKey";
    /** Secret, optional: the value of the custom webhook header {@code x-evolution-secret}. */
    public static final String WEBHOOK_SECRET = "webhookSecret";
    /** Secret, optional: the webhook's {@code jwt_key}, with which Evolution ≥ 2.3.7 signs a bearer JWT. */
    public static final String JWT_KEY = "jwtKey";

    public static final Set<String> REQUIRED_SETTINGS = Set.of(SERVER_URL, INSTANCE);
    public static final Set<String> REQUIRED_SECRETS = Set.of(API_KEY);

    private EvolutionChannelKeys() {
    }
}
