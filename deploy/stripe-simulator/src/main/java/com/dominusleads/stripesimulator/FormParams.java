package com.dominusleads.stripesimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stripe's form encoding: {@code application/x-www-form-urlencoded} pairs whose names use bracket notation for nesting
 * ({@code metadata[tenant_id]=acme}, {@code line_items[0][price]=price_x}, {@code expand[]=line_items}). A level whose
 * keys are all indexes (or appended with {@code []}) becomes an array; every leaf stays a string, as sent.
 */
final class FormParams {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FormParams() {
    }

    /** The pairs in the order sent, names undecoded into brackets: what the request log shows as {@code form}. */
    static Map<String, String> flat(String raw) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.endsWith("[]")) {
                // several values under one name: keep them all, numbered as they came
                int n = 0;
                while (pairs.containsKey(name.substring(0, name.length() - 2) + "[" + n + "]")) {
                    n++;
                }
                name = name.substring(0, name.length() - 2) + "[" + n + "]";
            }
            pairs.put(name, value);
        }
        return pairs;
    }

    /** The pairs as a tree: {@code a[b][0][c]=v} becomes {@code {"a":{"b":[{"c":"v"}]}}}. */
    static ObjectNode nested(String raw) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : flat(raw).entrySet()) {
            List<String> path = path(pair.getKey());
            Map<String, Object> level = root;
            for (int i = 0; i < path.size() - 1; i++) {
                Object next = level.get(path.get(i));
                if (!(next instanceof Map)) {
                    next = new LinkedHashMap<String, Object>();
                    level.put(path.get(i), next);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) next;
                level = child;
            }
            level.put(path.getLast(), pair.getValue());
        }
        return (ObjectNode) tree(root);
    }

    private static List<String> path(String name) {
        List<String> path = new ArrayList<>();
        int open = name.indexOf('[');
        if (open <= 0 || !name.endsWith("]")) {
            path.add(name);
            return path;
        }
        path.add(name.substring(0, open));
        for (String segment : name.substring(open + 1, name.length() - 1).split("\\]\\[", -1)) {
            path.add(segment);
        }
        return path;
    }

    private static JsonNode tree(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return NODES.textNode((String) value);
        }
        boolean indexed = !map.isEmpty() && map.keySet().stream().allMatch(k -> ((String) k).matches("[0-9]{1,6}"));
        if (indexed) {
            Map<Integer, Object> ordered = new TreeMap<>();
            map.forEach((k, v) -> ordered.put(Integer.parseInt((String) k), v));
            ArrayNode array = NODES.arrayNode();
            ordered.values().forEach(v -> array.add(tree(v)));
            return array;
        }
        ObjectNode object = NODES.objectNode();
        map.forEach((k, v) -> object.set((String) k, tree(v)));
        return object;
    }
}
