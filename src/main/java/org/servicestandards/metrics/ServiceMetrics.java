package org.servicestandards.metrics;

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
import java.time.Duration;
import java.util.Locale;
import org.servicestandards.service.RuleSets;

/**
 * The service's Prometheus metrics: rule-set loads accepted and refused (so a refused edit
 * shows on a dashboard and can raise an alert), the loaded rule set's age, request timings and
 * the JVM.
 */
public final class ServiceMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public ServiceMetrics(RuleSets ruleSets) {
        for (RuleSets.Trigger trigger : RuleSets.Trigger.values()) {
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
