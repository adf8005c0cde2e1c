package com.dominusleads.messaging.provider.twilio;

/** The names of a Twilio channel's settings and secrets. */
public final class TwilioChannelKeys {

    /** Setting: the account ({@code AC…}) the channel's number belongs to. */
    public static final String ACCOUNT_SID = "accountSid";
    /** Secret: the account's auth token, the key of {@code X-Twilio-Signature}. */
    public static final String AUTH_TOKEN = "authToken";

    private TwilioChannelKeys() {
    }
}
