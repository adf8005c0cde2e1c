package com.dominusleads.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real-looking replies to an outreach message, with the service's default words, and a tenant that adds its own. */
class OptOutWordsTest {

    private static final OptOutWords DEFAULTS = TenantSettings.of("t1", Map.of(), new ConfiguredDefaults())
            .optOutWords();
    private static final OptOutWords TENANT = TenantSettings.of("t2",
            Map.of(TenantSettings.OPT_OUT_WORDS, "BASTA,\nnão tenho interesse"), new ConfiguredDefaults()).optOutWords();

    @ParameterizedTest(name = "[{index}] \"{0}\" opts out: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            PARE                                                                   | true
            pare.                                                                  | true
            Pare!!!                                                                | true
            🛑 PARE                                                                 | true
            por favor, pare                                                        | true
            Pare por favor                                                         | true
            pare de me mandar mensagem                                             | true
            Para de me mandar mensagem                                             | true
            Pode parar                                                             | true
            Parar                                                                  | true
            não me mande mais mensagens                                            | true
            Não mande o boleto ainda, vou conferir                                 | false
            sair                                                                   | true
            Quero sair da lista                                                    | true
            SAIR.                                                                  | true
            STOP                                                                   | true
            Stop                                                                   | true
            Please stop texting me                                                 | true
            Unsubscribe                                                            | true
            descadastrar                                                           | true
            Por favor me descadastre                                               | true
            remover meu número                                                     | true
            Remover meu número 11 98765-4321                                       | true
            Remova meu e-mail contato@padaria.example da lista                     | true
            Me tira dessa lista                                                    | true
            cancelar                                                               | true
            não quero receber                                                      | true
            NÃO QUERO MAIS                                                         | true
            nao quero mais receber                                                 | true
            Não quero, obrigado                                                    | true
            Bom dia. Não quero receber mais mensagens da sua empresa, obrigada     | true
            Não tenho interesse, pare de me ligar                                  | true
            Não quero ser incomodado                                               | true
            Não quero perder essa oportunidade                                     | false
            Não quero pagar mais de 500 por mês                                    | false
            Não quero agora, me liga em janeiro                                    | false
            Não tenho interesse                                                    | false
            parece bom                                                             | false
            Vou comparecer na reunião                                              | false
            Pode cancelar a reunião de amanhã?                                     | false
            Preciso remover o item 3 do orçamento                                  | false
            Vou sair mais cedo hoje, me liga depois                                | false
            Stop motion é o nosso negócio                                          | false
            Pode me mandar mais informações?                                       | false
            Sim, tenho interesse. Pode me ligar?                                   | false
            Quero continuar recebendo, não pare                                    | false
            ""                                                                     | false
            """)
    void aReplyOptsOutOnlyWhenItSaysNothingButAnOptOut(String reply, boolean optOut) {
        assertThat(DEFAULTS.matches(reply)).isEqualTo(optOut);
    }

    @Test
    void aTenantsWordsAddToTheDefaultsAsWholeWords() {
        assertThat(TENANT.matches("Basta!")).isTrue();
        assertThat(TENANT.matches("Não tenho interesse, obrigado")).isTrue();
        assertThat(TENANT.matches("PARE")).isTrue();
        assertThat(DEFAULTS.matches("Não tenho interesse, obrigado")).isFalse();
        assertThat(DEFAULTS.matches("Basta!")).isFalse();
        assertThat(TENANT.matches("Bastante interesse")).isFalse();
        assertThat(TENANT.matches(null)).isFalse();
    }
}
