package com.dominusleads.messaging.provider.email;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a delivery status notification's {@code message/delivery-status} part (RFC 3464) says of a recipient: its
 * {@code Action}, {@code Status} and {@code Diagnostic-Code}. A DSN is not always a bounce: MTAs also report a delay
 * (they keep trying) and, when asked, a success. Our mails have one recipient; when a report names several, a failure
 * is what counts (it must not hide behind another recipient's success), then a delivery, then a delay.
 */
record RecipientReport(Action action, String status, String diagnostic) {

    enum Action {
        /** {@code failed}, or a block with no Action at all: a report that says nothing else is read as a bounce. */
        FAILED,
        /** {@code delivered}, {@code relayed} (handed on to a system that reports no further), {@code expanded}. */
        DELIVERED,
        /** {@code delayed}: the MTA keeps trying; not a failure. */
        DELAYED
    }

    private static final Pattern FIELD = Pattern.compile("(?mi)^([A-Za-z-]+):[ \\t]*(.*)$");
    private static final Pattern STATUS = Pattern.compile("^([245]\\.\\d{1,3}\\.\\d{1,3})");

    /** The recipient that counts in {@code deliveryStatus}, the part's text; empty when it names none. */
    static Optional<RecipientReport> of(String deliveryStatus) {
        String unfolded = deliveryStatus.replaceAll("\\r?\\n[ \\t]+", " ");
        // Blocks are separated by blank lines: the per-message fields (Reporting-MTA…), then one per recipient.
        return Stream.of(unfolded.split("\\r?\\n[ \\t]*\\r?\\n")).map(RecipientReport::recipient)
                .flatMap(Optional::stream).min(Comparator.comparing(RecipientReport::action));
    }

    /** A recipient's fields; empty for the per-message block, which names no recipient and no Action. */
    private static Optional<RecipientReport> recipient(String block) {
        String action = null;
        String status = null;
        String diagnostic = null;
        boolean recipient = false;
        Matcher field = FIELD.matcher(block);
        while (field.find()) {
            String value = field.group(2).strip();
            switch (field.group(1).toLowerCase(Locale.ROOT)) {
                case "final-recipient", "original-recipient" -> recipient = true;
                case "action" -> action = value.toLowerCase(Locale.ROOT);
                case "status" -> {
                    Matcher code = STATUS.matcher(value);
                    status = code.find() ? code.group(1) : null;
                }
                case "diagnostic-code" -> diagnostic = value;
                default -> {
                }
            }
        }
        if (!recipient && action == null) {
            return Optional.empty();
        }
        Action kind = switch (action == null ? "failed" : action) {
            case "delivered", "relayed", "expanded" -> Action.DELIVERED;
            case "delayed" -> Action.DELAYED;
            default -> Action.FAILED;
        };
        return Optional.of(new RecipientReport(kind, status, diagnostic));
    }
}
