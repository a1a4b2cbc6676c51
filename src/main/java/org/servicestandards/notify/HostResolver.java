package org.servicestandards.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Finds the addresses of a host name. The system's resolver in service; tests give names the
 * addresses they need (a DNS answer that changes between registration and delivery, say),
 * since they cannot reach DNS.
 */
@FunctionalInterface
public interface HostResolver {

    /** The system's resolver (hosts file, then DNS). */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** Every address {@code host} has now; never empty. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
