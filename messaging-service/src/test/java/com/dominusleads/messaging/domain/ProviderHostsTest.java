package com.dominusleads.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dominusleads.servicekit.api.ApiException;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tenants' hosts are refused when they reach the service's own network, unless the deployment allows it. */
class ProviderHostsTest {

    private final ProviderHosts strict = new ProviderHosts(false, false, null);
    private final ProviderHosts local = new ProviderHosts(true, true, null);

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, false", "127.8.9.10, false", "::1, false",          // loopback
            "0.0.0.0, false", "0.1.2.3, false", "::, false",                // any-local, "this network"
            "10.0.0.1, false", "172.16.5.4, false", "172.31.255.255, false", "192.168.1.1, false",
            "169.254.169.254, false", "fe80::1, false",                      // link-local (cloud metadata)
            "100.64.0.1, false", "100.100.100.200, false", "192.0.0.192, false",
            "fc00::1, false", "fd12:3456::1, false", "fec0::1, false",       // unique local, old site-local
            "224.0.0.1, false", "ff02::1, false", "255.255.255.255, false", "240.0.0.1, false",
            "::ffff:127.0.0.1, false", "::ffff:10.1.2.3, false", "::127.0.0.1, false", "64:ff9b::a9fe:a9fe, false",
            "8.8.8.8, true", "172.32.0.1, true", "100.128.0.1, true", "192.0.1.1, true", "2001:4860:4860::8888, true",
            "64:ff9b::808:808, true", "::ffff:8.8.8.8, true"})
    void anAddressIsPublicOnlyOutsideTheLocalRanges(String address, boolean expected) throws Exception {
        assertThat(ProviderHosts.isPublic(InetAddress.getByName(address))).as(address).isEqualTo(expected);
    }

    @Test
    void hostsThatAreOrResolveToLocalAddressesAreRefused() {
        for (String url : new String[] {"http://127.0.0.1:8080", "http://localhost", "https://[::1]/evo",
                "http://169.254.169.254/latest/meta-data", "http://10.0.0.5", "http://name.invalid"}) {
            assertThatThrownBy(() -> strict.verify(Provider.EVOLUTION, Map.of("serverUrl", url))).as(url)
                    .isInstanceOfSatisfying(ApiException.class, refused -> {
                        assertThat(refused.status()).isEqualTo(400);
                        assertThat(refused.code()).isEqualTo("host_not_allowed");
                    });
        }
        assertThatThrownBy(() -> strict.verify(Provider.SMTP, Map.of("host", "smtp.8.8.8.8.invalid")))
                .hasMessageContaining("settings.host");
        assertThatThrownBy(() -> strict.verify(Provider.SMTP, Map.of("host", "8.8.8.8", "imapHost", "192.168.0.9")))
                .hasMessageContaining("settings.imapHost");
        assertThatCode(() -> strict.verify(Provider.EVOLUTION, Map.of("serverUrl", "https://8.8.8.8:8080/")))
                .doesNotThrowAnyException();
        assertThatCode(() -> strict.verify(Provider.SMTP, Map.of("host", "8.8.4.4", "imapHost", "8.8.8.8")))
                .doesNotThrowAnyException();
        // Allowed where the simulators run on this machine.
        assertThatCode(() -> local.verify(Provider.EVOLUTION, Map.of("serverUrl", "http://127.0.0.1:8080")))
                .doesNotThrowAnyException();
        assertThatCode(() -> local.verify(Provider.SMTP, Map.of("host", "localhost", "imapHost", "10.0.0.1")))
                .doesNotThrowAnyException();
    }

    @Test
    void metaAndTwilioAreCalledAtTheDeploymentsAddressUnlessOverridesAreAllowed() {
        for (Provider provider : new Provider[] {Provider.META, Provider.TWILIO}) {
            assertThatThrownBy(() -> strict.verify(provider, Map.of("baseUrl", "https://8.8.8.8")))
                    .isInstanceOfSatisfying(ApiException.class,
                            refused -> assertThat(refused.code()).isEqualTo("custom_base_url_not_allowed"));
            assertThatCode(() -> strict.verify(provider, Map.of("accountSid", "AC1"))).doesNotThrowAnyException();
            assertThatCode(() -> local.verify(provider, Map.of("baseUrl", "http://127.0.0.1:1")))
                    .doesNotThrowAnyException();
        }
        // Allowed overrides are still checked for private hosts when those are not allowed.
        assertThatThrownBy(() -> new ProviderHosts(true, false, null)
                .verify(Provider.META, Map.of("baseUrl", "http://127.0.0.1:1")))
                .isInstanceOfSatisfying(ApiException.class,
                        refused -> assertThat(refused.code()).isEqualTo("host_not_allowed"));
    }

    @Test
    void aServerUrlMustBeAnHttpUrlWithAHost() {
        for (String url : new String[] {"file:///etc/passwd", "127.0.0.1:8080", "gopher://8.8.8.8", "http://"}) {
            assertThatThrownBy(() -> local.verify(Provider.EVOLUTION, Map.of("serverUrl", url))).as(url)
                    .isInstanceOfSatisfying(ApiException.class,
                            refused -> assertThat(refused.code()).isEqualTo("invalid_channel"));
        }
    }
}
