package com.dominusleads.messaging.provider.meta;

import java.util.Set;

/** The names of a Meta WhatsApp channel's settings and secrets, and which of them a channel must have. */
public final class MetaChannelKeys {

    /** Setting: the Cloud API's id of the channel's number, which the webhooks name in {@code metadata}. */
    public static final String PHONE_NUMBER_ID = "phoneNumberId";
    /** Setting: the Graph API version, {@value #DEFAULT_API_VERSION} when absent. */
    public static final String API_VERSION = "apiVersion";
    /** Setting: the Graph API's base URL, overriding {@code dominus.messaging.providers.meta.base-url}. */
    public static final String BASE_URL = "baseUrl";
    /** Secret: the system user's access token. */
    public static final String ACCESS_TOKEN = "accessToken";
    /** Secret: the Meta app's secret, the key of {@code X-Hub-Signature-256}. */
    public static final String APP_SECRET = "appSecret";
    /** Secret: what Meta must present when it verifies the webhook URL. */
    public static final String VERIFY_TOKEN = "verifyToken";
    public static final String DEFAULT_API_VERSION = "v21.0";

    public static final Set<String> REQUIRED_SETTINGS = Set.of(PHONE_NUMBER_ID);
    public static final Set<String> REQUIRED_SECRETS = Set.of(ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN);

    private MetaChannelKeys() {
    }
}
