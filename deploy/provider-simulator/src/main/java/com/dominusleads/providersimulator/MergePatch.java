package com.dominusleads.providersimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7386), how {@code POST /_simulator/config} changes the configuration: objects are merged
 * member by member, a {@code null} member removes what it names, anything else (arrays included) replaces.
 */
final class MergePatch {

    private MergePatch() {
    }

    /** {@code target} with {@code patch} applied; neither argument is changed. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? target : patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        patch.properties().forEach(members::add);
        for (Map.Entry<String, JsonNode> member : members) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
