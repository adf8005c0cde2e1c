package com.dominusleads.messaging.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Recognises an opt-out: a reply that is one of the words or phrases ({@code PARE}, {@code não quero}, the tenant's
 * own) alone or followed by more words, ignoring case, accents and punctuation. "Pare de me mandar mensagem" opts out;
 * "não tenho interesse" does not (that is for the classifier, not the suppression list).
 */
public final class OptOutWords {

    private final List<String> phrases;

    public OptOutWords(Collection<String> phrases) {
        List<String> normalised = new ArrayList<>();
        for (String phrase : phrases) {
            String value = normalise(phrase);
            if (!value.isEmpty()) {
                normalised.add(value);
            }
        }
        this.phrases = List.copyOf(normalised);
    }

    public boolean matches(String text) {
        String reply = normalise(text);
        return phrases.stream().anyMatch(phrase -> reply.equals(phrase) || reply.startsWith(phrase + " "));
    }

    /** Lower case, no accents, punctuation as spaces, single spaces. */
    static String normalise(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
