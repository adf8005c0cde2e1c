package com.dominusleads.ingestion.normalisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    private static final String LOCAL_64 = "a".repeat(64);
    /** 63 + 1 + 63 + 1 + 63 + 1 + 3 = 195-character domain. */
    private static final String DOMAIN_195 = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com";
    private static final String LABEL_63 = "e".repeat(63);

    static Stream<Arguments> valid() {
        return Stream.of(
                arguments("contato@empresa.com.br", "contato@empresa.com.br"),
                arguments("CONTATO@EMPRESA.COM.BR", "contato@empresa.com.br"),
                arguments("  Fulano.Silva@Gmail.com  ", "fulano.silva@gmail.com"),
                arguments("\u00A0contato@empresa.com.br\t", "contato@empresa.com.br"),
                // FQDN root dot: same DNS name
                arguments("joao@gmail.com.", "joao@gmail.com"),
                arguments("JOAO@GMAIL.COM. ", "joao@gmail.com"),
                // CFWS around '@' is RFC 5322 syntax; the canonical form drops it
                arguments("nome @ dominio.com.br", "nome@dominio.com.br"),
                arguments("nome@ dominio.com.br", "nome@dominio.com.br"),
                arguments("nome\t@dominio.com.br", "nome@dominio.com.br"),
                arguments("a@b.co", "a@b.co"),
                arguments("joao+vendas@empresa.com.br", "joao+vendas@empresa.com.br"),
                arguments("o'brien@x.com", "o'brien@x.com"),
                arguments("user_name-1@sub-domain.example.com.br", "user_name-1@sub-domain.example.com.br"),
                arguments("x@123.com", "x@123.com"),
                arguments("x@a--b.com", "x@a--b.com"),
                arguments("a!#$%&'*+-/=?^_`{|}~@x.com", "a!#$%&'*+-/=?^_`{|}~@x.com"),
                arguments("A.B.C@X.Y.Z.COM", "a.b.c@x.y.z.com"),
                arguments(LOCAL_64 + "@x.com", LOCAL_64 + "@x.com"),
                arguments("x@" + LABEL_63 + ".com", "x@" + LABEL_63 + ".com"),
                // exactly 254 characters: 58 + 1 + 195
                arguments("f".repeat(58) + "@" + DOMAIN_195, "f".repeat(58) + "@" + DOMAIN_195));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("valid")
    void normalisesValidAddresses(String raw, String expected) throws InvalidEmailException {
        assertThat(EmailAddresses.normalise(raw)).isEqualTo(expected);
        assertThat(EmailAddresses.normalise(new StringBuilder(raw))).isEqualTo(expected);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments("sem email", "missing_at"),
                arguments("SEM EMAIL", "missing_at"),
                arguments("nao possui", "missing_at"),
                arguments("joao.gmail.com", "missing_at"),
                arguments("a@x.com;b@y.com", "multiple_at"),
                arguments("a@x.com, b@y.com", "multiple_at"),
                arguments("joao@@gmail.com", "multiple_at"),
                arguments("x@x", "invalid_domain"),
                arguments("fulano@hotmail,com", "invalid_domain"),
                arguments("fulano@hotmail", "invalid_domain"),
                arguments("a@b.c", "invalid_domain"),
                arguments("a@b.c0m", "invalid_domain"),
                arguments("a@b.xn--p1ai", "invalid_domain"),
                arguments("joao@gmail..com", "invalid_domain"),
                arguments("joao@gmail.com..", "invalid_domain"),
                arguments("joao@.", "invalid_domain"),
                arguments("joao@com.", "invalid_domain"),
                arguments("joao@.gmail.com", "invalid_domain"),
                arguments("joao@-gmail.com", "invalid_domain"),
                arguments("joao@gmail-.com", "invalid_domain"),
                arguments("joao@gmail.com-", "invalid_domain"),
                arguments("joao@", "invalid_domain"),
                arguments("joao@ ", "invalid_domain"),
                arguments("joao@gmail .com", "invalid_domain"),
                arguments("joao@gmail_com.br", "invalid_domain"),
                arguments("joao@[127.0.0.1]", "invalid_domain"),
                arguments("joao@açaí.com.br", "invalid_domain"),
                arguments("joao@gmail.com.br/", "invalid_domain"),
                arguments("@gmail.com", "invalid_local_part"),
                arguments(" @gmail.com", "invalid_local_part"),
                arguments(".joao@gmail.com", "invalid_local_part"),
                arguments("joao.@gmail.com", "invalid_local_part"),
                arguments("jo..ao@gmail.com", "invalid_local_part"),
                arguments("joao silva@gmail.com", "invalid_local_part"),
                arguments("joão@gmail.com", "invalid_local_part"),
                arguments("\"joao\"@gmail.com", "invalid_local_part"),
                arguments("joao,silva@x.com", "invalid_local_part"),
                arguments("mailto:joao@x.com", "invalid_local_part"),
                arguments("<joao@x.com>", "invalid_local_part"),
                arguments("a".repeat(65) + "@x.com", "too_long"),
                arguments("x@" + "e".repeat(64) + ".com", "too_long"),
                arguments("f".repeat(59) + "@" + DOMAIN_195, "too_long"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("invalid")
    void rejectsInvalidAddresses(String raw, String reason) {
        assertThatThrownBy(() -> EmailAddresses.normalise(raw))
                .isInstanceOf(InvalidEmailException.class)
                .satisfies(e -> assertThat(((InvalidEmailException) e).reason()).isEqualTo(reason))
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n", "\u00A0", " \u00A0 "})
    void blankIsNoAddress(String raw) throws InvalidEmailException {
        assertThat(EmailAddresses.normalise(raw)).isNull();
    }

    @Test
    void returnsTheInputWhenAlreadyCanonical() throws InvalidEmailException {
        String raw = "contato@empresa.com.br";
        assertThat(EmailAddresses.normalise(raw)).isSameAs(raw);
    }
}
