package com.dominusleads.launcher.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's words after its name: positional words, {@code --option value} (an option may be repeated) and
 * {@code --switch}. Anything else is refused with {@link IllegalArgumentException} saying what was not understood.
 */
final class Arguments {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> options = new LinkedHashMap<>();

    private Arguments() {
    }

    /**
     * @param valued   the options that take a value, e.g. {@code --cnpj}
     * @param switches the options that take none, e.g. {@code --from-beginning}
     */
    static Arguments parse(List<String> words, Set<String> valued, Set<String> switches) {
        Arguments arguments = new Arguments();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (switches.contains(word)) {
                arguments.options.computeIfAbsent(word, name -> new ArrayList<>());
            } else if (valued.contains(word)) {
                if (i + 1 == words.size() || words.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException(word + " needs a value");
                }
                arguments.options.computeIfAbsent(word, name -> new ArrayList<>()).add(words.get(++i));
            } else if (word.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + word);
            } else {
                arguments.positional.add(word);
            }
        }
        return arguments;
    }

    List<String> positional() {
        return positional;
    }

    /** Every value given for {@code option}, in order. */
    List<String> all(String option) {
        return options.getOrDefault(option, List.of());
    }

    /** The value of an option that may be given once. */
    Optional<String> single(String option) {
        List<String> values = all(option);
        if (values.size() > 1) {
            throw new IllegalArgumentException(option + " may be given once");
        }
        return values.stream().findFirst();
    }

    String required(String option) {
        return single(option).filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(option + " is required"));
    }

    boolean has(String option) {
        return options.containsKey(option);
    }
}
