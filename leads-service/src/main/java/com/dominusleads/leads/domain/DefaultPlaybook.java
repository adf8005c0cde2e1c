package com.dominusleads.leads.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The Portuguese playbook every tenant starts with ({@code dominus/playbook-pt.csv}: {@code phrase;signal}). */
@ApplicationScoped
public class DefaultPlaybook {

    static final String RESOURCE = "dominus/playbook-pt.csv";

    private final Playbook playbook = load();

    public Playbook get() {
        return playbook;
    }

    static Playbook load() {
        List<Playbook.Rule> rules = new ArrayList<>();
        try (InputStream in = DefaultPlaybook.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the service's resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split(";", 2);
                    rules.add(new Playbook.Rule(parts[0].strip(), Playbook.Signal.valueOf(parts[1].strip())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Playbook(List.copyOf(rules), false);
    }
}
