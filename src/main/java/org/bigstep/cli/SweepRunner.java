package org.bigstep.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bigstep.io.AtomicFiles;
import org.bigstep.io.Numbers;
import org.bigstep.io.TraceReader;
import org.bigstep.io.TraceWriter;
import org.bigstep.training.TrainingResult;

/**
 * Runs many trainings, several at a time: a pool of {@code jobs} concurrent runs, each with
 * {@code max(1, threads / jobs)} kernel threads (a run's result does not depend on its thread count, so
 * every run is the same as a lone {@code train}). Writes {@code OUT/traces/NAME.csv} and {@code NAME.json}
 * per run and {@code OUT/summary.csv}, one row per run in the order given. A diverged run is recorded
 * ({@code diverged_step}) and the others go on.
 */
public final class SweepRunner {

    /** Makes the training job of one run once its thread count and output files are known. */
    public interface JobFactory {
        TrainingJob create(int threads, Path trace, Path summary);
    }

    /**
     * One run of a sweep: the values that vary (for the summary row) and how to build its job.
     *
     * @param name file-safe and unique within the sweep
     */
    public record Run(String name, String activation, int width, double eta, long seed, long steps, JobFactory factory) {
    }

    /** A finished run: its files, its result, and its trace read back. */
    public record Outcome(Run run, Path trace, Path summary, TrainingResult result) {
        public TraceReader.Trace readTrace() {
            return TraceReader.read(trace);
        }
    }

    /** The leading summary.csv columns; extra trace columns (e.g. test_accuracy) follow with their final value. */
    public static final List<String> SUMMARY_COLUMNS = List.of("run", "activation", "width", "eta", "seed", "steps",
            "steps_completed", "final_loss", "final_min_margin", "final_normalized_margin", "final_weight_norm",
            "stable_threshold", "first_below_threshold_step", "last_increase_step", "risk_increases", "diverged_step",
            "steps_per_second", "threads", "kernel", "trace");

    private final int threads;
    private final int jobs;
    private boolean progress;

    /**
     * @param threads the cores to use in total
     * @param jobs    runs at a time; 0 for min(threads, runs)
     */
    public SweepRunner(int threads, int jobs) {
        if (threads < 1 || jobs < 0) {
            throw new IllegalArgumentException("sweep: expected threads >= 1 and jobs >= 0, found " + threads + ", " + jobs);
        }
        this.threads = threads;
        this.jobs = jobs;
    }

    public SweepRunner withProgress(boolean on) {
        this.progress = on;
        return this;
    }

    /** The concurrent runs for this many runs. */
    public int concurrency(int runs) {
        return Math.max(1, Math.min(jobs == 0 ? threads : jobs, runs));
    }

    /** Threads per run. */
    public int threadsPerRun(int runs) {
        return Math.max(1, threads / concurrency(runs));
    }

    /**
     * Adds the test_accuracy column and summary fields (every {@code every} steps and the last), evaluated by
     * a kernel of the training kind that is closed when the run finishes.
     */
    public static void attachTestAccuracy(TrainingJob job, org.bigstep.data.Dataset test,
                                          org.bigstep.training.TrainingOptions options, long every) {
        org.bigstep.training.HeldOutAccuracy accuracy = new org.bigstep.training.HeldOutAccuracy(test,
                options.activation(), job.network(), options.threads(), options.kernel());
        TestAccuracyColumn.attach(job, accuracy, every, options.steps());
        job.withListener(new org.bigstep.training.StepListener() {
            @Override
            public void onStep(org.bigstep.margin.StepRecord record, org.bigstep.model.TwoLayerNetwork network) {
            }

            @Override
            public void onFinish(TrainingResult result) {
                // the last step's accuracy is cached for the summary, so the kernel can stop now
                accuracy.accuracy(result.lastRecord().step(), job.network());
                accuracy.close();
            }
        });
    }

    /** A file-safe run name from the values that vary: {@code leaky-softplus_m20_eta1000_seed0}. */
    public static String runName(String activation, int width, double eta, long seed) {
        return (activation + "_m" + width + "_eta" + compact(eta) + "_seed" + seed).replaceAll("[^A-Za-z0-9._+-]", "-");
    }

