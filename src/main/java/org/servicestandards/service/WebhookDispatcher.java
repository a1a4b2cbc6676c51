package org.servicestandards.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.servicestandards.standards.StandardDefinition;
import org.servicestandards.store.DueDelivery;
import org.servicestandards.store.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: posts each due delivery to its webhook, signed, and settles it by the
 * answer (a 2xx acknowledges it for good; anything else, a timeout or no connection is retried
 * with exponential backoff until the attempts run out). Also scans for PENDING outcomes entering
 * their webhooks' warning window. Everything it knows is in the store, so a new dispatcher on
 * the same store (after a restart) carries on with whatever was not delivered.
 *
 * <p>Built idle, for tests that drive it by {@link #deliverDue()} and {@link #scanAtRisk()};
 * {@link #start} runs both on a daemon thread.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** How many deliveries a round claims at most (one per webhook). */
    private static final int BATCH = 100;
    /** How many rounds one call makes at most; each round sends the next delivery of each webhook. */
    private static final int ROUNDS = 100;

    /**
     * How often the outbox is polled and the at-risk scan runs; the first retry waits
     * {@code backoffBase}, each later one three times longer, at most {@code backoffCap}; after
     * {@code maxAttempts} failed attempts a delivery is given up (kept as FAILED).
     */
    public record Settings(Duration pollEvery, Duration scanEvery, Duration backoffBase, Duration backoffCap,
                           int maxAttempts, Duration connectTimeout, Duration requestTimeout) {

        public Settings {
            for (Duration d : List.of(pollEvery, scanEvery, backoffBase, backoffCap, connectTimeout, requestTimeout)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("webhook dispatcher durations must be positive, not " + d);
                }
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("at least one attempt, not " + maxAttempts);
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofHours(1),
                    12, Duration.ofSeconds(5), Duration.ofSeconds(10));
        }
    }

    private final Webhooks webhooks;
    private final Supplier<Map<String, String>> declaredSeverities;
    private final Clock clock;
    private final Settings settings;
    private final HttpClient http;
    private final Object delivering = new Object();
    private final Object scanning = new Object();
    private final JobRuns scans;
    private final JobRuns deliveries;
    private ScheduledExecutorService scheduler;

    /**
     * An idle dispatcher. {@code declaredSeverities} gives each standard's declared severity
     * (standard id to severity name) for at-risk warnings, e.g. {@link #declaredSeverities(RuleSets)}.
     */
    public WebhookDispatcher(Webhooks webhooks, Supplier<Map<String, String>> declaredSeverities, Clock clock,
                             Settings settings) {
        this.webhooks = webhooks;
        this.declaredSeverities = declaredSeverities;
        this.clock = clock;
        this.scans = new JobRuns(clock);
        this.deliveries = new JobRuns(clock);
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A dispatcher polling the outbox and scanning for at-risk outcomes on its own daemon thread. */
    public static WebhookDispatcher start(Webhooks webhooks, Supplier<Map<String, String>> declaredSeverities, Clock clock,
                                          Settings settings) {
        WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, declaredSeverities, clock, settings);
        dispatcher.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        dispatcher.scheduler.scheduleWithFixedDelay(() -> dispatcher.safely("scanning for at-risk outcomes",
                dispatcher.scans, dispatcher::scanAtRisk), 0, settings.scanEvery().toMillis(), TimeUnit.MILLISECONDS);
        dispatcher.scheduler.scheduleWithFixedDelay(() -> dispatcher.safely("delivering webhooks",
                dispatcher.deliveries, dispatcher::deliverDue), 0, settings.pollEvery().toMillis(), TimeUnit.MILLISECONDS);
        return dispatcher;
    }

    private void safely(String what, JobRuns runs, Supplier<Integer> work) {
        try {
            work.get();
            runs.succeeded();
        } catch (RuntimeException e) {
            runs.failed();
            LOG.error("{} failed; trying again later", what, e);
        }
    }

    /** How the at-risk scans went. */
    public JobRuns scans() {
        return scans;
    }

    /** How the outbox polls went (a failed delivery is no failed poll: it is retried as documented). */
    public JobRuns deliveries() {
        return deliveries;
    }

    /** Each standard of the serving rule set and its declared severity. */
    public static Map<String, String> declaredSeverities(RuleSets ruleSets) {
        Map<String, String> severities = new HashMap<>();
        for (StandardDefinition standard : ruleSets.current().standards()) {
            if (standard.severity() != null) {
                severities.put(standard.id(), standard.severity().name());
            }
        }
        return severities;
    }

    /** Enqueues the at-risk warnings due now; answers how many deliveries were enqueued. */
    public int scanAtRisk() {
        synchronized (scanning) {
            int enqueued = webhooks.enqueueAtRisk(clock.instant(), declaredSeverities.get());
            if (enqueued > 0) {
                LOG.info("{} at-risk warnings enqueued for webhooks", enqueued);
            }
            return enqueued;
        }
    }

    /**
     * Sends every delivery due now, the receivers side by side and each receiver's deliveries in
     * order; answers how many were acknowledged.
     */
    public int deliverDue() {
        synchronized (delivering) {
            int acknowledged = 0;
            Duration lease = settings.connectTimeout().plus(settings.requestTimeout()).plusSeconds(30);
            for (int round = 0; round < ROUNDS; round++) {
                Instant now = clock.instant();
                List<DueDelivery> due = webhooks.claimDue(now, now.plus(lease), BATCH);
                if (due.isEmpty()) {
                    break;
                }
                List<CompletableFuture<Answer>> answers = due.stream().map(this::send).toList();
                for (int i = 0; i < due.size(); i++) {
                    if (settle(due.get(i), answers.get(i).join())) {
                        acknowledged++;
                    }
                }
            }
            return acknowledged;
        }
    }

    /** What a receiver answered: its status, or why there was none. */
    private record Answer(Integer status, String error) {
    }

    private CompletableFuture<Answer> send(DueDelivery delivery) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "service-standards-webhooks")
                    .header("X-Standards-Event", delivery.type())
                    .header("X-Standards-Delivery", delivery.eventId())
                    .header("X-Standards-Timestamp", Long.toString(clock.instant().getEpochSecond()))
                    .header("X-Standards-Signature", "sha256=" + sign(delivery.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Answer(null, "cannot post to this url: " + e.getMessage()));
        }
        // The request timeout bounds the wait for the answer's head; this bounds a body that never ends.
        Duration limit = settings.connectTimeout().plus(settings.requestTimeout()).plusSeconds(1);
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> failure == null ? new Answer(response.statusCode(), null)
                        : new Answer(null, describe(failure)));
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect within " + settings.connectTimeout();
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "no answer within " + settings.requestTimeout();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Records the answer; true when the receiver acknowledged the delivery. */
    private boolean settle(DueDelivery delivery, Answer answer) {
        Instant at = clock.instant();
        if (answer.status() != null && answer.status() / 100 == 2) {
            webhooks.delivered(delivery.id(), at, answer.status());
            return true;
        }
        int attempts = delivery.attempts() + 1;
        String error = answer.status() != null ? "HTTP " + answer.status() : answer.error();
        Instant retryAt = attempts >= settings.maxAttempts() ? null : at.plus(backoff(attempts));
        webhooks.attemptFailed(delivery.id(), at, answer.status(), error, retryAt);
        if (retryAt == null) {
            LOG.warn("webhook {}: gave up delivering event {} after {} attempts; the last: {}", delivery.webhookId(),
                    delivery.eventId(), attempts, error);
        } else {
            LOG.info("webhook {}: attempt {} to deliver event {} failed ({}); next at {}", delivery.webhookId(), attempts,
                    delivery.eventId(), error, retryAt);
        }
        return false;
    }

    /** How long to wait after the given number of failed attempts: the base, then three times longer each time, capped. */
    public Duration backoff(int failedAttempts) {
        Duration wait = settings.backoffBase();
        for (int i = 1; i < failedAttempts && wait.compareTo(settings.backoffCap()) < 0; i++) {
            wait = wait.multipliedBy(3);
        }
        return wait.compareTo(settings.backoffCap()) > 0 ? settings.backoffCap() : wait;
    }

    /** The lowercase hex HMAC-SHA256 of the body under the secret: what {@code X-Standards-Signature} carries after {@code sha256=}. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
