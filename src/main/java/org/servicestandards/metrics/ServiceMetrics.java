package org.servicestandards.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.servicestandards.history.HistoryStandards;
import org.servicestandards.jobs.JobRuns;
import org.servicestandards.records.StandardsService;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.rulesets.LoadTrigger;
import org.servicestandards.verdict.StandardOutcome;

/**
 * The service's Prometheus metrics: rule-set loads accepted and refused (so a refused edit
 * shows on a dashboard and can raise an alert), the loaded rule set's age, request timings and
 * the JVM.
 */
public final class ServiceMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public ServiceMetrics(RuleSets ruleSets) {
        for (LoadTrigger trigger : LoadTrigger.values()) {
            String name = trigger.name().toLowerCase(Locale.ROOT);
            FunctionCounter.builder("standards_rule_loads", ruleSets, r -> r.reloadCounts().get(trigger).ok())
                    .description("Rule-set loads accepted").tag("trigger", name).tag("result", "accepted").register(registry);
            FunctionCounter.builder("standards_rule_loads", ruleSets, r -> r.reloadCounts().get(trigger).refused())
                    .description("Rule-set loads refused; the last good rule set kept serving").tag("trigger", name)
                    .tag("result", "refused").register(registry);
        }
        Gauge.builder("standards_rule_set_last_load_ok", ruleSets, r -> r.lastLoad().ok() ? 1 : 0)
                .description("1 when the latest load of rules/ was accepted, 0 when it was refused").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** Counts the verdicts the service stores, by standard and outcome, and follows its history standards. */
    public ServiceMetrics service(StandardsService service) {
        // Found once per standard and outcome: every stored record passes here.
        Map<String, Counter> counters = new ConcurrentHashMap<>();
        service.onStored(verdict -> {
            for (StandardOutcome outcome : verdict.outcomes()) {
                counters.computeIfAbsent(outcome.standard() + '\u0000' + outcome.outcome().name(), key -> Counter
                        .builder("standards_verdicts").description("Outcomes stored, by standard and outcome")
                        .tag("standard", outcome.standard()).tag("outcome", outcome.outcome().name()).register(registry))
                        .increment();
            }
        });
        history(service.history());
        return this;
    }

    /**
     * {@code target}, with every call of {@code type}'s methods timed as
     * {@code standards_store_seconds{store, operation}}: how long the store takes, by operation.
     */
    public <T> T timed(Class<T> type, T target) {
        String store = type.getSimpleName();
        Map<java.lang.reflect.Method, Timer> timers = new ConcurrentHashMap<>();
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            Timer.Sample sample = Timer.start(registry);
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                sample.stop(timers.computeIfAbsent(method, m -> Timer.builder("standards_store")
                        .description("Store operations by store and operation").tag("store", store).tag("operation", m.getName())
                        .publishPercentileHistogram().register(registry)));
            }
        });
        return type.cast(proxy);
    }

    /** The history standards' sweep: when it was as of, how long it took, what it judged and kept. */
    public ServiceMetrics history(HistoryStandards history) {
        Gauge.builder("standards_history_sweep_last_as_of_seconds", history,
                        h -> h.lastSweepRun().map(s -> (double) s.asOf().getEpochSecond()).orElse(Double.NaN))
                .description("asOf of the last history sweep this process ran, epoch seconds").register(registry);
        Gauge.builder("standards_history_sweep_last_duration_seconds", history,
                        h -> h.lastSweepTook().map(d -> d.toNanos() / 1e9).orElse(Double.NaN))
                .description("How long the last history sweep took").register(registry);
        Gauge.builder("standards_history_sweep_last_customers", history,
                        h -> h.lastSweepRun().map(s -> (double) s.customers()).orElse(Double.NaN))
                .description("Customers the last history sweep judged").register(registry);
        Gauge.builder("standards_history_sweep_last_failed_customers", history,
                        h -> h.lastSweepRun().map(s -> (double) s.failed()).orElse(Double.NaN))
                .description("Customers the last history sweep could not judge (a rule failed); see the log").register(registry);
        FunctionCounter.builder("standards_history_unkept_customers", history, HistoryStandards::unkeptCustomers)
                .description("Customers judged again whose history outcomes the store would not keep; see the log")
                .register(registry);
        return this;
    }

    /**
     * A background job's runs, as {@code standards_background_runs_total{job, result}} and
     * {@code standards_background_last_success_seconds{job}}: one that fails on every tick shows.
     */
    public ServiceMetrics job(String name, JobRuns runs) {
        FunctionCounter.builder("standards_background_runs", runs, JobRuns::succeededCount)
                .description("Runs of background jobs, by job and result").tag("job", name).tag("result", "ok").register(registry);
        FunctionCounter.builder("standards_background_runs", runs, JobRuns::failedCount)
                .description("Runs of background jobs, by job and result").tag("job", name).tag("result", "failed")
                .register(registry);
        Gauge.builder("standards_background_last_success_seconds", runs,
                        r -> r.lastSuccessMillis() < 0 ? Double.NaN : r.lastSuccessMillis() / 1000.0)
                .description("When a background job last ran through, epoch seconds").tag("job", name).register(registry);
        return this;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Records one HTTP request by matched route, method and status. */
    public void request(String method, String route, int status, Duration took) {
        Timer.builder("standards_http_requests").description("HTTP requests by route and status")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .publishPercentileHistogram().register(registry).record(took);
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }
}
