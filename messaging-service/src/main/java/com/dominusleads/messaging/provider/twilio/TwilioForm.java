package com.dominusleads.messaging.provider.twilio;

import com.dominusleads.messaging.provider.MalformedPayloadException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a Twilio webhook ({@code application/x-www-form-urlencoded}), all of them: the signature covers
 * every parameter Twilio sent, including those it adds without notice, so none may be dropped before the check.
 */
public final class TwilioForm {

    private TwilioForm() {
    }

    /**
     * The parameters of {@code body}, in order; a repeated name keeps its last value (Twilio numbers repeated ones:
     * {@code MediaUrl0}, {@code MediaUrl1}…).
     *
     * @throws MalformedPayloadException when the body is not form-encoded UTF-8
     */
    public static Map<String, String> parse(byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body == null || body.length == 0) {
            return params;
        }
        try {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(name, value);
            }
        } catch (IllegalArgumentException e) {   // a broken %-escape
            throw new MalformedPayloadException("not a form body: " + e.getMessage(), e);
        }
        return params;
    }
}
