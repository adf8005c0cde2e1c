package com.dominusleads.leads.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies a reply with a playbook. The text is cut into clauses at punctuation ("Não, tenho interesse" is two);
 * within a clause, rule phrases match whole words, case, accents and punctuation ignored, and a longer match hides the
 * shorter ones inside it ("não tenho interesse" hides "tenho interesse"). An INTERESTED phrase within three words
 * after a negation ("nem tenho interesse") counts as NOT_INTERESTED, unless that negation belongs to another phrase
 * ("não sei se tenho interesse" is undecided, not a refusal); a clause that is only a negation ("Não.") is a refusal.
 * "n" is read as "não", as people type it on WhatsApp. Then, since a lead costs the tenant a credit, doubt goes to a human:
 * <ol>
 *   <li>any INVALID phrase ("número errado") → INVALID;</li>
 *   <li>both interest and its refusal → NEEDS_REVIEW;</li>
 *   <li>refusal → NOT_INTERESTED;</li>
 *   <li>interest with an undecided phrase ("talvez", "semana que vem") → NEEDS_REVIEW;</li>
 *   <li>interest → INTERESTED;</li>
 *   <li>nothing decisive (no phrase, or only undecided ones) → NEEDS_REVIEW.</li>
 * </ol>
 */
public final class ReplyClassifier {

    /** What a reply was classified as, and the phrases that decided it (negated ones prefixed with "não … "). */
    public record Classification(Outcome outcome, List<String> matched) {
    }

    public enum Outcome { INTERESTED, NOT_INTERESTED, INVALID, NEEDS_REVIEW }

    private static final Pattern CLAUSES = Pattern.compile("[.,;:!?\\n()]+|\\s+-\\s+");
    private static final Set<String> NEGATIONS = Set.of("nao", "nem", "nunca", "jamais", "sem");
    private static final int NEGATION_REACH = 3;

    private record Phrase(String[] words, Playbook.Signal signal, String text) {
    }

    private record Match(int start, int end, Playbook.Signal signal, String phrase) {
    }

    private final List<Phrase> phrases;

    public ReplyClassifier(Playbook playbook) {
        this.phrases = playbook.rules().stream()
                .map(rule -> new Phrase(TextKey.of(rule.phrase()).split(" "), rule.signal(), TextKey.of(rule.phrase())))
                .filter(phrase -> !phrase.text().isEmpty())
                .toList();
    }

    public Classification classify(String reply) {
        Set<Playbook.Signal> signals = EnumSet.noneOf(Playbook.Signal.class);
        List<String> matched = new ArrayList<>();
        for (String clause : CLAUSES.split(reply == null ? "" : reply)) {
            String[] words = TextKey.of(clause).split(" ");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            for (int i = 0; i < words.length; i++) {
                words[i] = words[i].equals("n") ? "nao" : words[i];
            }
            if (Arrays.stream(words).allMatch(NEGATIONS::contains)) {
                signals.add(Playbook.Signal.NOT_INTERESTED);
                matched.add(String.join(" ", words));
                continue;
            }
            List<Match> matches = matches(words);
            for (Match match : matches) {
                boolean negated = match.signal() == Playbook.Signal.INTERESTED
                        && negatedBefore(words, match.start(), matches);
                signals.add(negated ? Playbook.Signal.NOT_INTERESTED : match.signal());
                matched.add(negated ? "não … " + match.phrase() : match.phrase());
            }
        }
        return new Classification(decide(signals), List.copyOf(matched));
    }

    private static Outcome decide(Set<Playbook.Signal> signals) {
        if (signals.contains(Playbook.Signal.INVALID)) {
            return Outcome.INVALID;
        }
        boolean interest = signals.contains(Playbook.Signal.INTERESTED);
        boolean refusal = signals.contains(Playbook.Signal.NOT_INTERESTED);
        if (interest && refusal) {
            return Outcome.NEEDS_REVIEW;
        }
        if (refusal) {
            return Outcome.NOT_INTERESTED;
        }
        if (interest) {
            return signals.contains(Playbook.Signal.REVIEW) ? Outcome.NEEDS_REVIEW : Outcome.INTERESTED;
        }
        return Outcome.NEEDS_REVIEW;
    }

    /** Every phrase occurrence in the clause, minus those inside a longer one. */
    private List<Match> matches(String[] words) {
        List<Match> found = new ArrayList<>();
        for (Phrase phrase : phrases) {
            for (int start = 0; start + phrase.words().length <= words.length; start++) {
                if (Arrays.equals(words, start, start + phrase.words().length, phrase.words(), 0, phrase.words().length)) {
                    found.add(new Match(start, start + phrase.words().length, phrase.signal(), phrase.text()));
                }
            }
        }
        found.sort(Comparator.comparingInt((Match m) -> m.start() - m.end()).thenComparingInt(Match::start));
        List<Match> kept = new ArrayList<>();
        for (Match match : found) {
            if (kept.stream().noneMatch(longer -> longer.start() <= match.start() && match.end() <= longer.end())) {
                kept.add(match);
            }
        }
        return kept;
    }

    private static boolean negatedBefore(String[] words, int start, List<Match> matches) {
        for (int i = Math.max(0, start - NEGATION_REACH); i < start; i++) {
            int at = i;
            boolean ownedByAPhrase = matches.stream().anyMatch(other -> other.start() <= at && at < other.end());
            if (NEGATIONS.contains(words[i]) && !ownedByAPhrase) {
                return true;
            }
        }
        return false;
    }
}
