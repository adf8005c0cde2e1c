package com.dominusleads.launcher.demo;

import com.dominusleads.launcher.Console;
import com.dominusleads.launcher.LauncherException;
import com.dominusleads.launcher.LocalStack;
import com.dominusleads.launcher.bench.ProviderSimulatorAdmin;
import com.dominusleads.launcher.events.PublishCommand;
import com.dominusleads.launcher.ingest.IngestionClient;
import com.dominusleads.launcher.ingest.IngestionWatch;
import com.dominusleads.launcher.suite.PasswordTokens;
import com.dominusleads.releasegenerator.GeneratorSpec;
import com.dominusleads.releasegenerator.ReleaseGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./dominus demo}: the whole product on the running local stack, in a few minutes. As the host operator it
 * creates a tenant (its admin account finished as the invitation would), grants it a few credits, and makes sure the
 * directory has a release (a small synthetic one if none is live). As the tenant's admin it connects a WhatsApp number
 * (the provider simulator plays Meta and the companies, who answer with seeded probabilities), searches a CNAE in a
 * city, selects companies (free), starts their qualification, and follows the funnel; then it prints the funnel, the
 * leads created (charged, or locked when the credits ran out, their contacts hidden) and the ledger's statement.
 */
public final class DemoCommand {

    public static final String USAGE = "usage: ./dominus demo [--companies N] [--credits N]";
    static final String PASSWORD = "dominus";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RELEASE_ESTABLISHMENTS = 150_000;
    /** The busiest CNAEs of the synthetic release, and big cities: one pair has enough companies with a mobile. */
    private static final List<Integer> CNAES = List.of(4781400, 9602501, 5611201, 4712100);
    private static final List<String> CITIES = List.of("São Paulo", "Rio de Janeiro", "Belo Horizonte", "Salvador");
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final LocalStack stack;
    private final Console console;

    public DemoCommand(LocalStack stack, Console console) {
        this.stack = stack;
        this.console = console;
    }

