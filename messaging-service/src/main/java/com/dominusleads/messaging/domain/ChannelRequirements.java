package com.dominusleads.messaging.domain;

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
            Provider.META, new Needs(Set.of("phoneNumberId"), Set.of("accessToken", "appSecret", "verifyToken")),
            Provider.TWILIO, new Needs(Set.of("accountSid"), Set.of("authToken")),
            Provider.EVOLUTION, new Needs(Set.of("serverUrl", "instance"), Set.of("apiKey")),
            Provider.SMTP, new Needs(Set.of("host", "port"), Set.of()));

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
        if ((email ? ContactAddress.email(address) : ContactAddress.phone(address)).isEmpty()) {
            problems.add("address must be " + (email ? "an e-mail address" : "a phone number in E.164"));
        }
        Needs needs = NEEDS.get(provider);
        needs.settings().stream().filter(name -> isBlank(settings.get(name))).sorted()
                .forEach(name -> problems.add("settings." + name + " is required for " + provider));
        needs.secrets().stream().filter(name -> isBlank(secrets.get(name))).sorted()
                .forEach(name -> problems.add("secrets." + name + " is required for " + provider));
        if (provider == Provider.EVOLUTION && isBlank(secrets.get("webhookSecret")) && isBlank(secrets.get("jwtKey"))) {
            problems.add("secrets.webhookSecret or secrets.jwtKey is required for EVOLUTION: its webhooks carry no"
                    + " signature otherwise");
        }
        return problems;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
