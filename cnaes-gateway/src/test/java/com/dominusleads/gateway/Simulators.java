package com.dominusleads.gateway;

import com.dominusleads.events.Cnpj;
import com.dominusleads.simulator.ApiCnaesSimulator;
import com.dominusleads.simulator.SimulatorOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Both sides of the gateway as real HTTP servers speaking the api-cnaes contract: a simulator standing in for the local
 * directory (half of all CNPJs unknown to it, so lookups fall through to the remote) and one for the remote api-cnaes.
 * Argument {@code variant=true} makes the remote serve {@code /api/v1} with bearer authentication.
 */
public class Simulators implements QuarkusTestResourceLifecycleManager {

    public static final String LOCAL_KEY = "local-directory-key";
    /** Distinctive, so that a test can look for it in every log line. */
    public static final String REMOTE_KEY = "remote-key-5ecr3t-9b1d";

    private static volatile ApiCnaesSimulator local;
    private static volatile ApiCnaesSimulator remote;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private boolean variant;

    @Override
    public void init(Map<String, String> initArgs) {
        variant = Boolean.parseBoolean(initArgs.getOrDefault("variant", "false"));
    }

    @Override
    public Map<String, String> start() {
        local = ApiCnaesSimulator.start(0, new SimulatorOptions(11, Set.of(LOCAL_KEY), false, false, 0.5));
        remote = ApiCnaesSimulator.start(0, new SimulatorOptions(22, Set.of(REMOTE_KEY), variant, variant, 0.1));
        return Map.of(
                "dominus.gateway.local.url", local.apiUri().toString(),
                "dominus.gateway.local.api-key", LOCAL_KEY,
                "dominus.gateway.remote.url", remote.apiUri().toString(),
                "dominus.gateway.remote.api-keys", REMOTE_KEY,
                "dominus.gateway.remote.auth", variant ? "bearer" : "x-api-key");
    }

    @Override
    public void stop() {
        local.close();
        remote.close();
    }

    public static ApiCnaesSimulator local() {
        return local;
    }

    public static ApiCnaesSimulator remote() {
        return remote;
    }

    /** Both simulators without faults and with their call counts at zero. */
    public static void reset() {
        for (ApiCnaesSimulator simulator : List.of(local, remote)) {
            simulator.faults().clear();
            simulator.calls().reset();
        }
    }

    /** CNPJs the local directory has. */
    public static List<String> localCompanies(int count) {
        return find(count, cnpj -> knows(local, cnpj));
    }

    /** CNPJs the local directory lacks and the remote API has. */
    public static List<String> remoteOnlyCompanies(int count) {
        return find(count, cnpj -> !knows(local, cnpj) && knows(remote, cnpj));
    }

    /** CNPJs both sides have. */
    public static List<String> companiesBothHave(int count) {
        return find(count, cnpj -> knows(local, cnpj) && knows(remote, cnpj));
    }

    /** Valid CNPJs neither side has. */
    public static List<String> unknownCompanies(int count) {
        return find(count, cnpj -> !knows(local, cnpj) && !knows(remote, cnpj));
    }

    /** The first {@code count} valid CNPJs (in a fixed order) that pass {@code wanted}; the probes are not counted. */
    private static List<String> find(int count, Predicate<String> wanted) {
        List<String> found = new ArrayList<>();
        for (int n = 1; found.size() < count; n++) {
            String cnpj = Cnpj.withCheckDigits(String.format("%08d0001", 10_000_000 + n * 7919)).value();
            if (wanted.test(cnpj)) {
                found.add(cnpj);
            }
        }
        local.calls().reset();
        remote.calls().reset();
        return found;
    }

    private static boolean knows(ApiCnaesSimulator simulator, String cnpj) {
        boolean bearer = simulator.options().bearerAuth();
        String key = simulator == local ? LOCAL_KEY : REMOTE_KEY;
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.apiUri() + "/companies/" + cnpj))
                .header(bearer ? "Authorization" : "X-API-KEY", bearer ? "Bearer " + key : key).build();
        try {
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200 && status != 404) {
                throw new IllegalStateException("The simulator answered " + status + " to a probe of " + cnpj);
            }
            return status == 200;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
