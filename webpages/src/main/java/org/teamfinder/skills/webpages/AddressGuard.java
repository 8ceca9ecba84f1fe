package org.teamfinder.skills.webpages;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides which addresses the page fetcher may connect to. By default only public unicast addresses:
 * loopback, private (RFC 1918, unique local), link-local (including cloud metadata at 169.254.169.254),
 * carrier-grade NAT, multicast, documentation, benchmarking and other reserved ranges are refused, and so
 * are IPv6 addresses that embed one of those (IPv4-mapped, NAT64). It is asked about the address a
 * connection is about to use, after name resolution, so a name that resolves to a private address (DNS
 * rebinding) is caught too.
 *
 * <p>The allow-list opens specific targets anyway, each entry one of: {@code host} or {@code host:port}
 * (compared with the URL's host as written, case-insensitively), an IP address, or a CIDR block such as
 * {@code 10.20.0.0/16} (compared with the resolved address).
 */
public final class AddressGuard {

    // IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) need no entry: Java resolves them to IPv4 addresses.
    private static final List<Block> NOT_PUBLIC = blocks(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
            "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    private static final Pattern HOST_ENTRY = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\\d{1,5})?");

    private final List<String> hosts;
    private final List<Block> allowedBlocks;

    private AddressGuard(List<String> hosts, List<Block> allowedBlocks) {
        this.hosts = List.copyOf(hosts);
        this.allowedBlocks = List.copyOf(allowedBlocks);
    }

    /** A guard that refuses every non-public address except those the entries open (see the class comment). */
    public static AddressGuard allowing(List<String> entries) {
        List<String> hosts = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            Optional<Block> block = entry.contains("/") || isIpLiteral(entry) ? Optional.of(Block.parse(entry.contains("/")
                    ? entry : entry + (entry.contains(":") ? "/128" : "/32"))) : Optional.empty();
            if (block.isEmpty() && !HOST_ENTRY.matcher(entry).matches()) {
                throw new IllegalArgumentException("'" + raw.strip() + "' is not a host, host:port, IP address or CIDR block");
            }
            block.ifPresentOrElse(blocks::add, () -> hosts.add(entry));
        }
        return new AddressGuard(hosts, blocks);
    }

    /**
     * Whether a connection to {@code address}, for a URL naming {@code host} and {@code port}, may be made;
     * if not, the reason in plain words.
     */
    public Optional<String> refusal(String host, int port, InetAddress address) {
        String name = unbracketed(host).toLowerCase(Locale.ROOT);
        if (hosts.contains(name) || hosts.contains(name + ":" + port)) {
            return Optional.empty();
        }
        if (allowedBlocks.stream().anyMatch(block -> block.contains(address))) {
            return Optional.empty();
        }
        if (isPublic(address)) {
            return Optional.empty();
        }
        return Optional.of(host + " resolves to " + address.getHostAddress()
                + ", which is not a public address; the service does not fetch pages from private networks");
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet4Address && address.getAddress()[0] == (byte) 255) {
            return false;
        }
        return NOT_PUBLIC.stream().noneMatch(block -> block.contains(address));
    }

    private static boolean isIpLiteral(String entry) {
        return entry.matches("[0-9.]+") || (entry.contains(":") && entry.matches("[0-9a-f:.]+") && entry.chars().filter(c -> c == ':').count() >= 2);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static List<Block> blocks(String... cidrs) {
        return java.util.Arrays.stream(cidrs).map(Block::parse).toList();
    }

    /** A CIDR block of IPv4 or IPv6 addresses. */
    private record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                int prefix = Integer.parseInt(cidr.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("'" + cidr + "' has a prefix longer than its address");
                }
                return new Block(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block");
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
