package com.dominusleads.messaging.provider.meta;

/** The names of a Meta WhatsApp channel's settings and secrets. */
public final class MetaChannelKeys {

    /** Setting: the Cloud API's id of the channel's number, which the webhooks name in {@code metadata}. */
    public static final String PHONE_NUMBER_ID = "phoneNumberId";
    /** Secret: the Meta app's secret, the key of {@code X-Hub-Signature-256}. */
    public static final String APP_SECRET = "appSecret";
    /** Secret: what Meta must present when it verifies the webhook URL. */
    public static final String VERIFY_TOKEN = "verifyToken";

    private MetaChannelKeys() {
    }
}
