package com.dominusleads.providersimulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Twilio's Messages API for SMS and WhatsApp ({@code whatsapp:}-prefixed addresses):
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} (Basic auth, form {@code To}, {@code From},
 * {@code Body}, {@code StatusCallback}), fetching ({@code GET …/Messages/{Sid}.json}) and listing
 * ({@code GET …/Messages.json?To=&From=}) with Twilio's resource and error shapes; then status callbacks to the
 * message's {@code StatusCallback} and inbound messages to the sender's configured URL, form-encoded and signed
 * {@code X-Twilio-Signature} with the account's auth token. As Twilio does, a contact who texts STOP (or UNSUBSCRIBE,
 * CANCEL, END, QUIT, STOPALL) to a number can no longer be sent to from it (21610) until they text START.
 */
final class TwilioApi implements Provider {

    static final String NAME = "twilio";
    private static final String VERSION = "2010-04-01";
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START_WORDS = Set.of("START", "YES", "UNSTOP");

    /** A message as Twilio keeps it: its resource, changed as statuses arrive. */
    private record Message(String accountSid, ObjectNode resource, String statusCallback) {
    }

    private final Simulation sim;
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    /** Auth tokens learned from callers while no account is configured (webhooks are signed with them). */
    private final Map<String, String> learnedTokens = new ConcurrentHashMap<>();
    /** {@code sender|contact} pairs where the contact texted STOP. */
    private final Set<String> unsubscribed = ConcurrentHashMap.newKeySet();

    TwilioApi(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public String name() {
        return NAME;
    }

    static boolean handles(Call call) {
        return call.size() > 0 && call.segments()[0].equals(VERSION);
    }

    Answer handle(Call call) {
        Faults.Decision fault = sim.faults.decide(sim.config().faults());
        if (fault.serverError() > 0) {
            int status = fault.serverError();
            return error(status, status == 500 ? 20500 : 20503, status == 500 ? "Internal Server Error"
                    : "Service Unavailable").answer;
        }
        if (call.size() < 4 || !call.segment(1).equals("Accounts")) {
            throw notFound(call.path());
        }
        String accountSid = call.segment(2);
        authenticate(call, accountSid);
        if (fault.throttled()) {
            return error(429, 20429, "Too Many Requests").answer
                    .withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        if (call.size() == 4 && call.segment(3).equals("Messages.json")) {
            if (call.method().equals("POST")) {
                return send(accountSid, FormData.parse(call.text()));
            }
            if (call.method().equals("GET")) {
                return list(accountSid, call.params());
            }
        }
        if (call.size() == 5 && call.segment(3).equals("Messages") && call.segment(4).endsWith(".json")
                && call.method().equals("GET")) {
            Message message = messages.get(call.segment(4).substring(0, call.segment(4).length() - 5));
            if (message == null || !message.accountSid().equals(accountSid)) {
                throw notFound(call.path());
            }
            return Answer.json(200, message.resource().deepCopy());
        }
        throw notFound(call.path());
    }

    private void authenticate(Call call, String accountSid) {
        String authorization = call.header("Authorization");
        String user = null;
        String token = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    user = pair.substring(0, colon);
                    token = pair.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                // not Base64: unauthenticated
            }
        }
        Map<String, String> accounts = sim.config().twilio().accounts();
        boolean valid = user != null && user.equals(accountSid) && token != null && !token.isBlank()
                && (accounts.isEmpty() ? accountSid.matches("AC[0-9a-zA-Z]{32}") : token.equals(accounts.get(user)));
        if (!valid) {
            throw new ApiError(error(401, 20003, "Authenticate").answer
                    .withHeader("WWW-Authenticate", "Basic realm=\"Twilio API\""));
        }
        if (accounts.isEmpty()) {
            learnedTokens.put(accountSid, token);
        }
    }

