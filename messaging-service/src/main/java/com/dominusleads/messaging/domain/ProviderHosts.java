package com.dominusleads.messaging.domain;

import com.dominusleads.messaging.provider.email.EmailChannelKeys;
import com.dominusleads.messaging.provider.evolution.EvolutionChannelKeys;
import com.dominusleads.messaging.provider.meta.MetaChannelKeys;
import com.dominusleads.messaging.provider.twilio.TwilioChannelKeys;
import com.dominusleads.servicekit.api.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which hosts a channel may make this service connect to. Tenant admins name them (an Evolution server, SMTP and IMAP
 * servers, in tests a Meta or Twilio base URL), and could aim the service at its own network instead: localhost, the
 * cloud's metadata address, internal services (request forgery). Checked when a channel's settings are saved: Meta's
 * and Twilio's base URLs are the deployment's unless {@code dominus.messaging.providers.allow-custom-base-url}; a host
 * that is or resolves to a loopback, private, link-local, unique-local or multicast address is refused unless
 * {@code dominus.messaging.providers.allow-private-hosts} (the local stack and tests, whose simulators listen on
 * 127.0.0.1). A name is resolved at save time only: one that later resolves elsewhere is not caught (DNS rebinding).
 */
@ApplicationScoped
public class ProviderHosts {

    private record Named(String setting, String host) {
    }

    /** The setting with the URL each provider is called at (Meta's and Twilio's override the deployment's). */
    private static final Map<Provider, String> URL_SETTINGS = Map.of(Provider.META, MetaChannelKeys.BASE_URL,
            Provider.TWILIO, TwilioChannelKeys.BASE_URL, Provider.EVOLUTION, EvolutionChannelKeys.SERVER_URL);
    /** The settings with bare host names. */
    private static final Map<Provider, List<String>> HOST_SETTINGS = Map.of(Provider.SMTP,
            List.of(EmailChannelKeys.HOST, EmailChannelKeys.IMAP_HOST));
    private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] IPV4_COMPATIBLE = new byte[12];

    private final boolean allowCustomBaseUrl;
    private final boolean allowPrivateHosts;
    private final Vertx vertx;

    public ProviderHosts(@ConfigProperty(name = "dominus.messaging.providers.allow-custom-base-url",
                                 defaultValue = "false") boolean allowCustomBaseUrl,
                         @ConfigProperty(name = "dominus.messaging.providers.allow-private-hosts",
                                 defaultValue = "false") boolean allowPrivateHosts,
                         Vertx vertx) {
        this.allowCustomBaseUrl = allowCustomBaseUrl;
        this.allowPrivateHosts = allowPrivateHosts;
        this.vertx = vertx;
    }

    /**
     * Fails with a 400 when {@code settings} of a {@code provider} channel name a host the service must not connect
     * to. Names are resolved on a worker thread (a lookup blocks).
     */
    public Uni<Void> check(Provider provider, Map<String, String> settings) {
        return allowPrivateHosts ? Uni.createFrom().item(() -> verify(provider, settings))
                : vertx.executeBlocking(() -> verify(provider, settings), false);
    }

    /** {@link #check}, here and now (resolving names unless private hosts are allowed). */
    Void verify(Provider provider, Map<String, String> settings) {
        String url = URL_SETTINGS.get(provider);
        if (provider != Provider.EVOLUTION && url != null && present(settings, url) && !allowCustomBaseUrl) {
            throw ApiException.badRequest("custom_base_url_not_allowed", "settings." + url + " cannot be set on this"
                    + " deployment: " + provider + " is called at its configured address");
        }
        List<Named> hosts = new ArrayList<>();
        if (url != null && present(settings, url)) {
            hosts.add(new Named(url, urlHost(url, settings.get(url))));
        }
        HOST_SETTINGS.getOrDefault(provider, List.of()).stream().filter(setting -> present(settings, setting))
                .forEach(setting -> hosts.add(new Named(setting, settings.get(setting).strip())));
        for (Named named : hosts) {
            if (!allowPrivateHosts && !resolvesToPublic(named.host())) {
                throw new ApiException(400, "host_not_allowed", "settings." + named.setting() + " must name a public"
                        + " host: " + named.host() + " is private or local, or cannot be resolved",
                        Map.of("setting", named.setting(), "host", named.host()));
            }
        }
        return null;
    }

    private static boolean present(Map<String, String> settings, String name) {
        return settings.get(name) != null && !settings.get(name).isBlank();
    }

    private static String urlHost(String setting, String url) {
        try {
            URI uri = new URI(url.strip());
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri.getHost();
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new ApiException(400, "invalid_channel", "the channel cannot work as given",
                Map.of("problems", List.of("settings." + setting + " must be an http(s) URL with a host")));
    }

    /** True when every address {@code host} resolves to is public (an unresolvable name is not). */
    static boolean resolvesToPublic(String host) {
        try {
            return Arrays.stream(InetAddress.getAllByName(host)).allMatch(ProviderHosts::isPublic);
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;   // fc00::/7, unique local
            }
            // An IPv4 address inside an IPv6 one (::a.b.c.d, NAT64's 64:ff9b::a.b.c.d) reaches that IPv4 address.
            if (Arrays.equals(bytes, 0, 12, IPV4_COMPATIBLE, 0, 12) || Arrays.equals(bytes, 0, 12, NAT64, 0, 12)) {
                try {
                    return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
            return true;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 0/8 ("this network": 0.x reaches the host itself), 100.64/10 (carrier-grade NAT, where some clouds keep
        // their metadata service), 192.0.0/24 (protocol assignments, an older metadata address), 240/4 and broadcast.
        return first != 0 && !(first == 100 && (second & 0xc0) == 64)
                && !(first == 192 && second == 0 && bytes[2] == 0) && first < 240;
    }
}
