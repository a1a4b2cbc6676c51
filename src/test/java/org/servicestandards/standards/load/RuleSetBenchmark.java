package org.servicestandards.standards.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.standards.Engine;
import org.servicestandards.standards.EvaluationBenchmark;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.verdict.Verdict;

/**
 * What officers' edits cost: compiling (reloading) the shipped rules and a rule set with 1,000
 * more rules, and judging with thresholds kept in decision tables against the same thresholds
 * written as plain DRL (each table replaced by the DRL it compiles to).
 *
 * <p>Run with {@code bench/jmh.sh RuleSetBenchmark}.
 */
public class RuleSetBenchmark {

    static Map<String, byte[]> shipped() {
        return RuleSetLoader.read(Path.of(System.getProperty("bench.rules", "rules")));
    }

    /** The shipped rules plus a file of 1,000 generated rules, each about one team's inbound calls. */
    static Map<String, byte[]> withThousandMoreRules() {
        Map<String, byte[]> files = new TreeMap<>(shipped());
        StringBuilder drl = new StringBuilder("package standards;\n\nimport org.servicestandards.interaction.*;\n"
                + "import org.servicestandards.standards.facts.*;\n\n");
        for (int n = 0; n < 1000; n++) {
            drl.append("rule \"first-response applies to inbound calls of team ").append(n).append("\"\nwhen\n")
                    .append("    $i : Interaction( direction == Direction.INBOUND, channel == Channel.PHONE, agent.team == \"team-")
                    .append(n).append("\" )\nthen\n    insert( new Applicable($i, \"first-response\") );\nend\n\n");
        }
        files.put("standards/generated.drl", drl.toString().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The shipped rules with every decision table replaced by the plain DRL it compiles to. */
    static Map<String, byte[]> tablesAsPlainDrl() {
        Map<String, byte[]> files = new TreeMap<>();
        shipped().forEach((path, content) -> {
            if (path.startsWith("tables/") && path.endsWith(".csv")) {
                try {
                    files.put(path.replace(".csv", ".drl"),
                            DecisionTables.csvToDrl(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.put(path, content);
            }
        });
        return files;
    }

    /** Compiling a rule set from its files, as a reload does (probes and example cases included). */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public static class Reload {

        @Param({"shipped", "shipped+1000"})
        public String rules;

        private Map<String, byte[]> files;

        @Setup(Level.Trial)
        public void read() {
            files = rules.equals("shipped") ? shipped() : withThousandMoreRules();
        }

        @Benchmark
        public RuleSet reload() {
            return new RuleSetLoader().compile(files);
        }
    }

    /** Judging one record at a time with the thresholds in tables, and the same as plain DRL. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    @Warmup(iterations = 4, time = 5)
    @Measurement(iterations = 5, time = 5)
    public static class Thresholds {

        private final Engine engine = new Engine();
        private RuleSet tables;
        private RuleSet plainDrl;
        private List<Interaction> mix;
        private int next;

        @Setup(Level.Trial)
        public void compile() {
            tables = new RuleSetLoader().compile(shipped());
            plainDrl = new RuleSetLoader().compile(tablesAsPlainDrl());
            mix = new ArrayList<>();
            for (int k = 0; k < EvaluationBenchmark.DESIGNS; k++) {
                mix.add(EvaluationBenchmark.design(k, "bench-" + k));
            }
        }

        private Interaction nextRecord() {
            Interaction record = mix.get(next);
            next = (next + 1) % mix.size();
            return record;
        }

        @Benchmark
        public Verdict decisionTables() {
            return engine.evaluate(tables, nextRecord(), EvaluationBenchmark.AS_OF);
        }

        @Benchmark
        public Verdict plainDrl() {
            return engine.evaluate(plainDrl, nextRecord(), EvaluationBenchmark.AS_OF);
        }
    }
}
