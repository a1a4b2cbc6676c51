package org.servicestandards.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.servicestandards.notify.HostResolver;

/**
 * Names with the addresses a test gives them, since tests cannot reach DNS. An answer can be
 * changed between two lookups, as a DNS server rebinding a name would; each lookup is counted.
 */
public final class FakeResolver implements HostResolver {

    private final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    /** From now on {@code name} resolves to {@code addresses} (literal addresses, never looked up). */
    public FakeResolver answer(String name, String... addresses) {
        answers.put(name.toLowerCase(Locale.ROOT), Arrays.stream(addresses).map(FakeResolver::literal).toList());
        return this;
    }

    /** How many times {@code name} was looked up. */
    public int lookups(String name) {
        AtomicInteger count = lookups.get(name.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        // As DNS does, a final dot changes nothing.
        String name = host.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        lookups.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        List<InetAddress> addresses = answers.get(name);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses;
    }

    private static InetAddress literal(String address) {
        if (!address.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException(address + " is not an address: a fake answer never needs a lookup");
        }
        try {
            // A literal is parsed, never resolved.
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address + " is not an address", e);
        }
    }
}
