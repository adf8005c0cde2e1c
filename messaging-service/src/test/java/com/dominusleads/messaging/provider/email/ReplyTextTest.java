package com.dominusleads.messaging.provider.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextTest {

    @Test
    void theQuotedOriginalIsCutInPortugueseAndEnglishClients() {
        assertThat(ReplyText.fromPlain("Sim, pode ligar.\r\n\r\nEm 23/11/2026 10:00, Vendas <v@t.example> escreveu:"
                + "\r\n> Olá\r\n")).isEqualTo("Sim, pode ligar.");
        assertThat(ReplyText.fromPlain("Yes please.\n\nOn Mon, Nov 23, 2026 at 10:00 AM Sales <s@t.example> wrote:\n"
                + "> Hello\n")).isEqualTo("Yes please.");
        assertThat(ReplyText.fromPlain("Não.\n\n-----Mensagem original-----\nDe: Vendas\nAssunto: Proposta\n"))
                .isEqualTo("Não.");
        assertThat(ReplyText.fromPlain("> tudo citado\n> nada novo")).isEmpty();
        assertThat(ReplyText.fromPlain("Em dezembro talvez.")).isEqualTo("Em dezembro talvez.");
    }

    @Test
    void htmlIsReducedToTheRepliesText() {
        assertThat(ReplyText.fromHtml("<html><head><style>p{color:red}</style></head><body>"
                + "<div dir=\"ltr\">Tenho interesse &amp; quero saber o pre&#231;o&#33;<br>Ana&nbsp;&#x1F44D;</div>"
                + "<div class=\"gmail_quote\"><blockquote>Olá Ana, <b>proposta</b></blockquote></div>"
                + "</body></html>"))
                .isEqualTo("Tenho interesse & quero saber o preço!\nAna 👍");
    }
}
