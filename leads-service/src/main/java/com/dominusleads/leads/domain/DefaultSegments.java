package com.dominusleads.leads.domain;

import com.dominusleads.directory.CnaeCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The segments every tenant starts with ({@code dominus/segments.csv}: {@code name;cnae,cnae…}). A code missing from
 * the CNAE reference table stops the service at start: a segment that silently matches nothing would mislead.
 */
@ApplicationScoped
public class DefaultSegments {

    static final String RESOURCE = "dominus/segments.csv";

    private final List<Segment> segments;

    public DefaultSegments() {
        this.segments = load();
    }

    public List<Segment> all() {
        return segments;
    }

    private static List<Segment> load() {
        CnaeCatalog catalog = CnaeCatalog.instance();
        List<Segment> segments = new ArrayList<>();
        try (InputStream in = DefaultSegments.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the service's resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(";", 2);
                List<Integer> cnaes = Arrays.stream(parts[1].split(",")).map(String::strip).map(Integer::valueOf)
                        .toList();
                cnaes.stream().filter(code -> catalog.byCode(code).isEmpty()).findFirst().ifPresent(code -> {
                    throw new IllegalStateException(RESOURCE + ": segment '" + parts[0] + "' names CNAE " + code
                            + ", which the CNAE reference table does not have");
                });
                segments.add(new Segment(parts[0].strip(), cnaes, false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(segments);
    }
}