    private Answer send(String accountSid, Map<String, String> form) {
        String to = form.get("To");
        String from = form.get("From");
        String body = form.get("Body");
        if (to == null || to.isBlank()) {
            throw error(400, 21604, "A 'To' phone number is required.");
        }
        if ((from == null || from.isBlank()) && form.get("MessagingServiceSid") == null) {
            throw error(400, 21603, "A 'From' phone number is required.");
        }
        if (from == null || from.isBlank()) {
            from = form.get("MessagingServiceSid");
        }
        if ((body == null || body.isEmpty()) && form.get("MediaUrl") == null && form.get("ContentSid") == null) {
            throw error(400, 21602, "Message body is required.");
        }
        boolean whatsapp = to.startsWith("whatsapp:");
        if (whatsapp != from.startsWith("whatsapp:") && !from.startsWith("MG")) {
            throw error(400, 21910, "Invalid From and To pair. From and To should be of the same channel");
        }
        String bare = whatsapp ? to.substring("whatsapp:".length()) : to;
        if (!ContactKey.isE164(bare)) {
            throw error(400, 21211, "Invalid 'To' Phone Number: " + to);
        }
        String statusCallback = form.get("StatusCallback");
        if (statusCallback != null) {
            try {
                URI callback = URI.create(statusCallback);
                if (callback.getHost() == null
                        || !"http".equals(callback.getScheme()) && !"https".equals(callback.getScheme())) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw error(400, 21609, "Invalid StatusCallback url: " + statusCallback);
            }
        }
        String contact = ContactKey.of(bare);
        Channel channel = whatsapp ? Channel.WHATSAPP : Channel.SMS;
        String text = body == null ? "" : body;
        if (unsubscribed.contains(pair(from, contact))) {
            sim.record(new SendLog.SendDraft(NAME, channel, accountSid, from, to, contact, "text", text, null,
                    Instant.now(), 400, "21610", null, sim.contacts.optedOut(contact)));
            throw error(400, 21610, "Attempt to send to unsubscribed recipient");
        }
        SimulatorConfig config = sim.config();
        Contacts.Plan plan = sim.contacts.plan(channel, contact, config);
        if (plan.outcome() == Outcome.LANDLINE && channel == Channel.SMS) {
            sim.record(new SendLog.SendDraft(NAME, channel, accountSid, from, to, contact, "text", text, null,
                    Instant.now(), 400, "21614", plan.outcome(), plan.afterOptOut()));
            throw error(400, 21614, "'To' number " + to + " is not a valid mobile number");
        }
        String sid = "SM" + hex32();
        Instant now = Instant.now();
        ObjectNode resource = SimulatorConfig.MAPPER.createObjectNode();
        resource.put("account_sid", accountSid);
        resource.put("api_version", VERSION);
        resource.put("body", text);
        resource.put("date_created", RFC_2822.format(now));
        resource.putNull("date_sent");
        resource.put("date_updated", RFC_2822.format(now));
        resource.put("direction", "outbound-api");
        resource.putNull("error_code");
        resource.putNull("error_message");
        resource.put("from", from);
        if (form.get("MessagingServiceSid") != null) {
            resource.put("messaging_service_sid", form.get("MessagingServiceSid"));
        } else {
            resource.putNull("messaging_service_sid");
        }
        resource.put("num_media", form.get("MediaUrl") == null ? "0" : "1");
        resource.put("num_segments", String.valueOf(segments(text)));
        resource.putNull("price");
        resource.put("price_unit", "USD");
        resource.put("sid", sid);
        resource.put("status", "queued");
        String uri = "/" + VERSION + "/Accounts/" + accountSid + "/Messages/" + sid;
        resource.putObject("subresource_uris").put("media", uri + "/Media.json");
        resource.put("to", to);
        resource.put("uri", uri + ".json");
        messages.put(sid, new Message(accountSid, resource, statusCallback));
        Send send = sim.record(new SendLog.SendDraft(NAME, channel, accountSid, from, to, contact, "text", text, sid,
                now, 201, null, plan.outcome(), plan.afterOptOut()));
        return Answer.json(201, resource.deepCopy()).then(() -> sim.play(send, plan, this));
    }

    private Answer list(String accountSid, Map<String, String> query) {
        List<ObjectNode> matching = messages.values().stream()
                .filter(m -> m.accountSid().equals(accountSid))
                .filter(m -> query.get("To") == null || query.get("To").equals(m.resource().path("to").asText()))
                .filter(m -> query.get("From") == null
                        || query.get("From").equals(m.resource().path("from").asText()))
                .map(m -> m.resource().deepCopy())
                .sorted((a, b) -> b.path("date_created").asText().compareTo(a.path("date_created").asText()))
                .toList();
        String uri = "/" + VERSION + "/Accounts/" + accountSid + "/Messages.json";
        ObjectNode page = SimulatorConfig.MAPPER.createObjectNode();
        ArrayNode list = page.putArray("messages");
        matching.forEach(list::add);
        page.put("end", Math.max(0, matching.size() - 1));
        page.put("first_page_uri", uri + "?PageSize=1000&Page=0");
        page.putNull("next_page_uri");
        page.put("page", 0);
        page.put("page_size", 1000);
        page.putNull("previous_page_uri");
        page.put("start", 0);
        page.put("uri", uri + "?PageSize=1000&Page=0");
        return Answer.json(200, page);
    }

