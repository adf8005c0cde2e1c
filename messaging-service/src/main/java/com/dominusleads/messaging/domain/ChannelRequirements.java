package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.provider.email.EmailChannelKeys;
import com.dominusleads.messaging.provider.evolution.EvolutionChannelKeys;
import com.dominusleads.messaging.provider.meta.MetaChannelKeys;
import com.dominusleads.messaging.provider.twilio.TwilioChannelKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each provider needs to send and to verify its webhooks, checked when a channel is created or changed, so a
 * channel that cannot work is refused with the names of what is missing instead of failing at its first send.
 */
public final class ChannelRequirements {

    private record Needs(Set<String> settings, Set<String> secrets) {
    }

    private static final Map<Provider, Needs> NEEDS = Map.of(
            Provider.META, new Needs(MetaChannelKeys.REQUIRED_SETTINGS, MetaChannelKeys.REQUIRED_SECRETS),
            Provider.TWILIO, new Needs(TwilioChannelKeys.REQUIRED_SETTINGS, TwilioChannelKeys.REQUIRED_SECRETS),
            Provider.EVOLUTION, new Needs(EvolutionChannelKeys.REQUIRED_SETTINGS, EvolutionChannelKeys.REQUIRED_SECRETS),
            Provider.SMTP, new Needs(EmailChannelKeys.REQUIRED_SETTINGS, EmailChannelKeys.REQUIRED_SECRETS));

    /** jose4j refuses shorter HS256 keys: a channel with one would have every webhook refused. */
    static final int MIN_JWT_KEY_BYTES = 32;

    private ChannelRequirements() {
    }

    /** What is wrong with a channel of {@code provider} with these settings and secrets; empty when nothing. */
    public static List<String> problems(ChannelKind kind, Provider provider, String address,
                                        Map<String, String> settings, Map<String, String> secrets) {
        List<String> problems = new ArrayList<>();
        if (!provider.carries(kind)) {
            problems.add(provider + " does not carry " + kind);
        }
        boolean email = kind == ChannelKind.EMAIL;
        boolean valid = email ? ContactAddress.email(address).isPresent()
                : address.startsWith("+") && ContactAddress.phone(address).isPresent();
        if (!valid) {
            problems.add("address must be " + (email ? "an e-mail address" : "a phone number in E.164"));
        }
        Needs needs = NEEDS.get(provider);
        needs.settings().stream().filter(name -> isBlank(settings.get(name))).sorted()
                .forEach(name -> problems.add("settings." + name + " is required for " + provider));
        needs.secrets().stream().filter(name -> isBlank(secrets.get(name))).sorted()
                .forEach(name -> problems.add("secrets." + name + " is required for " + provider));
        if (provider == Provider.EVOLUTION) {
            String secret = secrets.get(EvolutionChannelKeys.WEBHOOK_SECRET);
            String jwtKey = secrets.get(EvolutionChannelKeys.JWT_KEY);
            if (isBlank(secret) && isBlank(jwtKey)) {
                problems.add("secrets.webhookSecret or secrets.jwtKey is required for EVOLUTION: its webhooks carry no"
                        + " signature otherwise");
            }
            if (!isBlank(jwtKey) && jwtKey.getBytes(StandardCharsets.UTF_8).length < MIN_JWT_KEY_BYTES) {
                problems.add("secrets.jwtKey must be at least " + MIN_JWT_KEY_BYTES + " bytes (HS256)");
            }
        }
        if (provider == Provider.SMTP && !isBlank(settings.get(EmailChannelKeys.PORT))
                && !settings.get(EmailChannelKeys.PORT).matches("[0-9]{1,5}")) {
            problems.add("settings.port must be a port number");
        }
        return problems;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
