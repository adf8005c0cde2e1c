package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.config.MessagingDefaults;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A tenant's messaging settings, from the settings map tenant-service publishes (tenant.settings-changed), over the
 * service's defaults. A value that does not parse is ignored with a warning (tenant-service validates on save; one
 * bad value must not stop a tenant's outreach).
 */
public record TenantSettings(SendingHours sendingHours, int perSecond, OptOutWords optOutWords, String senderName,
                             Map<String, String> templates) {

    public static final String SENDING_HOURS = "messaging.sending-hours";
    public static final String TIME_ZONE = "messaging.time-zone";
    public static final String PER_SECOND = "messaging.per-second";
    public static final String OPT_OUT_WORDS = "messaging.opt-out-words";
    public static final String SENDER_NAME = "messaging.sender-name";
    /** Template keys: {@code messaging.template.<whatsapp|sms|email-subject|email-body|opt-out-confirmation>}. */
    public static final String TEMPLATE_PREFIX = "messaging.template.";

    private static final Logger LOG = Logger.getLogger(TenantSettings.class);

    public static TenantSettings of(String tenantId, Map<String, String> settings, MessagingDefaults defaults) {
        ZoneId zone = defaults.timeZone();
        try {
            zone = ZoneId.of(settings.getOrDefault(TIME_ZONE, zone.getId()));
        } catch (RuntimeException e) {
            LOG.warnf("Tenant %s: %s '%s' is not a time zone; using %s", tenantId, TIME_ZONE, settings.get(TIME_ZONE), zone);
        }
        SendingHours hours = SendingHours.parse(defaults.sendingHours(), zone);
        if (settings.containsKey(SENDING_HOURS)) {
            try {
                hours = SendingHours.parse(settings.get(SENDING_HOURS), zone);
            } catch (IllegalArgumentException e) {
                LOG.warnf("Tenant %s: %s; using %s", tenantId, e.getMessage(), hours);
            }
        }
        int perSecond = defaults.tenantPerSecond();
        try {
            perSecond = Math.max(1, Integer.parseInt(settings.getOrDefault(PER_SECOND, String.valueOf(perSecond)).trim()));
        } catch (NumberFormatException e) {
            LOG.warnf("Tenant %s: %s '%s' is not a number; using %d", tenantId, PER_SECOND, settings.get(PER_SECOND),
                    perSecond);
        }
        List<String> words = new ArrayList<>(defaults.optOutWords());
        for (String word : settings.getOrDefault(OPT_OUT_WORDS, "").split("[,\\n]")) {
            words.add(word);
        }
        Map<String, String> templates = new java.util.TreeMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(TEMPLATE_PREFIX) && !value.isBlank()) {
                templates.put(key.substring(TEMPLATE_PREFIX.length()), value);
            }
        });
        return new TenantSettings(hours, perSecond, new OptOutWords(words), settings.get(SENDER_NAME),
                Map.copyOf(templates));
    }
}
