package com.dominusleads.messaging.provider;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * A call that got no answer, in the SPI's terms, so that {@code send} and {@code reconcile} never fail. The error
 * codes tell the dispatcher what the provider may have seen: {@value #CONNECT_FAILED} means the request never left
 * (sending again sends once); {@value #TIMEOUT} and {@value #IO_ERROR} mean it may have arrived (reconcile first).
 */
public final class ProviderFailures {

    public static final String CONNECT_FAILED = "connect_failed";
    public static final String TIMEOUT = "timeout";
    public static final String IO_ERROR = "io_error";
    /** A setting or secret the channel lacks or has wrong: no call was made. */
    public static final String MISCONFIGURED = "channel_misconfigured";

    private static final java.util.Set<String> OPT_OUT_CODES = java.util.Set.of("21610", "131050");

    private ProviderFailures() {
    }

    public static SendResult sendResult(Throwable failure) {
        if (failure instanceof IllegalStateException || failure instanceof IllegalArgumentException) {
            return new SendResult.ChannelFailure(MISCONFIGURED, failure.getMessage());
        }
        return new SendResult.Transient(code(failure), describe(failure));
    }

    public static Reconciliation reconciliation(Throwable failure) {
        return new Reconciliation.Unknown("lookup failed: " + describe(failure));
    }

    private static String code(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Netty's connect timeout is a ConnectException: the connection was never made either.
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return CONNECT_FAILED;
            }
            if (t instanceof TimeoutException) {
                return TIMEOUT;
            }
        }
        return IO_ERROR;
    }

    /** True when a send that got no answer may still have reached the provider (so it must not be resent blindly). */
    public static boolean mayHaveArrived(SendResult.Transient failure) {
        return TIMEOUT.equals(failure.errorCode()) || IO_ERROR.equals(failure.errorCode());
    }

    /**
     * True for a provider's error code that means the recipient asked to stop (Twilio 21610: replied STOP to this
     * sender; Meta 131050: stopped the business's marketing messages): honoured as an opt-out, not retried elsewhere.
     */
    public static boolean isOptOut(String errorCode) {
        return OPT_OUT_CODES.contains(errorCode);
    }

    /** The failure's class and message: no secrets or bodies are in either (URLs carry no credentials). */
    public static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
