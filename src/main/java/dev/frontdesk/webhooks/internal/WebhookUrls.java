package dev.frontdesk.webhooks.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a webhook may call. Without {@code allowPrivate}: {@code https} only, to a host whose every
 * address is public (no loopback, private, link-local, carrier-grade NAT, unique-local, multicast or
 * reserved address, nor one of those inside an IPv4-mapped or NAT64 IPv6 address), so a business cannot
 * make the service call into its own network. With it (tests, local development) {@code http} and any
 * address are allowed.
 */
final class WebhookUrls {

    private WebhookUrls() {}

    /** Why the URL may not be called, or empty when it may (the host is resolved now). */
    static Optional<String> refusal(String url, boolean allowPrivate) {
        if (url == null || url.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (url.length() > 2000) {
            return Optional.of("must be at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || (allowPrivate && scheme.equals("http")))) {
            return Optional.of(allowPrivate ? "must be an http or https URL" : "must be an https URL");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not hold a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of("names a host that cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("must be a public address, not a loopback, private or reserved one");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0
                    || first >= 240 // reserved and broadcast
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))); // benchmarking
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            boolean nat64 =
                    (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if ((mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || nat64) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
