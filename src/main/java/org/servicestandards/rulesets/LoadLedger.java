package org.servicestandards.rulesets;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What became of a node's rule-set loads: the last one, how many were accepted and refused, and who hears of each. */
final class LoadLedger {

    private static final Logger LOG = LoggerFactory.getLogger(LoadLedger.class);

    private final AtomicReference<LoadResult> last = new AtomicReference<>();
    private final Map<LoadTrigger, AtomicLong> accepted = counters();
    private final Map<LoadTrigger, AtomicLong> refused = counters();
    private final List<Consumer<LoadResult>> listeners = new CopyOnWriteArrayList<>();

    /** Notes {@code result} and tells every listener of it; returns it. */
    LoadResult record(LoadResult result) {
        last.set(result);
        (result.ok() ? accepted : refused).get(result.trigger()).incrementAndGet();
        for (Consumer<LoadResult> listener : listeners) {
            try {
                listener.accept(result);
            } catch (RuntimeException e) {
                LOG.error("a listener of rule-set reloads failed on {}", result, e);
            }
        }
        return result;
    }

    LoadResult last() {
        return last.get();
    }

    void listen(Consumer<LoadResult> listener) {
        listeners.add(listener);
    }

    /** Accepted and refused loads by what triggered them (every trigger present, zero when none). */
    Map<LoadTrigger, ReloadCounts> counts() {
        Map<LoadTrigger, ReloadCounts> counts = new EnumMap<>(LoadTrigger.class);
        for (LoadTrigger trigger : LoadTrigger.values()) {
            counts.put(trigger, new ReloadCounts(accepted.get(trigger).get(), refused.get(trigger).get()));
        }
        return counts;
    }

    /** Accepted and refused loads, whatever triggered them. */
    ReloadCounts total() {
        long ok = 0;
        long no = 0;
        for (ReloadCounts counts : counts().values()) {
            ok += counts.ok();
            no += counts.refused();
        }
        return new ReloadCounts(ok, no);
    }

    private static Map<LoadTrigger, AtomicLong> counters() {
        Map<LoadTrigger, AtomicLong> counters = new EnumMap<>(LoadTrigger.class);
        for (LoadTrigger trigger : LoadTrigger.values()) {
            counters.put(trigger, new AtomicLong());
        }
        return counters;
    }
}
