package com.dominusleads.messaging.provider.twilio;

import java.util.Set;

/** The names of a Twilio channel's settings and secret, and which of them a channel must have. */
public final class TwilioChannelKeys {

    /** Setting: the account SID ({@code AC…}). */
    public static final String ACCOUNT_SID = "accountSid";
    /** Setting: the API's base URL, overriding {@code dominus.messaging.providers.twilio.base-url}. */
    public static final String BASE_URL = "baseUrl";
    /** Secret: the account's auth token (Basic auth, and the key of {@code X-Twilio-Signature}). */
    public static final String AUTH_TOKEN = "authToken";

    public static final Set<String> REQUIRED_SETTINGS = Set.of(ACCOUNT_SID);
    public static final Set<String> REQUIRED_SECRETS = Set.of(AUTH_TOKEN);

    private TwilioChannelKeys() {
    }
}
