package com.dominusleads.leads.domain;

import com.dominusleads.directory.Cnae;
import com.dominusleads.directory.CnaeCatalog;
import com.dominusleads.leads.persistence.SegmentStore;
import com.dominusleads.servicekit.api.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A tenant's segments: the defaults, replaced by the tenant's edits, plus its own, minus the defaults it removed.
 * Editing a default's name keeps it for the tenant; removing a default hides it; PUT it again to bring it back.
 */
@ApplicationScoped
public class Segments {

    static final int MAX_CNAES = 100;

    private final DefaultSegments defaults;
    private final SegmentStore store;
    private final CnaeCatalog catalog = CnaeCatalog.instance();

    public Segments(DefaultSegments defaults, SegmentStore store) {
        this.defaults = defaults;
        this.store = store;
    }

    /** The tenant's segments by name. */
    public Uni<List<Segment>> list(SqlClient client, String tenantId) {
        return store.all(client, tenantId).map(entries -> {
            Map<String, Segment> byKey = new LinkedHashMap<>();
            defaults.all().forEach(segment -> byKey.put(segment.key(), segment));
            for (SegmentStore.Entry entry : entries) {
                if (entry.hidden()) {
                    byKey.remove(entry.segment().key());
                } else {
                    byKey.put(entry.segment().key(), entry.segment());
                }
            }
            return byKey.values().stream().sorted(Comparator.comparing(Segment::key)).toList();
        });
    }

    /** The tenant's segment of that name (accents and case ignored), or a 400 listing those it has. */
    public Uni<Segment> named(SqlClient client, String tenantId, String name) {
        String key = TextKey.of(name);
        return list(client, tenantId).map(segments -> segments.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new ApiException(400, "unknown_segment", "Your workspace has no segment named '"
                        + name + "': pick one of the list or send CNAE codes instead.",
                        Map.of("field", "segment", "segments", segments.stream().map(Segment::name).toList()))));
    }

    /** Creates or replaces the tenant's segment {@code name}. */
    public Uni<Segment> save(SqlClient tx, String tenantId, String name, List<String> cnaes, String by) {
        if (TextKey.of(name).isEmpty()) {
            throw new ApiException(400, "invalid_segment_name", "A segment needs a name with letters or digits.",
                    Map.of("field", "name"));
        }
        Segment segment = new Segment(name.strip(), cnaeCodes(cnaes, "cnaes"), true);
        return store.save(tx, tenantId, segment, by).replaceWith(segment);
    }

    /** Removes the segment from the tenant's list; a 404 if it has none of that name. */
    public Uni<Void> remove(SqlClient tx, String tenantId, String name, String by) {
        String key = TextKey.of(name);
        boolean isDefault = defaults.all().stream().anyMatch(segment -> segment.key().equals(key));
        return list(tx, tenantId).chain(segments -> {
            if (segments.stream().noneMatch(segment -> segment.key().equals(key))) {
                throw ApiException.notFound("segment_not_found", "Your workspace has no segment named '" + name + "'.");
            }
            return isDefault ? store.hide(tx, tenantId, name.strip(), by) : store.delete(tx, tenantId, key).replaceWithVoid();
        });
    }

    /**
     * CNAE subclass codes, with or without punctuation, checked against the CNAE table, each once in the given order;
     * a 400 naming {@code field} and the codes that are not CNAE subclasses.
     */
    public List<Integer> cnaeCodes(List<String> codes, String field) {
        if (codes == null || codes.isEmpty()) {
            throw new ApiException(400, "invalid_cnaes", "Give at least one CNAE subclass, such as 6911-7/01.",
                    Map.of("field", field));
        }
        Set<Integer> parsed = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String code : codes) {
            OptionalInt value = Cnae.parseCode(code);
            if (value.isPresent() && catalog.byCode(value.getAsInt()).isPresent()) {
                parsed.add(value.getAsInt());
            } else {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(400, "unknown_cnaes", "Not CNAE subclasses: " + String.join(", ", unknown)
                    + ". Use the 7-digit codes of the CNAE 2.3 table, such as 6911-7/01.",
                    Map.of("field", field, "codes", unknown));
        }
        if (parsed.size() > MAX_CNAES) {
            throw new ApiException(400, "too_many_cnaes", "At most " + MAX_CNAES + " CNAE codes at once.",
                    Map.of("field", field));
        }
        return List.copyOf(parsed);
    }
}
