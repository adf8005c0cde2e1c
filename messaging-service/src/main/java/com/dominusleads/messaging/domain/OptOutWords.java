package com.dominusleads.messaging.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises an opt-out reply. The rule: a reply opts out when it contains one of the opt-out words or phrases as
 * whole words ({@code PARE}, {@code SAIR}, {@code NÃO QUERO}, {@code NÃO ME MANDE}…, the defaults plus the tenant's
 * own) and <em>nothing else</em> but opt-out language: courtesy ("por favor", "obrigado", "bom dia"), pronouns,
 * articles and prepositions, and the words of being contacted ("mandar", "receber", "mais", "mensagens", "lista",
 * "número", "e-mail"…); phone numbers and e-mail addresses in it are ignored. Case, accents and punctuation never
 * matter.
 * <p>
 * So "PARE", "por favor, pare", "pare de me mandar mensagem", "não me mande mais mensagens", "remover meu número 11
 * 98765-4321", "nao quero mais receber" opt out; "Não quero perder essa oportunidade", "pode cancelar a reunião de
 * amanhã" or "parece bom" do not: a listed word among any other word is a conversation, for the classifier and the
 * seller, not for the suppression list. The bias is deliberate: a false opt-out silences a lead for good (the contact
 * is suppressed and only a human hears of it), a missed one still reaches a person who can honour it.
 */
public final class OptOutWords {

    /** Words that may stand around an opt-out word without making the reply about something else. */
    private static final Set<String> OPT_OUT_LANGUAGE = Set.of(
            // courtesy
            "por", "favor", "porfavor", "pf", "pfv", "pfvr", "obrigado", "obrigada", "obg", "grato", "grata", "ok",
            "oi", "ola", "bom", "boa", "dia", "tarde", "noite", "sim", "please", "pls", "thanks", "thank",
            // pronouns, articles, prepositions, conjunctions
            "eu", "me", "mim", "meu", "minha", "meus", "minhas", "nos", "te", "voce", "voces", "vc", "vcs", "seu",
            "sua", "seus", "suas", "o", "a", "os", "as", "um", "uma", "de", "do", "da", "dos", "das", "desse", "dessa",
            "deste", "desta", "disso", "isso", "esse", "essa", "este", "esta", "no", "na", "em", "com", "para", "pra",
            "pro", "e", "ja", "mais", "nunca", "aqui", "i", "my", "you", "your", "from", "the", "this", "any", "to",
            // wanting, not wanting
            "quero", "gostaria", "pode", "podem", "poderia", "poderiam", "deixe", "deixem", "nao", "tenho",
            "interesse", "chega", "basta", "ser", "don", "t", "not", "want", "now",
            // being contacted
            "mensagem", "mensagens", "msg", "msgs", "email", "emails", "mail", "sms", "whatsapp", "whats", "zap",
            "wpp", "numero", "telefone", "celular", "contato", "contatos", "lista", "cadastro", "spam", "propaganda",
            "propagandas", "publicidade", "oferta", "ofertas", "anuncio", "anuncios", "empresa", "mandar", "manda",
            "mande", "mandem", "mandando", "enviar", "envia", "envie", "enviem", "enviando", "receber", "recebendo",
            "ligar", "liga", "ligue", "liguem", "ligando", "ligacao", "ligacoes", "contatar", "contactar",
            "incomodar", "incomodando", "incomodado", "incomodada", "perturbar", "escrever", "message", "messages",
            "text", "texts", "texting", "send", "sending", "call", "calling", "contact", "number", "list");

    private final List<String[]> phrases;

    /** {@code phrases}: opt-out words and phrases as configured; blank ones are skipped. */
    public OptOutWords(Collection<String> phrases) {
        List<String[]> words = new ArrayList<>();
        for (String phrase : phrases) {
            String value = normalise(phrase);
            if (!value.isEmpty()) {
                words.add(value.split(" "));
            }
        }
        this.phrases = List.copyOf(words);
    }

    public boolean matches(String text) {
        String[] reply = normalise(text == null ? "" : text.replaceAll("\\S+@\\S+", " ")).split(" ");
        boolean[] covered = new boolean[reply.length];
        boolean found = false;
        for (String[] phrase : phrases) {
            for (int start = 0; start + phrase.length <= reply.length; start++) {
                if (Arrays.equals(reply, start, start + phrase.length, phrase, 0, phrase.length)) {
                    Arrays.fill(covered, start, start + phrase.length, true);
                    found = true;
                }
            }
        }
        for (int i = 0; found && i < reply.length; i++) {
            found = covered[i] || OPT_OUT_LANGUAGE.contains(reply[i]) || reply[i].chars().allMatch(Character::isDigit);
        }
        return found;
    }

    /** Lower case, no accents, punctuation as spaces, single spaces. */
    static String normalise(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