    // ---------------------------------------------------------------- webhooks

    @Override
    public void play(Send send, Step step, Integer errorCode, String reply) {
        switch (step) {
            case SENT -> status(send, "sent", null);
            case DELIVERED -> status(send, "delivered", null);
            case READ -> {
                if (send.channel() == Channel.WHATSAPP) {
                    status(send, "read", null);
                }
            }
            case FAILED -> {
                int code = errorCode != null ? errorCode : send.channel() == Channel.WHATSAPP ? 63003 : 30003;
                status(send, code >= 30000 && code < 40000 ? "undelivered" : "failed", code);
            }
            case REPLY -> message(send.from(), send.contact(), reply, Inbound.Signature.VALID);
        }
    }

    @Override
    public Delivery status(Send send, String status, Integer errorCode) {
        Message message = messages.get(send.messageId());
        if (message == null) {
            throw new IllegalArgumentException("no Twilio message " + send.messageId());
        }
        synchronized (message) {
            message.resource().put("status", status);
            message.resource().put("date_updated", RFC_2822.format(Instant.now()));
            if (status.equals("sent") && message.resource().path("date_sent").isNull()) {
                message.resource().put("date_sent", RFC_2822.format(Instant.now()));
            }
            if (errorCode != null) {
                message.resource().put("error_code", errorCode);
                message.resource().put("error_message", errorMessage(errorCode));
            }
        }
        if (message.statusCallback() == null) {
            return null; // as Twilio: no StatusCallback, no callbacks
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (errorCode != null) {
            params.put("ErrorCode", String.valueOf(errorCode));
        }
        params.put("SmsSid", send.messageId());
        params.put("SmsStatus", status);
        params.put("MessageStatus", status);
        if (send.channel() == Channel.WHATSAPP) {
            params.put("ChannelToAddress", send.contact());
            params.put("ChannelPrefix", "whatsapp");
        }
        params.put("To", send.to());
        params.put("MessageSid", send.messageId());
        params.put("AccountSid", send.account());
        params.put("From", send.from());
        params.put("ApiVersion", VERSION);
        return post(send.account(), "status", status, send.messageId(), send.contact(),
                URI.create(message.statusCallback()), params, Inbound.Signature.VALID, null);
    }

    @Override
    public Delivery inbound(Inbound inbound) {
        String contact = ContactKey.of(inbound.from());
        String sender = inbound.to();
        if (sender == null) {
            Send last = sim.sends.lastTo(NAME, contact);
            if (last == null) {
                throw new IllegalArgumentException("nothing was sent to " + contact + " through Twilio: give 'to' (the"
                        + " sender, e.g. +1415… or whatsapp:+1415…)");
            }
            sender = last.from();
        }
        return message(sender, contact, inbound.text(), inbound.signature());
    }

    private Delivery message(String sender, String contact, String text, Inbound.Signature signature) {
        boolean whatsapp = sender.startsWith("whatsapp:");
        String from = whatsapp ? "whatsapp:" + contact : contact;
        String account = accountOf(sender);
        String sid = "SM" + hex32();
        String word = text.trim().toUpperCase(Locale.ROOT);
        if (STOP_WORDS.contains(word)) {
            unsubscribed.add(pair(sender, contact));
        } else if (START_WORDS.contains(word)) {
            unsubscribed.remove(pair(sender, contact));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", country(sender));
        params.put("ToState", "");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", "0");
        params.put("ToCity", "");
        params.put("FromZip", "");
        params.put("SmsSid", sid);
        params.put("FromState", "");
        params.put("SmsStatus", "received");
        params.put("FromCity", "");
        params.put("Body", text);
        params.put("FromCountry", country(contact));
        params.put("To", sender);
        if (whatsapp) {
            String digits = contact.substring(1);
            params.put("ProfileName", "Contato " + digits.substring(Math.max(0, digits.length() - 4)));
            params.put("WaId", digits);
            params.put("MessageType", "text");
        }
        params.put("ToZip", "");
        params.put("NumSegments", "1");
        params.put("MessageSid", sid);
        params.put("AccountSid", account);
        params.put("From", from);
        params.put("ApiVersion", VERSION);
        sim.heard(contact, text, NAME);
        return post(account, "inbound", "received", sid, contact, sim.config().twilio().inboundUrlOf(sender),
                params, signature, "no Twilio inbound URL configured for " + sender);
    }

    /** The account a sender number belongs to: configured, else the last that sent from it, else the only one. */
    private String accountOf(String sender) {
        SimulatorConfig.Twilio twilio = sim.config().twilio();
        String configured = twilio.number(sender).accountSid();
        if (configured != null) {
            return configured;
        }
        List<Send> from = sim.sends.matching(s -> s.provider().equals(NAME) && sender.equals(s.from()));
        if (!from.isEmpty()) {
            return from.getLast().account();
        }
        if (twilio.accounts().size() == 1) {
            return twilio.accounts().keySet().iterator().next();
        }
        if (twilio.accounts().isEmpty() && learnedTokens.size() == 1) {
            return learnedTokens.keySet().iterator().next();
        }
        throw new IllegalArgumentException("which Twilio account does " + sender + " belong to? Configure"
                + " twilio.numbers[\"" + sender + "\"].accountSid");
    }

    private Delivery post(String accountSid, String kind, String event, String messageId, String contact, URI url,
                          Map<String, String> params, Inbound.Signature signature, String noUrlReason) {
        SimulatorConfig.Twilio twilio = sim.config().twilio();
        String token = twilio.accounts().isEmpty() ? learnedTokens.get(accountSid) : twilio.accounts().get(accountSid);
        if (token == null && signature != Inbound.Signature.NONE) {
            throw new IllegalArgumentException("no auth token known for Twilio account " + accountSid);
        }
        Map<String, String> signed = Map.copyOf(params);
        Deliveries.Signer signer = switch (signature) {
            case VALID -> (u, body) -> Map.of(TwilioSignature.HEADER, TwilioSignature.of(token, u.toString(), signed));
            case FORGED -> (u, body) -> Map.of(TwilioSignature.HEADER,
                    TwilioSignature.of("forged-" + token, u.toString(), signed));
            case NONE -> null;
        };
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("User-Agent", "TwilioProxy/1.1");
        headers.put("I-Twilio-Idempotency-Token", UUID.randomUUID().toString());
        headers.put("X-Home-Region", "us1");
        return sim.deliveries.deliver(new Deliveries.Outbound(NAME, kind, event, messageId, contact, url, headers,
                FormData.encode(params).getBytes(StandardCharsets.UTF_8), signer, sim.deliveries.http(),
                noUrlReason));
    }

    void clear() {
        messages.clear();
        unsubscribed.clear();
    }

    // ---------------------------------------------------------------- helpers and errors

    private static String pair(String sender, String contact) {
        return ContactKey.of(sender) + "|" + contact;
    }

    private static int segments(String text) {
        boolean gsm = text.chars().allMatch(c -> c < 128);
        int single = gsm ? 160 : 70;
        int multi = gsm ? 153 : 67;
        return text.length() <= single ? 1 : (text.length() + multi - 1) / multi;
    }

    private static String country(String address) {
        String number = ContactKey.of(address);
        if (number.startsWith("+55")) {
            return "BR";
        }
        return number.startsWith("+1") ? "US" : "";
    }

    private static String hex32() {
        return String.format("%016x%016x", ThreadLocalRandom.current().nextLong(),
                ThreadLocalRandom.current().nextLong());
    }

    private static String errorMessage(int code) {
        return switch (code) {
            case 30003 -> "Unreachable destination handset";
            case 30005 -> "Unknown destination handset";
            case 30006 -> "Landline or unreachable carrier";
            case 30007 -> "Message filtered";
            case 30008 -> "Unknown error";
            case 63003 -> "Channel could not find To address";
            case 63016 -> "Failed to send freeform message because you are outside the allowed window.";
            default -> "Message delivery failed";
        };
    }

    private static ApiError notFound(String path) {
        return error(404, 20404, "The requested resource " + path + " was not found");
    }

    /** Twilio's error shape: {@code {code, message, more_info, status}}. */
    static ApiError error(int status, int code, String message) {
        ObjectNode body = SimulatorConfig.MAPPER.createObjectNode();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status);
        return new ApiError(Answer.json(status, body));
    }
}
