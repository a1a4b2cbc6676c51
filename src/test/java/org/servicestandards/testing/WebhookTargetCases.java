package org.servicestandards.testing;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Webhook URLs that must be refused, with the reason, and URLs that must be accepted, with the
 * addresses a delivery then connects to. The names resolve through {@link #resolver()}; nothing
 * here is ever connected to.
 */
public final class WebhookTargetCases {

    private WebhookTargetCases() {
    }

    /** The names the cases use, resolved as a DNS server might answer for them. */
    public static FakeResolver resolver() {
        return new FakeResolver()
                .answer("hooks.example.com", "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946")
                .answer("localhost", "127.0.0.1", "::1")
                .answer("metadata.google.internal", "169.254.169.254")
                .answer("mixed.example.com", "93.184.216.34", "10.0.0.7")
                .answer("v6-loopback.example.com", "2606:4700::1111", "::1");
    }

    /** A URL and the words its refusal must contain. */
    public static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("http://127.0.0.1/", "127.0.0.1 is a loopback address"),
                Arguments.of("http://127.0.0.53:8080/x", "127.0.0.53 is a loopback address"),
                Arguments.of("http://2130706433/", "2130706433 is 127.0.0.1, a loopback address"),
                Arguments.of("http://0x7f000001/", "0x7f000001 is 127.0.0.1, a loopback address"),
                Arguments.of("http://0177.0.0.1/", "0177.0.0.1 is 127.0.0.1, a loopback address"),
                Arguments.of("http://127.1/", "127.1 is 127.0.0.1, a loopback address"),
                Arguments.of("http://0x7f.1:9000/", "0x7f.1 is 127.0.0.1, a loopback address"),
                Arguments.of("http://[::1]/", "::1 is a loopback address"),
                Arguments.of("http://localhost/", "localhost resolves to 127.0.0.1, a loopback address"),
                Arguments.of("http://LOCALHOST./", "localhost. resolves to 127.0.0.1, a loopback address"),
                Arguments.of("http://v6-loopback.example.com/", "v6-loopback.example.com resolves to ::1, a loopback address"),
                Arguments.of("http://10.0.0.1/", "10.0.0.1 is a private address (RFC 1918)"),
                Arguments.of("http://172.16.5.4/", "a private address (RFC 1918)"),
                Arguments.of("http://172.31.255.255/", "a private address (RFC 1918)"),
                Arguments.of("http://192.168.1.1/", "a private address (RFC 1918)"),
                Arguments.of("http://mixed.example.com/", "mixed.example.com resolves to 10.0.0.7, a private address"),
                Arguments.of("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
                Arguments.of("http://metadata.google.internal/computeMetadata/v1/",
                        "metadata.google.internal resolves to 169.254.169.254, a link-local address"),
                Arguments.of("http://[fe80::1]/", "fe80::1 is a link-local address"),
                Arguments.of("http://[fe80::1%25eth0]/", "names an IPv6 zone"),
                Arguments.of("http://[fd00:ec2::254]/", "a unique-local address"),
                Arguments.of("http://[fc00::1]/", "a unique-local address"),
                Arguments.of("http://[fec0::1]/", "a site-local address"),
                Arguments.of("http://100.64.0.1/", "a carrier-grade NAT address"),
                Arguments.of("http://100.127.255.254/", "a carrier-grade NAT address"),
                Arguments.of("http://224.0.0.1/", "a multicast address"),
                Arguments.of("http://239.255.255.250/", "a multicast address"),
                Arguments.of("http://[ff02::1]/", "a multicast address"),
                Arguments.of("http://255.255.255.255/", "the broadcast address"),
                Arguments.of("http://0.0.0.0/", "0.0.0.0 is the unspecified address"),
                Arguments.of("http://0/", "0 is 0.0.0.0, the unspecified address"),
                Arguments.of("http://[::]/", ":: is the unspecified address"),
                Arguments.of("http://0.1.2.3/", "a 'this network' address"),
                Arguments.of("http://192.0.0.8/", "an IETF protocol address"),
                Arguments.of("http://192.0.2.10/", "a documentation address"),
                Arguments.of("http://198.51.100.7/", "a documentation address"),
                Arguments.of("http://203.0.113.9/", "a documentation address"),
                Arguments.of("http://[2001:db8::1]/", "a documentation address"),
                Arguments.of("http://[3fff::1]/", "a documentation address"),
                Arguments.of("http://198.18.0.1/", "a benchmarking address"),
                Arguments.of("http://198.19.255.1/", "a benchmarking address"),
                Arguments.of("http://[2001:2::1]/", "an IETF protocol address"),
                Arguments.of("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "an IETF protocol address (2001::/23, Teredo"),
                Arguments.of("http://192.88.99.1/", "a 6to4 relay anycast address"),
                Arguments.of("http://240.0.0.1/", "a reserved address (240.0.0.0/4)"),
                Arguments.of("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1 is 127.0.0.1, a loopback address"),
                Arguments.of("http://[::ffff:a9fe:a9fe]/", "is 169.254.169.254, a link-local address"),
                Arguments.of("http://[::127.0.0.1]/", "the IPv4-compatible form of 127.0.0.1, a loopback address"),
                Arguments.of("http://[64:ff9b::a9fe:a9fe]/", "the NAT64 form of 169.254.169.254, a link-local address"),
                Arguments.of("http://[64:ff9b:1::a00:1]/", "a local-use NAT64 address"),
                Arguments.of("http://[2002:7f00:1::]/", "the 6to4 form of 127.0.0.1, a loopback address"),
                Arguments.of("http://[2002:a00:1::1]/", "the 6to4 form of 10.0.0.1, a private address"),
                Arguments.of("http://[100::1]/", "not a global unicast address"),
                Arguments.of("http://[5f00::1]/", "not a global unicast address"),
                Arguments.of("http://nowhere.example.com/", "nowhere.example.com does not resolve to any address"),
                Arguments.of("http://1.2.3/", "1.2.3 is 1.2.0.3 written in a short form"),
                Arguments.of("http://a_b.example/", "is not a host name or address a URL can carry"));
    }

    /** A URL and the addresses a delivery to it connects to. */
    public static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("http://93.184.216.34/hook", new String[] {"93.184.216.34"}),
                Arguments.of("http://1.1.1.1:8443/x", new String[] {"1.1.1.1"}),
                Arguments.of("https://[2606:4700::1111]/hook", new String[] {"2606:4700::1111"}),
                Arguments.of("https://hooks.example.com/standards",
                        new String[] {"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"}),
                Arguments.of("HTTPS://Hooks.Example.COM./standards",
                        new String[] {"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"}),
                Arguments.of("http://[::ffff:93.184.216.34]/", new String[] {"93.184.216.34"}),
                Arguments.of("http://[64:ff9b::5db8:d822]/", new String[] {"64:ff9b::5db8:d822"}),
                Arguments.of("http://0x5db8d822/", new String[] {"93.184.216.34"}));
    }
}
