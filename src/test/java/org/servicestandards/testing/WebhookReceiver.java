package org.servicestandards.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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

/**
 * A real HTTP receiver of webhooks on 127.0.0.1: records every request it gets, and answers 200
 * unless told to fail the next ones (with a status, by closing the connection, or by answering
 * too late).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** The answer given by {@link #dropNext}: the connection is closed without one. */
    public static final int DROPPED = -1;

    /** One request as received, and the status it was answered with ({@link #DROPPED} for none). */
    public record Received(Map<String, String> headers, byte[] bytes, int answered) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private record Script(int status, Duration delay) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new ArrayList<>();
    private final Deque<Script> script = new ArrayDeque<>();

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code times} requests are answered with {@code status}. */
    public synchronized WebhookReceiver failNext(int times, int status) {
        for (int i = 0; i < times; i++) {
            script.add(new Script(status, Duration.ZERO));
        }
        return this;
    }

    /** The next {@code times} requests get their connection closed without an answer. */
    public WebhookReceiver dropNext(int times) {
        return failNext(times, DROPPED);
    }

    /** The next request is answered 200, but only after {@code delay}. */
    public synchronized WebhookReceiver delayNext(Duration delay) {
        script.add(new Script(200, delay));
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
            next = script.isEmpty() ? new Script(200, Duration.ZERO) : script.poll();
            received.add(new Received(headers, body, next.status()));
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
        exchange.sendResponseHeaders(next.status(), -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
