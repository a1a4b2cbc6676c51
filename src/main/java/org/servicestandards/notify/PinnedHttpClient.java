package org.servicestandards.notify;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Posts to a checked {@link Target}, connecting only to the addresses that were checked, and
 * follows no redirect (a 3xx is an answer like any other).
 *
 * <p>java.net.http.HttpClient resolves the URL's host itself, so between the check and the
 * connection DNS could answer otherwise (rebinding); putting the address in the URL instead would
 * break https, whose server name (SNI) and certificate check must use the name, and it forbids
 * setting Host. Jetty's client asks a {@link SocketAddressResolver} for the addresses to connect
 * to: ours never resolves, it answers the addresses the request carries as its tag, each with
 * the URL's name attached, which Jetty uses for the TLS server name and the certificate's
 * host name check while the Host header comes from the URL as usual. A tag is part of Jetty's
 * connection pool key, so a kept-alive connection is reused only by a delivery whose check came
 * to the same addresses.
 */
public final class PinnedHttpClient implements AutoCloseable {

    /** The addresses a request may connect to, and the name to present for them. */
    private record Pin(String name, List<InetAddress> addresses) {
    }

    private final HttpClient http;

    /**
     * A started client. {@code trust} decides which certificates receivers may present; null
     * for the JVM's trusted authorities.
     */
    public PinnedHttpClient(Duration connectTimeout, String userAgent, SSLContext trust) {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        if (trust != null) {
            tls.setSslContext(trust);
        }
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("webhook-client");
        threads.setDaemon(true);
        connector.setExecutor(threads);
        connector.setScheduler(new ScheduledExecutorScheduler("webhook-client-scheduler", true));
        http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        http.setSocketAddressResolver(PinnedHttpClient::pinned);
        http.setConnectTimeout(connectTimeout.toMillis());
        http.setFollowRedirects(false);
        http.setHttpCookieStore(new HttpCookieStore.Empty());
        http.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, userAgent));
        // A destination per pin: let those no longer used go, with their idle connections.
        http.setDestinationIdleTimeout(Duration.ofMinutes(1).toMillis());
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("the webhook client did not start", e);
        }
        http.getProtocolHandlers().remove(RedirectProtocolHandler.NAME);
    }

    /** The addresses the request's pin carries; a request without one connects nowhere. */
    private static void pinned(String host, int port, Map<String, Object> context,
                               Promise<List<InetSocketAddress>> promise) {
        Destination destination = (Destination) context.get(Destination.CONTEXT_KEY);
        if (destination == null || !(destination.getOrigin().getTag() instanceof Pin pin)) {
            promise.failed(new UnknownHostException(host + ": not a checked webhook target"));
            return;
        }
        try {
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (InetAddress address : pin.addresses()) {
                // Named, so Jetty's TLS takes the name for SNI and the certificate check, not the address.
                InetAddress named = pin.name() == null ? address : InetAddress.getByAddress(pin.name(), address.getAddress());
                addresses.add(new InetSocketAddress(named, port));
            }
            promise.succeeded(addresses);
        } catch (UnknownHostException e) {
            promise.failed(e);
        }
    }

    /**
     * Posts {@code body} with {@code headers} to the target; completes with the answer's status,
     * or exceptionally when there was none within {@code timeout} (connecting included).
     */
    public CompletableFuture<Integer> post(Target target, Map<String, String> headers, String contentType, byte[] body,
                                           Duration timeout) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Request request = http.newRequest(target.uri())
                .method("POST")
                .tag(new Pin(target.name(), target.addresses()))
                .followRedirects(false)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .body(new BytesRequestContent(contentType, body));
        request.headers(fields -> headers.forEach(fields::put));
        request.send(result -> {
            if (result.isSucceeded()) {
                status.complete(result.getResponse().getStatus());
            } else {
                status.completeExceptionally(result.getFailure());
            }
        });
        return status;
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the webhook client did not stop", e);
        }
    }
}