    /** Exit status: 0 done, 2 bad arguments (failures of the stack are thrown with what to do). */
    public int run(List<String> args) throws Exception {
        int companies = 50;
        int credits = 10;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--companies") || arg.equals("--credits")) && i + 1 < args.size()
                    && args.get(i + 1).matches("\\d{1,4}")) {
                int value = Integer.parseInt(args.get(++i));
                if (arg.equals("--companies")) {
                    companies = Math.max(1, value);
                } else {
                    credits = value;
                }
            } else {
                console.fail("demo", "unexpected argument " + arg);
                console.line(USAGE);
                return 2;
            }
        }
        String tenant = "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMdd-HHmmss"));
        String admin = "admin@" + tenant + ".example";
        PasswordTokens tokens = new PasswordTokens(URI.create(stack.oidcUrl() + "/protocol/openid-connect/token"));
        ServiceApi host = api("host-service", () -> tokens.of("operator", "operator"));
        ServiceApi ledgerAsOperator = api("ledger-service", () -> tokens.of("operator", "operator"));

        console.line("DominusLeads demo: tenant " + tenant + ", " + companies + " companies, " + credits + " credits");
        ensureDirectory(tokens);

        host.post("/api/host/tenants", Map.of("tenantId", tenant, "displayName", "Demo " + tenant.substring(5),
                "admin", Map.of("email", admin)), 201);
        new KeycloakAccounts(stack).activate(admin, PASSWORD);
        console.ok("tenant", tenant + " created; its admin " + admin + " (password " + PASSWORD + ")");
        // Outreach waits for sending hours (Mon-Fri 08-20 by default); the demo runs at any hour. Published first, so
        // messaging-service has it long before the first company is selected.
        if (new PublishCommand(stack, new Console(new PrintStream(OutputStream.nullOutputStream())))
                .run(List.of("tenant.settings-changed", "--tenant", tenant, "--setting",
                        "messaging.sending-hours=MON-SUN 00:00-24:00")) != 0) {
            throw new LauncherException("could not open the tenant's sending hours (./dominus publish)");
        }
        ledgerAsOperator.post("/api/ledger/tenants/" + tenant + "/grants", Map.of("grantId", "demo-" + tenant,
                "credits", credits, "reason", "ADJUSTMENT", "reference", "./dominus demo"), 201);
        console.ok("credits", credits + " credits granted (a qualified lead costs one)");

        ServiceApi leads = api("leads-service", () -> tokens.of(admin, PASSWORD));
        ServiceApi messaging = api("messaging-service", () -> tokens.of(admin, PASSWORD));
        ServiceApi ledger = api("ledger-service", () -> tokens.of(admin, PASSWORD));
        connectWhatsApp(tenant, messaging);

        Map<String, Object> filters = pickSearch(leads, companies);
        JsonNode page = leads.post("/api/leads/searches?limit=5", filters, 200);
        console.ok("search", describe(filters) + ": " + String.format(Locale.ROOT, "%,d", page.path("meta")
                .path("totalItems").asLong()) + " companies with a mobile (directory: " + page.path("meta")
                .path("source").asText("?") + "); the first ones:");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode result : page.path("results")) {
            JsonNode company = result.path("company");
            rows.add(List.of(company.path("cnpj").asText(), shorten(name(company), 40), company.path("municipality").asText(),
                    result.path("contactability").asText() + " " + result.path("score").asInt()));
        }
        console.table(List.of("CNPJ", "company", "municipality", "contactability"), rows);

        JsonNode selection = leads.post("/api/leads/selections", Map.of("name", "Demo: " + describe(filters),
                "filters", filters, "max", companies), 201);
        String selectionId = selection.path("id").asText();
        console.ok("selection", selection.path("size").asInt() + " companies selected, no credit spent"
                + skipped(selection.path("skipped")));
        leads.post("/api/leads/selections/" + selectionId + "/qualification", null, 200);
        console.ok("qualification", "started: each company gets a WhatsApp message and answers (or not)");

        JsonNode funnel = follow(leads, selectionId);
        console.line("");
        console.line("Funnel");
        List<List<String>> steps = new ArrayList<>();
        for (String step : List.of("selected", "contacted", "replied", "qualified", "notInterested", "invalid",
                "optedOut", "needsReview")) {
            steps.add(List.of(step, String.valueOf(funnel.path(step).asInt())));
        }
        console.table(List.of("step", "companies"), steps);

        console.line("");
        console.line("Leads (contacts show once a lead is charged)");
        List<List<String>> leadRows = new ArrayList<>();
        for (JsonNode lead : leads.get("/api/leads?limit=200").path("leads")) {
            List<String> contacts = new ArrayList<>();
            lead.path("contacts").forEach(contact -> contacts.add(contact.path("address").asText()));
            leadRows.add(List.of(lead.path("cnpj").asText(), shorten(lead.path("companyName").asText(""), 36),
                    lead.path("stage").asText(), lead.path("billingState").asText(),
                    lead.path("contactsHidden").asBoolean() ? "(hidden until charged)" : String.join(" ", contacts)));
        }
        console.table(List.of("CNPJ", "company", "stage", "billing", "contacts"), leadRows);

        console.line("");
        console.line("Ledger statement");
        List<List<String>> lines = new ArrayList<>();
        JsonNode statement = ledger.get("/api/ledger/statement?limit=200").path("lines");
        for (JsonNode line : statement) {
            lines.add(List.of(line.path("at").asText().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
                    line.path("kind").asText(), String.format(Locale.ROOT, "%+d", line.path("amount").asLong()),
                    String.valueOf(line.path("balanceAfter").asLong())));
        }
        console.table(List.of("when", "movement", "credits", "balance"), lines);
        JsonNode balance = ledger.get("/api/ledger/balance");
        console.line("");
        console.ok("demo", "balance " + balance.path("balance").asLong() + ", " + balance.path("pendingDebits").asLong()
                + " lead(s) locked waiting for credits. Sign in as " + admin + " / " + PASSWORD
                + " and explore: docs/leads.md, README \"Find and qualify leads\".");
        return 0;
    }

    private ServiceApi api(String module, java.util.function.Supplier<String> token) {
        int port = stack.services().stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow().port();
        return new ServiceApi(module, URI.create("http://127.0.0.1:" + port + "/"), token);
    }

    /** A live release, or a small synthetic one generated and ingested now. */
    private void ensureDirectory(PasswordTokens tokens) throws Exception {
        int port = stack.services().stream().filter(s -> s.module().equals("ingestion-service")).findFirst()
                .orElseThrow().port();
        ServiceApi ingestion = api("ingestion-service", () -> tokens.of("operator", "operator"));
        for (JsonNode release : ingestion.get("/api/ingestion/releases")) {
            if (release.path("status").asText().equals("LIVE")) {
                console.ok("directory", "release " + release.path("id").asText() + " is live ("
                        + String.format(Locale.ROOT, "%,d", release.path("establishments").asLong()) + " establishments)");
                return;
            }
        }
        Path dir = stack.home().stateDir().resolve("demo-release");
        if (!Files.exists(dir.resolve("Estabelecimentos0.zip"))) {
            console.step("directory", "no live release: generating a synthetic one of "
                    + String.format(Locale.ROOT, "%,d", RELEASE_ESTABLISHMENTS) + " establishments in " + dir);
            Files.createDirectories(dir);
            new ReleaseGenerator(new GeneratorSpec(RELEASE_ESTABLISHMENTS, 7)).writeTo(dir, written -> { });
        }
        IngestionClient client = new IngestionClient(URI.create("http://127.0.0.1:" + port + "/"),
                () -> tokens.of("operator", "operator"));
        String releaseId = "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        long job = client.ingest(releaseId, dir.toString()).path("job").path("id").asLong();
        JsonNode release = new IngestionWatch(client, console).follow(releaseId, job).path("release");
        if (!release.path("status").asText().equals("LIVE")) {
            throw new LauncherException("the demo release did not go live (" + release.path("status").asText()
                    + "): see ./dominus logs ingestion-service");
        }
        console.ok("directory", "release " + releaseId + " is live (" + String.format(Locale.ROOT, "%,d",
                release.path("establishments").asLong()) + " establishments)");
    }

    /** A Meta WhatsApp number for the tenant, served by the provider simulator, whose contacts answer by chance. */
    private void connectWhatsApp(String tenant, ServiceApi messaging) throws Exception {
        String phoneNumberId = String.valueOf(100_000_000_000_000L + Math.abs(tenant.hashCode()));
        String appSecret = "demo-app-secret-" + tenant;
        ObjectNode channel = JSON.createObjectNode().put("kind", "WHATSAPP").put("provider", "META")
                .put("address", "+55119" + String.format("%08d", Math.abs(tenant.hashCode()) % 100_000_000))
                .put("name", "Demo WhatsApp").put("perSecond", 20).put("dailyCap", 1_000);
        channel.putObject("settings").put("phoneNumberId", phoneNumberId);
        channel.putObject("secrets").put("accessToken", "demo-token").put("appSecret", appSecret)
                .put("verifyToken", "demo-verify");
        String id = messaging.post("/api/messaging/channels", channel, 201).path("id").asText();
        int messagingPort = stack.services().stream().filter(s -> s.module().equals("messaging-service")).findFirst()
                .orElseThrow().port();
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("meta").putObject("phoneNumbers").putObject(phoneNumberId)
                .put("appSecret", appSecret)
                .put("webhookUrl", "http://127.0.0.1:" + messagingPort + "/webhooks/meta/" + id);
        ObjectNode outcomes = patch.putObject("outcomes");
        outcomes.putObject("probabilities").put("interested", 0.3).put("not_interested", 0.3).put("opt_out", 0.05)
                .put("invalid_number", 0.0);
        patch.putObject("latency").put("statusMillis", 300).put("replyMillis", 1500).put("jitterMillis", 1500);
        new ProviderSimulatorAdmin(HttpClient.newHttpClient(), URI.create(stack.providerSimulatorUrl() + "/"))
                .configure(patch.toString());
        console.ok("whatsapp", "number connected (Meta, played by the provider simulator)");
    }

    /** The first busy CNAE and big city pair with enough companies with a mobile to select (and a margin). */
    private Map<String, Object> pickSearch(ServiceApi leads, int companies) {
        for (String city : CITIES) {
            for (int cnae : CNAES) {
                Map<String, Object> filters = new LinkedHashMap<>();
                filters.put("cnaes", List.of(String.format("%07d", cnae)));
                filters.put("municipality", city);
                filters.put("hasMobile", true);
                JsonNode count = leads.post("/api/leads/searches/count", filters, 200);
                // A margin for the companies a selection leaves out (shared phones, say).
                if (count.path("count").asLong() >= companies + companies / 5 + 5) {
                    return filters;
                }
            }
        }
        throw new LauncherException("no CNAE in the demo's cities has enough companies with a mobile for "
                + companies + ":"
                + " ingest a larger release (./dominus ingest) or ask for fewer (--companies)");
    }

    /** Polls the funnel until every company was contacted and nothing moved for a while (or patience ran out). */
    private JsonNode follow(ServiceApi leads, String selectionId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long quietSince = System.nanoTime();
        String last = "";
        JsonNode funnel;
        while (true) {
            funnel = leads.get("/api/leads/selections/" + selectionId).path("funnel");
            int selected = funnel.path("selected").asInt();
            String state = funnel.toString();
            if (!state.equals(last)) {
                last = state;
                quietSince = System.nanoTime();
            }
            console.progress("qualification", funnel.path("contacted").asInt(), selected, String.format(Locale.ROOT,
                    "contacted %d/%d, replied %d, qualified %d, not interested %d, opted out %d, review %d",
                    funnel.path("contacted").asInt(), selected, funnel.path("replied").asInt(),
                    funnel.path("qualified").asInt(), funnel.path("notInterested").asInt(),
                    funnel.path("optedOut").asInt(), funnel.path("needsReview").asInt()));
            boolean allContacted = funnel.path("contacted").asInt() >= selected;
            if (allContacted && System.nanoTime() - quietSince > SETTLE.toNanos()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                console.endProgress();
                console.fail("qualification", "still moving after " + PATIENCE.toMinutes() + " minutes: showing where"
                        + " it is (./dominus logs messaging-service)");
                return funnel;
            }
            Thread.sleep(1_000);
        }
        console.endProgress();
        return funnel;
    }

    private static String describe(Map<String, Object> filters) {
        return "CNAE " + ((List<?>) filters.get("cnaes")).get(0) + " in " + filters.get("municipality");
    }

    private static String skipped(JsonNode skipped) {
        List<String> reasons = new ArrayList<>();
        skipped.fields().forEachRemaining(entry -> reasons.add(entry.getValue().asInt() + " "
                + entry.getKey().toLowerCase(Locale.ROOT).replace('_', ' ')));
        return reasons.isEmpty() ? "" : " (left out: " + String.join(", ", reasons) + ")";
    }

    private static String name(JsonNode company) {
        String trade = company.path("tradeName").asText("");
        return trade.isBlank() ? company.path("legalName").asText("") : trade;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
