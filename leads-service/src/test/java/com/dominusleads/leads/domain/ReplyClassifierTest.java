package com.dominusleads.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default Portuguese playbook on replies as companies write them (WhatsApp, SMS and e-mail style). */
class ReplyClassifierTest {

    private final ReplyClassifier classifier = new ReplyClassifier(DefaultPlaybook.load());

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // Interest
            "Tenho interesse!|INTERESTED",
            "tenho interesse sim, pode me ligar|INTERESTED",
            "TEMOS INTERESSE|INTERESTED",
            "Pode ligar amanhã de manhã|INTERESTED",
            "Quanto custa?|INTERESTED",
            "Qual o valor pra uma empresa pequena?|INTERESTED",
            "Oi! Qual é o valor?|INTERESTED",
            "Sim|INTERESTED",
            "sim!!!|INTERESTED",
            "Claro, me chama no zap|INTERESTED",
            "Quero saber mais|INTERESTED",
            "Pode mandar mais informações por e-mail|INTERESTED",
            "Estou interessado, como funciona?|INTERESTED",
            "Me interessa sim. Podemos conversar?|INTERESTED",
            "Boa tarde, gostaria de conhecer a proposta|INTERESTED",
            "pode ser|INTERESTED",
            "Manda a proposta que eu vejo com meu sócio|INTERESTED",
            "Com certeza, me liga|INTERESTED",
            "Olá, tenho muito interesse. Qual o preço?|INTERESTED",
            // Refusals, negations included
            "Não tenho interesse|NOT_INTERESTED",
            "não tenho interesse agora|NOT_INTERESTED",
            "Nao, obrigado|NOT_INTERESTED",
            "não, obrigada.|NOT_INTERESTED",
            "Não.|NOT_INTERESTED",
            "NÃO|NOT_INTERESTED",
            "n quero|NOT_INTERESTED",
            "Obrigado, mas não|NOT_INTERESTED",
            "Agora não|NOT_INTERESTED",
            "Sem interesse no momento|NOT_INTERESTED",
            "Nem tenho interesse nisso|NOT_INTERESTED",
            "Claro que não!|NOT_INTERESTED",
            "Não me interessa, obrigado|NOT_INTERESTED",
            "Já temos fornecedor|NOT_INTERESTED",
            "Não precisa ligar|NOT_INTERESTED",
            "Não pode ligar aqui|NOT_INTERESTED",
            "PARE|NOT_INTERESTED",
            "Não estamos interessados, por favor não mande mais mensagens|NOT_INTERESTED",
            "Agora não, talvez mês que vem|NOT_INTERESTED",
            // Wrong company or number
            "Número errado|INVALID",
            "numero errado, aqui é uma residência|INVALID",
            "Foi engano, não é aqui|INVALID",
            "Não conheço essa empresa|INVALID",
            "A empresa fechou ano passado|INVALID",
            "Sim, mas o número está errado: número errado|INVALID",
            "Eu não trabalho mais aí|INVALID",
            // A human decides
            "Quem é?|NEEDS_REVIEW",
            "Do que se trata?|NEEDS_REVIEW",
            "ok|NEEDS_REVIEW",
            "👍|NEEDS_REVIEW",
            "Talvez|NEEDS_REVIEW",
            "Vou pensar|NEEDS_REVIEW",
            "Tenho interesse, mas só semana que vem|NEEDS_REVIEW",
            "Não, tenho interesse sim|NEEDS_REVIEW",
            "Quanto custa? Não tenho interesse agora, mas talvez depois|NEEDS_REVIEW",
            "Não sei se sim|NEEDS_REVIEW",
            "Não sei se tenho interesse|NEEDS_REVIEW",
            "Como conseguiu meu número?|NEEDS_REVIEW",
            "Bom dia|NEEDS_REVIEW"})
    void classifiesRepliesAsASalesTeamWould(String reply, ReplyClassifier.Outcome expected) {
        assertThat(classifier.classify(reply).outcome()).as(reply).isEqualTo(expected);
    }

    @Test
    void saysWhichPhrasesDecided() {
        assertThat(classifier.classify("Não tenho interesse").matched()).containsExactly("nao tenho interesse");
        assertThat(classifier.classify("nem tenho interesse nisso").matched()).containsExactly("não … tenho interesse");
        assertThat(classifier.classify("não sei se tenho interesse").matched())
                .containsExactlyInAnyOrder("nao sei", "tenho interesse");
    }

    @Test
    void aTenantsOwnPhrasesReplaceTheDefaults() {
        ReplyClassifier own = new ReplyClassifier(new Playbook(List.of(
                new Playbook.Rule("Bora fechar", Playbook.Signal.INTERESTED),
                new Playbook.Rule("tô fora", Playbook.Signal.NOT_INTERESTED)), true));

        assertThat(own.classify("bora fechar!").outcome()).isEqualTo(ReplyClassifier.Outcome.INTERESTED);
        assertThat(own.classify("to fora").outcome()).isEqualTo(ReplyClassifier.Outcome.NOT_INTERESTED);
        assertThat(own.classify("Tenho interesse").outcome()).isEqualTo(ReplyClassifier.Outcome.NEEDS_REVIEW);
    }
}