    /** A number as short as it reads: 1000 not 1000.0, 0.001 not 1.0E-3. */
    public static String compact(double v) {
        String plain = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        String repr = Numbers.format(v);
        return plain.length() <= repr.length() + 2 ? plain : repr;
    }

    /** Runs everything; throws only for I/O errors and bugs (a divergence is a result). */
    public List<Outcome> run(List<Run> runs, Path out) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        long totalSteps = 0;
        for (Run r : runs) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("sweep: run name '" + r.name() + "' appears twice");
            }
            totalSteps += r.steps() + 1;
        }
        Path traces = out.resolve("traces");
        Files.createDirectories(traces);
        int concurrent = concurrency(runs.size());
        int perRun = threadsPerRun(runs.size());
        SweepProgress bar = progress ? SweepProgress.open(totalSteps, runs.size()) : null;
        ExecutorService pool = Executors.newFixedThreadPool(concurrent, r -> {
            Thread t = new Thread(r, "bigstep-sweep");
            t.setDaemon(true);
            return t;
        });
        List<Future<Outcome>> futures = new ArrayList<>();
        try {
            for (Run r : runs) {
                futures.add(pool.submit(() -> {
                    Path trace = traces.resolve(r.name() + ".csv");
                    Path summary = traces.resolve(r.name() + ".json");
                    TrainingJob job = r.factory().create(perRun, trace, summary);
                    if (bar != null) {
                        job.withListener(bar.listener());
                    }
                    TrainingResult result = job.run();
                    if (bar != null) {
                        bar.finished(r.steps() + 1 - (result.lastRecord().step() + 1));
                    }
                    return new Outcome(r, trace, summary, result);
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(get(f));
            }
            writeSummary(outcomes, out.resolve("summary.csv"));
            return outcomes;
        } finally {
            pool.shutdownNow();
            if (bar != null) {
                bar.close();
            }
        }
    }

    private static Outcome get(Future<Outcome> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("sweep interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** summary.csv: {@link #SUMMARY_COLUMNS}, then the final value of each extra trace column. */
    static void writeSummary(List<Outcome> outcomes, Path file) throws IOException {
        List<String> extras = new ArrayList<>();
        List<TraceReader.Trace> traces = new ArrayList<>();
        for (Outcome o : outcomes) {
            TraceReader.Trace t = o.readTrace();
            traces.add(t);
            for (String c : t.columns()) {
                if (!TraceWriter.BASE_COLUMNS.contains(c) && !extras.contains(c)) {
                    extras.add(c);
                }
            }
        }
        StringWriter text = new StringWriter();
        List<String> header = new ArrayList<>(SUMMARY_COLUMNS);
        header.addAll(extras);
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            csv.printRecord(header);
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                Run r = o.run();
                TrainingResult res = o.result();
                List<String> row = new ArrayList<>(List.of(r.name(), r.activation(), Integer.toString(r.width()),
                        Numbers.format(r.eta()), Long.toString(r.seed()), Long.toString(r.steps()),
                        Long.toString(res.lastRecord().step()), Numbers.format(res.lastRecord().loss()),
                        Numbers.format(res.lastRecord().minMargin()), Numbers.format(res.lastRecord().normalizedMargin()),
                        Numbers.format(res.lastRecord().weightNorm()), Numbers.format(res.stableThreshold()),
                        Long.toString(res.firstBelowThresholdStep()), Long.toString(res.lastIncreaseStep()),
                        Long.toString(res.increases()), Long.toString(res.divergedStep()),
                        Numbers.format(res.stepsPerSecond()), Integer.toString(res.threads()), res.kernel(),
                        file.getParent() == null ? o.trace().toString() : file.toAbsolutePath().getParent().relativize(o.trace().toAbsolutePath()).toString()));
                TraceReader.Trace t = traces.get(i);
                for (String c : extras) {
                    row.add(t.has(c) ? Numbers.format(t.column(c)[t.rows() - 1]) : "");
                }
                csv.printRecord(row);
            }
        }
        AtomicFiles.write(file, text.toString());
    }
}
