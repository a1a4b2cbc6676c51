package org.servicestandards.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.servicestandards.app.Application;
import org.servicestandards.jobs.Job;
import org.servicestandards.jobs.JobInput;
import org.servicestandards.jobs.JobRunner;
import org.servicestandards.jobs.JobState;
import org.servicestandards.records.ImportWork;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Imports a file of records (a year of history from a help desk's export, say) into the store as
 * a job, and runs it here with a progress bar: this process is one more node for as long as it
 * runs. Stopped midway (Ctrl-C), it gives the job up, and a node serving the store goes on from
 * where it got to; {@code --follow} watches a job (and helps run it) from anywhere.
 * Exit status: 0 when every record was stored, 1 when some were refused, 2 when the job failed
 * or was cancelled, or the rules, store or file cannot be used.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a file of records (NDJSON, one a line) into the store as a job, judged as the service judges them, "
                + "with a progress bar.", "The job lives in the store: stopped midway, a node serving the store goes on with it."})
final class ImportCommand implements Callable<Integer> {

    /** The longest line a record may take. */
    private static final int MAX_LINE_BYTES = 10 * 1024 * 1024;

    @Mixin
    StoreOptions store;

    @ArgGroup(multiplicity = "1")
    What what;

    static final class What {
        @Parameters(paramLabel = "FILE", description = "The file of records, NDJSON.")
        Path file;

        @Option(names = "--follow", paramLabel = "JOB", description = "Follow (and help run) a job already started, by its id.")
        String follow;
    }

    @Option(names = "--rules", defaultValue = "${env:STANDARDS_RULES:-./rules}", description = "Rules directory (default ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--as-of", converter = CheckCommand.InstantConverter.class,
            description = "Judge every record as of this instant, a backfill (ISO-8601 with offset; default: when it is judged).")
    Instant asOf;

    @Option(names = "--detach", description = "Only start the job and print its id: a node serving the store runs it.")
    boolean detach;

    @Option(names = "--as", description = "Who imports, for the audit log (default: command line and the user).")
    String as;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws InterruptedException {
        Application application = CheckCommand.open(store.config(), rules, err);
        if (application == null) {
            return 2;
        }
        try (application) {
            Optional<Job> started = what.file != null ? start(application) : application.jobs().find(what.follow);
            if (started.isEmpty()) {
                if (what.follow != null) {
                    err.println("no job with id '" + what.follow + "'");
                }
                return 2;
            }
            Job job = started.get();
            out.println("job " + job.id() + (job.total() == null ? "" : ": " + job.total() + " records"));
            if (detach) {
                return 0;
            }
            Job ended = runHere(application, job, "import", "records", ", or here with: import --follow " + job.id(), err);
            return report(ended);
        }
    }

    private Optional<Job> start(Application application) {
        String actor = as == null || as.isBlank() ? KeysCommand.actor() : as;
        Map<String, String> params = asOf == null ? Map.of() : Map.of("asOf", asOf.toString());
        try (InputStream in = Files.newInputStream(what.file)) {
            Job job = application.jobs().submit(ImportWork.KIND, params, actor, null, in, Long.MAX_VALUE, MAX_LINE_BYTES);
            application.audit().append(actor, "import.start", job.id(), Map.of("file", what.file.toString(),
                    "records", job.total() == null ? 0 : job.total(), "params", params));
            return Optional.of(job);
        } catch (IOException | JobInput.Refused | java.io.UncheckedIOException e) {
            err.println(what.file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Watches {@code job} until it ends, with a progress bar of {@code unit} on {@code err}; the job as it ended. */
    static Job follow(Application application, Job job, String task, String unit, PrintStream err) throws InterruptedException {
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(job.total() == null ? -1 : job.total())
                .setStyle(ProgressBarStyle.ASCII).setUnit(" " + unit, 1).showSpeed().setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(err)).build()) {
            while (true) {
                Job now = application.jobs().find(job.id()).orElseThrow();
                if (now.total() != null) {
                    bar.maxHint(now.total());
                }
                bar.stepTo(now.done());
                bar.setExtraMessage(now.state().name().toLowerCase(java.util.Locale.ROOT));
                if (now.state().ended()) {
                    return now;
                }
                Thread.sleep(500);
            }
        }
    }

    /**
     * Runs jobs here until {@code job} ends, following it: stopped midway (Ctrl-C), this node gives
     * the job up at once, for a node serving the store to go on with.
     */
    static Job runHere(Application application, Job job, String task, String unit, String resume, PrintStream err)
            throws InterruptedException {
        JobRunner runner = application.runJobs();
        Thread stopped = new Thread(() -> {
            runner.close();
            err.println("\nstopped: job " + job.id() + " goes on on a node serving this store" + resume);
        });
        Runtime.getRuntime().addShutdownHook(stopped);
        Job ended = follow(application, job, task, unit, err);
        Runtime.getRuntime().removeShutdownHook(stopped);
        return ended;
    }

    private int report(Job job) {
        Map<String, Object> result = job.result();
        out.printf("job %s %s: %d records; created %s, revised %s, unchanged %s, refused %s%n", job.id(),
                job.state().name().toLowerCase(java.util.Locale.ROOT), job.done(), count(result, "created"),
                count(result, "revised"), count(result, "unchanged"), count(result, "rejected"));
        if (job.error() != null) {
            err.println(job.error());
        }
        if (result.get("refusals") instanceof List<?> refusals) {
            refusals.forEach(refusal -> err.println("refused: " + refusal));
        }
        if (job.state() != JobState.SUCCEEDED) {
            return 2;
        }
        return count(result, "rejected") > 0 ? 1 : 0;
    }

    private static long count(Map<String, Object> result, String key) {
        return result.get(key) instanceof Number n ? n.longValue() : 0;
    }
}
