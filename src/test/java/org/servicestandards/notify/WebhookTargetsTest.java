package org.servicestandards.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicestandards.testing.FakeResolver;
import org.servicestandards.testing.WebhookTargetCases;

/** Webhooks go to public addresses, in whatever spelling or through whatever name, unless the operator allows more. */
class WebhookTargetsTest {

    private final FakeResolver resolver = WebhookTargetCases.resolver();
    private final WebhookTargets publicOnly = WebhookTargets.allowing(List.of(), resolver);

    private static List<String> addresses(Target target) {
        return target.addresses().stream().map(InetAddress::getHostAddress).toList();
    }

    private static List<String> addresses(String... literals) {
        return Arrays.stream(literals).map(literal -> {
            try {
                return InetAddress.getByName(literal).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }).toList();
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @MethodSource("org.servicestandards.testing.WebhookTargetCases#refused")
    void an_internal_target_in_any_spelling_is_refused_saying_why(String url, String why) {
        assertThatThrownBy(() -> publicOnly.check(URI.create(url)))
                .isInstanceOf(TargetRefused.class)
                .hasMessageContaining(why);
    }

    @ParameterizedTest(name = "{0} is accepted")
    @MethodSource("org.servicestandards.testing.WebhookTargetCases#accepted")
    void a_public_target_is_accepted_with_every_address_a_delivery_may_connect_to(String url, String[] pinned)
            throws TargetRefused {
        Target target = publicOnly.check(URI.create(url));
        assertThat(addresses(target)).containsExactlyElementsOf(addresses(pinned));
        assertThat(target.uri()).isEqualTo(URI.create(url));
    }

    @Test
    void a_name_is_kept_for_the_host_header_and_tls_and_an_address_is_not() throws TargetRefused {
        assertThat(publicOnly.check(URI.create("https://Hooks.Example.com./x")).name()).isEqualTo("hooks.example.com");
        assertThat(publicOnly.check(URI.create("https://93.184.216.34/x")).name()).isNull();
        assertThat(publicOnly.check(URI.create("https://0x5db8d822/x")).name()).isNull();
    }

    @Test
    void every_check_resolves_the_name_again() throws TargetRefused {
        URI url = URI.create("https://hooks.example.com/standards");
        publicOnly.check(url);
        resolver.answer("hooks.example.com", "127.0.0.1");
        assertThatThrownBy(() -> publicOnly.check(url)).hasMessageContaining("resolves to 127.0.0.1, a loopback address");
        assertThat(resolver.lookups("hooks.example.com")).isEqualTo(2);
    }

    @Test
    void localhost_is_refused_through_the_systems_own_resolver() {
        assertThatThrownBy(() -> WebhookTargets.publicOnly().check(URI.create("http://localhost:8080/hook")))
                .isInstanceOf(TargetRefused.class)
                .hasMessageContaining("a loopback address");
    }

    @Test
    void an_allowed_range_admits_its_addresses_in_any_spelling_and_through_names_but_nothing_else() throws TargetRefused {
        WebhookTargets loopback = WebhookTargets.allowing(List.of("127.0.0.1/32"), resolver);
        assertThat(addresses(loopback.check(URI.create("http://127.0.0.1:9000/hook")))).containsExactly("127.0.0.1");
        assertThat(addresses(loopback.check(URI.create("http://0x7f000001:9000/hook")))).containsExactly("127.0.0.1");
        resolver.answer("receiver.test", "127.0.0.1");
        assertThat(addresses(loopback.check(URI.create("http://receiver.test:9000/hook")))).containsExactly("127.0.0.1");
        assertThatThrownBy(() -> loopback.check(URI.create("http://127.0.0.2/"))).hasMessageContaining("loopback");
        assertThatThrownBy(() -> loopback.check(URI.create("http://localhost/"))).hasMessageContaining("resolves to ::1");
        assertThatThrownBy(() -> loopback.check(URI.create("http://10.0.0.1/"))).hasMessageContaining("private");

        WebhookTargets office = WebhookTargets.allowing(List.of(" 10.0.0.0/8 ", "", "fd00::/8"), resolver);
        assertThat(addresses(office.check(URI.create("http://mixed.example.com/")))).containsExactly("93.184.216.34", "10.0.0.7");
        assertThat(addresses(office.check(URI.create("http://[fd12::1]/")))).containsExactly(addresses("fd12::1").get(0));
        assertThatThrownBy(() -> office.check(URI.create("http://192.168.0.1/"))).hasMessageContaining("private");
        assertThat(office.allowed()).containsExactly("10.0.0.0/8", "fd00::/8");
    }

    @Test
    void an_allowed_host_name_is_trusted_whatever_it_resolves_to_and_no_other_name_is() throws TargetRefused {
        resolver.answer("hooks.internal", "10.0.0.5").answer("other.internal", "10.0.0.5");
        WebhookTargets named = WebhookTargets.allowing(List.of("Hooks.Internal"), resolver);
        assertThat(addresses(named.check(URI.create("https://hooks.internal/x")))).containsExactly("10.0.0.5");
        assertThat(addresses(named.check(URI.create("https://HOOKS.internal./x")))).containsExactly("10.0.0.5");
        assertThatThrownBy(() -> named.check(URI.create("https://other.internal/x"))).hasMessageContaining("private");
        assertThatThrownBy(() -> named.check(URI.create("https://10.0.0.5/x"))).hasMessageContaining("private");
        assertThatThrownBy(() -> named.check(URI.create("https://unknown.internal/x"))).hasMessageContaining("does not resolve");
    }

    @Test
    void an_allow_entry_that_is_neither_a_range_nor_a_name_is_refused_naming_it() {
        for (String entry : List.of("10.0.0.0/33", "*", "not a host", "10.0.0.0/8;rm")) {
            assertThatThrownBy(() -> WebhookTargets.allowing(List.of(entry), resolver))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + entry + "'");
        }
    }
}
