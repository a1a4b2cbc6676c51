package org.servicestandards.notify;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where webhooks may post: public addresses, and the internal ones the operator allows
 * ({@code serve --webhook-allow}, address ranges in CIDR notation or exact host names). The same
 * check runs when a webhook is registered and before each delivery: the URL's host is resolved
 * (a literal address in any spelling the C library would accept is decoded, never resolved)
 * and every address it has must be public or allowed, so a name with one internal address among
 * public ones is refused. The answer carries the addresses checked, for the delivery to connect
 * to them and to nothing a later lookup might say.
 */
public final class WebhookTargets {

    /**
     * A host that is an address: dotted decimal, and the shorter, octal, hex and single-number
     * forms of inet_aton(3) that resolvers and browsers also read as addresses; IPv6 without a
     * prefix. Ranges, wildcards, masks and binary are not addresses here (they are names, and
     * resolve to nothing).
     */
    private static final IPAddressStringParameters LITERAL = strict().allowPrefix(false).toParams();
    /** An operator's allowed range: an address or a CIDR block; not "*", which would allow everything by a slip. */
    private static final IPAddressStringParameters RANGE = strict().allowPrefix(true).toParams();
    private static final Pattern HOST_NAME = Pattern.compile("(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\\.)*"
            + "[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    /** Said with every refusal, so whoever reads it knows the way out. */
    public static final String HOW_TO_ALLOW = "webhooks go to public addresses unless the operator allows others"
            + " (serve --webhook-allow)";

    private final List<IPAddress> allowedRanges;
    private final Set<String> allowedNames;
    private final HostResolver resolver;

    private static IPAddressStringParameters.Builder strict() {
        return new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowAll(false).allowMask(false).allowPrefixOnly(false)
                .allowWildcardedSeparator(false).setRangeOptions(RangeParameters.NO_RANGE)
                .getIPv4AddressParametersBuilder().allowBinary(false).getParentBuilder()
                .getIPv6AddressParametersBuilder().allowBinary(false).getParentBuilder();
    }

    private WebhookTargets(List<IPAddress> allowedRanges, Set<String> allowedNames, HostResolver resolver) {
        this.allowedRanges = List.copyOf(allowedRanges);
        this.allowedNames = Set.copyOf(allowedNames);
        this.resolver = resolver;
    }

    /** Public addresses only, names resolved by the system. */
    public static WebhookTargets publicOnly() {
        return allowing(List.of(), HostResolver.SYSTEM);
    }

    /**
     * Public addresses and those {@code allowed}: each entry an address range in CIDR notation
     * ({@code 10.0.0.0/8}, {@code fd00::/8}), a single address, or a host name that is then
     * trusted whatever it resolves to. Blank entries are ignored.
     *
     * @throws IllegalArgumentException naming an entry that is none of these
     */
    public static WebhookTargets allowing(List<String> allowed, HostResolver resolver) {
        List<IPAddress> ranges = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String entry : allowed) {
            String trimmed = entry.trim().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            IPAddress range = new IPAddressString(trimmed, RANGE).getAddress();
            if (range != null && !trimmed.contains("%")) {
                ranges.add(range.toPrefixBlock());
            } else if (HOST_NAME.matcher(withoutFinalDot(trimmed)).matches()) {
                names.add(withoutFinalDot(trimmed));
            } else {
                throw new IllegalArgumentException("--webhook-allow: '" + entry + "' is neither an address range in CIDR"
                        + " notation (e.g. 10.0.0.0/8, fd00::/8, 127.0.0.1/32) nor a host name");
            }
        }
        return new WebhookTargets(ranges, Set.copyOf(names), resolver);
    }

    /** What the operator allows beyond public addresses, e.g. for the log at start. */
    public List<String> allowed() {
        List<String> shown = new ArrayList<>(allowedRanges.stream().map(IPAddress::toCanonicalString).toList());
        shown.addAll(allowedNames.stream().sorted().toList());
        return shown;
    }

    /**
     * The URL's host resolved now, every address checked. Blocks while the name is resolved.
     *
     * @throws TargetRefused saying why, when the host names no address, does not resolve, or
     *                       has an address that is neither public nor allowed
     */
    public Target check(URI url) throws TargetRefused {
        String host = url.getHost();
        if (host == null) {
            return refuseHostless(url);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            if (host.contains("%")) {
                throw new TargetRefused(host + " names an IPv6 zone, which only links of this machine have");
            }
        }
        IPAddress literal = literal(host);
        if (literal != null) {
            judge(literal, host + " is " + (literal.isIPv4() && !host.equals(literal.toCanonicalString()) ? literal + ", " : ""));
            return new Target(url, null, List.of(literal.toInetAddress()));
        }
        String name = withoutFinalDot(host);
        List<InetAddress> addresses = resolve(host);
        if (!allowedNames.contains(name)) {
            for (InetAddress address : addresses) {
                judge(of(address), host + " resolves to " + of(address).toCanonicalString() + ", ");
            }
        }
        return new Target(url, name, addresses);
    }

    /**
     * java.net.URI reads no host from an authority like {@code 127.1} (its last label is a
     * number, so it is not a name, and it is not dotted decimal either). Nothing can post there,
     * but an address in a short form is refused with the reason it would have had.
     */
    private Target refuseHostless(URI url) throws TargetRefused {
        String authority = url.getRawAuthority() == null ? "" : url.getRawAuthority().replaceFirst(":[0-9]*$", "");
        IPAddress literal = literal(authority);
        if (literal != null) {
            judge(literal, authority + " is " + literal + ", ");
            throw new TargetRefused(authority + " is " + literal + " written in a short form; write the address in full");
        }
        throw new TargetRefused("'" + authority + "' is not a host name or address a URL can carry");
    }

    /**
     * The address {@code host} spells, or null when it is a name. An IPv4-mapped address is its
     * IPv4 address, as it is to java.net; a zone (fe80::1%eth0) is never an address here.
     */
    private static IPAddress literal(String host) {
        IPAddress address = new IPAddressString(host, LITERAL).getAddress();
        if (address == null || address.isMultiple() || address.isIPv6() && address.toIPv6().hasZone()) {
            return null;
        }
        return address.isIPv6() && address.toIPv6().isIPv4Mapped() ? address.toIPv6().getEmbeddedIPv4Address() : address;
    }

    private List<InetAddress> resolve(String host) throws TargetRefused {
        try {
            List<InetAddress> addresses = resolver.resolve(host);
            if (!addresses.isEmpty()) {
                return addresses;
            }
        } catch (UnknownHostException e) {
            // answered below
        }
        throw new TargetRefused(host + " does not resolve to any address");
    }

    /** Refuses an address neither public nor allowed; {@code lead} names it as the officer wrote it. */
    private void judge(IPAddress address, String lead) throws TargetRefused {
        if (allowedRanges.stream().anyMatch(range -> range.contains(address.withoutPrefixLength()))) {
            return;
        }
        Optional<String> why = PublicAddresses.whyNot(address);
        if (why.isPresent()) {
            throw new TargetRefused(lead + why.get());
        }
    }

    private static IPAddress of(InetAddress address) {
        return address instanceof Inet4Address v4 ? new IPv4Address(v4) : new IPv6Address((Inet6Address) address);
    }

    private static String withoutFinalDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
