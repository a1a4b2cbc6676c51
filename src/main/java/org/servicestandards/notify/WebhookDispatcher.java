package org.servicestandards.notify;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import org.servicestandards.jobs.DaemonThreads;
import org.servicestandards.jobs.JobRuns;
import org.servicestandards.jobs.Leases;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.standards.StandardDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: posts each due delivery to its webhook, signed, and settles it by the
 * answer (a 2xx acknowledges it for good; anything else, a timeout or no connection is retried
 * with exponential backoff until the attempts run out). Before each attempt the webhook's host is
 * resolved again and every address checked against {@link WebhookTargets}; the post connects to
 * the addresses checked and to no other, and follows no redirect. A target refused then (its
 * name now resolves to an internal address, say) is a failed attempt whose error says why. Also
 * scans for PENDING outcomes entering their webhooks' warning window. Everything it knows is in
 * the store, so a new dispatcher on the same store (after a restart) carries on with whatever
 * was not delivered.
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

    private final Webhooks webhooks;
    private final Supplier<Map<String, String>> declaredSeverities;
    private final Clock clock;
    private final DeliverySettings settings;
    private final WebhookTargets targets;
    private final PinnedHttpClient http;
    /** Where names are resolved: a lookup blocks, and one slow name must not hold up the other receivers. */
    private final ExecutorService resolving = Executors.newCachedThreadPool(DaemonThreads.named("webhook-resolver"));
    private final Object delivering = new Object();
    private final Object scanning = new Object();
    private final JobRuns scans;
    private final JobRuns deliveries;
    private ScheduledExecutorService scheduler;

    /**
     * An idle dispatcher. {@code declaredSeverities} gives each standard's declared severity
     * (standard id to severity name) for at-risk warnings, e.g. {@link #declaredSeverities(RuleSets)};
     * {@code targets} says where it may post.
     */
    public WebhookDispatcher(Webhooks webhooks, Supplier<Map<String, String>> declaredSeverities, Clock clock,
                             DeliverySettings settings, WebhookTargets targets) {
        this(webhooks, declaredSeverities, clock, settings, targets, null);
    }

    /** An idle dispatcher trusting the certificates of {@code trust} (null: the JVM's trusted authorities). */
    public WebhookDispatcher(Webhooks webhooks, Supplier<Map<String, String>> declaredSeverities, Clock clock,
                             DeliverySettings settings, WebhookTargets targets, SSLContext trust) {
        this.webhooks = webhooks;
        this.declaredSeverities = declaredSeverities;
        this.clock = clock;
        this.scans = new JobRuns(clock);
        this.deliveries = new JobRuns(clock);
        this.settings = settings;
        this.targets = targets;
        this.http = new PinnedHttpClient(settings.connectTimeout(), "service-standards-webhooks", trust);
    }

    /** The lease that makes one node of the cluster scan for at-risk outcomes at a time. */
    public static final String SCAN_JOB = "at-risk-scan";

    /**
     * A dispatcher polling the outbox and scanning for at-risk outcomes on its own daemon thread.
     * Every node polls: a delivery is claimed by one node at a time. The scan runs on the node
     * holding its lease.
     */
    public static WebhookDispatcher start(Webhooks webhooks, Supplier<Map<String, String>> declaredSeverities, Clock clock,
                                          DeliverySettings settings, WebhookTargets targets, Leases leases) {
        WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, declaredSeverities, clock, settings, targets);
        dispatcher.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("webhook-dispatcher"));
        Duration scanLease = settings.scanEvery().multipliedBy(3);
        dispatcher.scheduler.scheduleWithFixedDelay(() -> dispatcher.safely("scanning for at-risk outcomes",
                dispatcher.scans, () -> leases.hold(SCAN_JOB, scanLease) ? dispatcher.scanAtRisk() : 0),
                0, settings.scanEvery().toMillis(), TimeUnit.MILLISECONDS);
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
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Standards-Event", delivery.type());
        headers.put("X-Standards-Delivery", delivery.eventId());
        headers.put("X-Standards-Timestamp", Long.toString(clock.instant().getEpochSecond()));
        headers.put("X-Standards-Signature", "sha256=" + sign(delivery.secret(), body));
        URI url;
        try {
            url = new URI(delivery.url());
        } catch (URISyntaxException e) {
            return CompletableFuture.completedFuture(new Answer(null, "cannot post to this url: " + e.getMessage()));
        }
        // A lookup that takes longer than a connection may is given up on (null); a late answer is dropped.
        Duration limit = settings.connectTimeout().plus(settings.requestTimeout()).plusSeconds(1);
        return CompletableFuture.supplyAsync(() -> check(url), resolving)
                .completeOnTimeout(null, settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(target -> target == null
                        ? CompletableFuture.<Integer>failedFuture(new UnknownHostException(url.getHost()
                                + " was not resolved within " + settings.connectTimeout()))
                        : http.post(target, headers, "application/json", body, settings.requestTimeout()))
                .orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .handle((status, failure) -> failure == null ? new Answer(status, null) : new Answer(null, describe(failure)));
    }

    private Target check(URI url) {
        try {
            return targets.check(url);
        } catch (TargetRefused refused) {
            throw new CompletionException(refused);
        }
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TargetRefused) {
            return "refused: " + cause.getMessage() + "; " + WebhookTargets.HOW_TO_ALLOW;
        }
        if (cause instanceof UnknownHostException) {
            return cause.getMessage();
        }
        if (cause instanceof SocketTimeoutException) {
            return "could not connect within " + settings.connectTimeout();
        }
        if (cause instanceof TimeoutException) {
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
        resolving.shutdownNow();
        http.close();
    }
}
