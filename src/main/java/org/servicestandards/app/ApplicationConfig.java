package org.servicestandards.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.servicestandards.access.RateLimits;
import org.servicestandards.notify.DeliverySettings;
import org.servicestandards.notify.HostResolver;

/**
 * Everything the application is built from, complete and immutable: checked when made, so a
 * bad setting stops the command before anything opens. {@link #defaults()} is what
 * {@code serve} runs with when given no options; each {@code with…} gives a copy with one part
 * changed.
 *
 * @param clock          the time the service judges by
 * @param store          where records are kept
 * @param rules          the rules directory
 * @param watch          whether the rules reload by themselves when their files change
 * @param listen         the address and port the HTTP API listens on
 * @param limits         what one request and one key may ask of the service
 * @param sweep          when the daily sweep of the history standards runs, and how many threads judge
 * @param deadlinesEvery how often records whose deadlines have passed are judged again
 * @param adminKey       the first admin key to make, when the store has none (empty: a random one)
 * @param webhooks       where webhooks may go and how they are delivered
 * @param ruleCache      where compiled rule bases are kept for the next start (empty: nowhere, every start compiles)
 */
public record ApplicationConfig(Clock clock, StoreConfig store, Path rules, Watch watch, Listen listen, Limits limits,
                                Sweep sweep, Duration deadlinesEvery, Optional<String> adminKey, Webhooks webhooks,
                                Optional<Path> ruleCache) {

    public ApplicationConfig {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sweep, "sweep");
        positive("the deadline keeper's interval", deadlinesEvery);
        adminKey = adminKey == null ? Optional.empty() : adminKey.filter(key -> !key.isBlank());
        Objects.requireNonNull(webhooks, "webhooks");
        ruleCache = ruleCache == null ? Optional.empty() : ruleCache;
    }

    /** Reload the rules by themselves once their files have been quiet for {@code quietPeriod}, or never. */
    public record Watch(boolean enabled, Duration quietPeriod) {
        public Watch {
            positive("--watch-quiet-ms", quietPeriod);
        }

        public static Watch never() {
            return new Watch(false, Duration.ofMillis(500));
        }
    }

    /** Where the HTTP API listens: {@code host} null for every interface; port 0 for any free one. */
    public record Listen(String host, int port) {
        public Listen {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--port must be from 0 to 65535, not " + port);
            }
        }
    }

    /** The largest request body, the most records in one request, and requests a minute per key. */
    public record Limits(long maxBodyBytes, int maxBatchRecords, long requestsPerMinute) {

        /** 6,000 requests a minute per key: 100 a second, far above any person, enough for a busy system's feed. */
        public static final long DEFAULT_REQUESTS_PER_MINUTE = 6_000;

        public Limits {
            if (maxBodyBytes <= 0) {
                throw new IllegalArgumentException("--max-body-mb must be positive, not " + maxBodyBytes + " bytes");
            }
            if (maxBatchRecords <= 0) {
                throw new IllegalArgumentException("--max-batch must be positive, not " + maxBatchRecords);
            }
            if (requestsPerMinute <= 0 || requestsPerMinute > RateLimits.MAX_PER_MINUTE) {
                throw new IllegalArgumentException("--rate-limit must be from 1 to " + RateLimits.MAX_PER_MINUTE
                        + " requests a minute, not " + requestsPerMinute);
            }
        }

        public static Limits defaults() {
            return new Limits(16L * 1024 * 1024, 10_000, DEFAULT_REQUESTS_PER_MINUTE);
        }
    }

    /** The daily sweep of the history standards at {@code at} in {@code zone}, judged on {@code threads} threads. */
    public record Sweep(LocalTime at, ZoneId zone, int threads) {
        public Sweep {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(zone, "zone");
            if (threads < 1) {
                throw new IllegalArgumentException("history standards need at least one thread, not " + threads);
            }
        }

        public static Sweep defaults() {
            return new Sweep(LocalTime.of(2, 0), ZoneOffset.UTC, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * Webhooks go to public addresses and to the internal receivers in {@code allow} (address
     * ranges in CIDR notation or exact host names), names found by {@code resolver}, delivered as
     * {@code delivery} says.
     */
    public record Webhooks(List<String> allow, HostResolver resolver, DeliverySettings delivery) {
        public Webhooks {
            allow = allow == null ? List.of() : allow.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
            Objects.requireNonNull(resolver, "resolver");
            Objects.requireNonNull(delivery, "delivery");
        }

        public static Webhooks defaults() {
            return new Webhooks(List.of(), HostResolver.SYSTEM, DeliverySettings.defaults());
        }
    }

    /**
     * The service as {@code serve} runs it without options: ./rules watched, SQLite in ./data, port
     * 8080; {@code serve} also keeps compiled rules in ./data/rule-cache, which this leaves out.
     */
    public static ApplicationConfig defaults() {
        return new ApplicationConfig(Clock.systemUTC(), new StoreConfig.Embedded(Path.of("data")), Path.of("rules"),
                new Watch(true, Duration.ofMillis(500)), new Listen(null, 8080), Limits.defaults(), Sweep.defaults(),
                Duration.ofSeconds(30), Optional.empty(), Webhooks.defaults(), Optional.empty());
    }

    public ApplicationConfig withClock(Clock clock) {
        return new ApplicationConfig(clock, store, rules, watch, listen, limits, sweep, deadlinesEvery, adminKey, webhooks, ruleCache);
    }

    public ApplicationConfig withStore(StoreConfig store) {
        return new ApplicationConfig(clock, store, rules, watch, listen, limits, sweep, deadlinesEvery, adminKey, webhooks, ruleCache);
    }

    public ApplicationConfig withRules(Path rules) {
        return new ApplicationConfig(clock, store, rules, watch, listen, limits, sweep, deadlinesEvery, adminKey, webhooks, ruleCache);
    }

    public ApplicationConfig withWatch(Watch watch) {
        return new ApplicationConfig(clock, store, rules, watch, listen, limits, sweep, deadlinesEvery, adminKey, webhooks, ruleCache);
    }

    public ApplicationConfig withListen(Listen listen) {
        return new ApplicationConfig(clock, store, rules, watch, listen, limits, sweep, deadlinesEvery, adminKey, webhooks, ruleCache);
    }

    public ApplicationConfig withLimits(Limits limits) {
        return new ApplicationConfig(clock, store, rules, watch, listen, limits, sweep, deadlinesEvery, adminKey, webhooks, ruleCache);
    }

    public ApplicationConfig withSweep(Sweep sweep) {
        return new ApplicationConfig(clock, store, rules, watch, listen, limits, sweep, deadlinesEvery, adminKey, webhooks, ruleCache);
    }

    public ApplicationConfig withDeadlinesEvery(Duration deadlinesEvery) {
        return new ApplicationConfig(clock, store, rules, watch, listen, limits, sweep, deadlinesEvery, adminKey, webhooks, ruleCache);
    }

    public ApplicationConfig withAdminKey(String adminKey) {
        return new ApplicationConfig(clock, store, rules, watch, listen, limits, sweep, deadlinesEvery,
                Optional.ofNullable(adminKey), webhooks, ruleCache);
    }

    public ApplicationConfig withWebhooks(Webhooks webhooks) {
        return new ApplicationConfig(clock, store, rules, watch, listen, limits, sweep, deadlinesEvery, adminKey, webhooks, ruleCache);
    }

    public ApplicationConfig withRuleCache(Path ruleCache) {
        return new ApplicationConfig(clock, store, rules, watch, listen, limits, sweep, deadlinesEvery, adminKey, webhooks,
                Optional.ofNullable(ruleCache));
    }

    private static void positive(String what, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + (duration == null ? "missing" : duration.toMillis() + " ms"));
        }
    }
}
