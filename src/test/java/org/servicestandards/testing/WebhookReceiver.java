package org.servicestandards.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP or HTTPS receiver of webhooks on 127.0.0.1: records every request it gets, and
 * answers 200 unless told to fail the next ones (with a status, by closing the connection, by
 * answering too late, or by redirecting elsewhere).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** The answer given by {@link #dropNext}: the connection is closed without one. */
    public static final int DROPPED = -1;

    /**
     * One request as received, the status it was answered with ({@link #DROPPED} for none), and
     * over HTTPS the server name the client asked for in its TLS hello (SNI; null without).
     */
    public record Received(Map<String, String> headers, byte[] bytes, int answered, String serverName) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private record Script(int status, Duration delay, String location) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new ArrayList<>();
    private final Deque<Script> script = new ArrayDeque<>();

    private WebhookReceiver(SSLContext tls) {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try {
            if (tls == null) {
                server = HttpServer.create(loopback, 0);
            } else {
                HttpsServer https = HttpsServer.create(loopback, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static WebhookReceiver start() {
        return new WebhookReceiver(null);
    }

    /** An HTTPS receiver presenting the key and certificate of {@code tls}. */
    public static WebhookReceiver startHttps(SSLContext tls) {
        return new WebhookReceiver(tls);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return url("127.0.0.1");
    }

    /** Its URL under another host name, which a test's resolver maps to 127.0.0.1. */
    public String url(String host) {
        return (server instanceof HttpsServer ? "https://" : "http://") + host + ":" + port() + "/hook";
    }

    /** The next {@code times} requests are answered with {@code status}. */
    public synchronized WebhookReceiver failNext(int times, int status) {
        for (int i = 0; i < times; i++) {
            script.add(new Script(status, Duration.ZERO, null));
        }
        return this;
    }

    /** The next {@code times} requests get their connection closed without an answer. */
    public WebhookReceiver dropNext(int times) {
        return failNext(times, DROPPED);
    }

    /** The next request is answered 200, but only after {@code delay}. */
    public synchronized WebhookReceiver delayNext(Duration delay) {
        script.add(new Script(200, delay, null));
        return this;
    }

    /** The next request is answered {@code 302 Found} to {@code location}. */
    public synchronized WebhookReceiver redirectNext(String location) {
        script.add(new Script(302, Duration.ZERO, location));
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests answered with a 2xx. */
    public synchronized List<Received> acknowledged() {
        return received.stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        Script next;
        synchronized (this) {
            next = script.isEmpty() ? new Script(200, Duration.ZERO, null) : script.poll();
            received.add(new Received(headers, body, next.status(), serverName(exchange)));
        }
        if (!next.delay().isZero()) {
            try {
                Thread.sleep(next.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (next.status() == DROPPED) {
            // The server closes the connection of a handler that fails before answering.
            throw new IOException("dropping the connection, as scripted");
        }
        if (next.location() != null) {
            exchange.getResponseHeaders().add("Location", next.location());
        }
        exchange.sendResponseHeaders(next.status(), -1);
        exchange.close();
    }

    private static String serverName(HttpExchange exchange) {
        if (exchange instanceof HttpsExchange https && https.getSSLSession() instanceof ExtendedSSLSession session) {
            return session.getRequestedServerNames().stream().filter(SNIHostName.class::isInstance)
                    .map(name -> ((SNIHostName) name).getAsciiName()).findFirst().orElse(null);
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
