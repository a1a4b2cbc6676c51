package org.servicestandards.notify;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses are public: reachable on the internet and nothing else. The ranges are those
 * of the IANA IPv4 and IPv6 special-purpose address registries (RFC 6890 and its updates) that
 * are not globally reachable, plus multicast and the reserved 240.0.0.0/4; an IPv6 address must
 * moreover be global unicast (2000::/3). An IPv6 form that carries an IPv4 address (IPv4-mapped,
 * IPv4-compatible, NAT64, 6to4) is judged by the IPv4 address it carries, since that is where a
 * packet to it ends up.
 */
final class PublicAddresses {

    /** A block of addresses and what an address in it is, as a noun phrase. */
    private record Range(IPAddress block, String what) {
    }

    /** Narrower blocks before the wider blocks that hold them, so the reason is the precise one. */
    private static final List<Range> IPV4 = List.of(
            range("0.0.0.0/32", "the unspecified address"),
            range("0.0.0.0/8", "a 'this network' address (0.0.0.0/8)"),
            range("10.0.0.0/8", "a private address (RFC 1918)"),
            range("100.64.0.0/10", "a carrier-grade NAT address (100.64.0.0/10, RFC 6598)"),
            range("127.0.0.0/8", "a loopback address"),
            range("169.254.0.0/16", "a link-local address (169.254.0.0/16, where cloud metadata services answer)"),
            range("172.16.0.0/12", "a private address (RFC 1918)"),
            range("192.0.0.0/24", "an IETF protocol address (192.0.0.0/24)"),
            range("192.0.2.0/24", "a documentation address (RFC 5737)"),
            range("192.88.99.0/24", "a 6to4 relay anycast address (192.88.99.0/24, deprecated)"),
            range("192.168.0.0/16", "a private address (RFC 1918)"),
            range("198.18.0.0/15", "a benchmarking address (198.18.0.0/15, RFC 2544)"),
            range("198.51.100.0/24", "a documentation address (RFC 5737)"),
            range("203.0.113.0/24", "a documentation address (RFC 5737)"),
            range("224.0.0.0/4", "a multicast address"),
            range("255.255.255.255/32", "the broadcast address"),
            range("240.0.0.0/4", "a reserved address (240.0.0.0/4)"));

    private static final List<Range> IPV6 = List.of(
            range("::/128", "the unspecified address"),
            range("::1/128", "a loopback address"),
            range("64:ff9b:1::/48", "a local-use NAT64 address (64:ff9b:1::/48, RFC 8215)"),
            range("2001::/23", "an IETF protocol address (2001::/23, Teredo included)"),
            range("2001:db8::/32", "a documentation address (2001:db8::/32)"),
            range("3fff::/20", "a documentation address (3fff::/20)"),
            range("fc00::/7", "a unique-local address (fc00::/7)"),
            range("fe80::/10", "a link-local address (fe80::/10)"),
            range("fec0::/10", "a site-local address (fec0::/10, deprecated)"),
            range("ff00::/8", "a multicast address"));

    private static final IPAddress IPV4_COMPATIBLE = block("::/96");
    private static final IPAddress NAT64 = block("64:ff9b::/96");
    private static final IPAddress GLOBAL_UNICAST = block("2000::/3");

    private PublicAddresses() {
    }

    /** Why {@code address} is not public, as a noun phrase ("a loopback address"); empty when it is public. */
    static Optional<String> whyNot(IPAddress address) {
        return address.isIPv4() ? whyNot(address.toIPv4()) : whyNot(address.toIPv6().removeZone());
    }

    private static Optional<String> whyNot(IPv4Address address) {
        return IPV4.stream().filter(r -> r.block().contains(address)).map(Range::what).findFirst();
    }

    private static Optional<String> whyNot(IPv6Address address) {
        Optional<String> special = IPV6.stream().filter(r -> r.block().contains(address)).map(Range::what).findFirst();
        if (special.isPresent()) {
            return special;
        }
        if (address.isIPv4Mapped()) {
            return carried("the IPv4-mapped form", address.getEmbeddedIPv4Address());
        }
        if (IPV4_COMPATIBLE.contains(address)) {
            return carried("the IPv4-compatible form", address.getEmbeddedIPv4Address());
        }
        if (NAT64.contains(address)) {
            return carried("the NAT64 form", address.getEmbeddedIPv4Address());
        }
        if (address.is6To4()) {
            return carried("the 6to4 form", address.get6To4IPv4Address());
        }
        return GLOBAL_UNICAST.contains(address) ? Optional.empty()
                : Optional.of("not a global unicast address (outside 2000::/3)");
    }

    private static Optional<String> carried(String form, IPv4Address carried) {
        return whyNot(carried).map(what -> form + " of " + carried + ", " + what);
    }

    private static Range range(String cidr, String what) {
        return new Range(block(cidr), what);
    }

    private static IPAddress block(String cidr) {
        return new IPAddressString(cidr).getAddress().toPrefixBlock();
    }
}
