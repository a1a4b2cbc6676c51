package org.servicestandards.notify;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A webhook URL whose host was resolved and whose every address was checked: posting to it
 * connects to these addresses and to no other. {@code name} is the host as the URL names it,
 * for the Host header, TLS server name and certificate check; null when the URL names an
 * address, not a name.
 */
public record Target(URI uri, String name, List<InetAddress> addresses) {

    public Target {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a target has at least one address");
        }
    }
}
