package org.bigstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.bigstep.data.Dataset;
import org.bigstep.io.InputException;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bigstep sweep}: the grid activation x width x eta x seed, runs spread over the cores. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train one network per point of the grid ACTIVATION x WIDTH x ETA x SEED (same data and "
            + "options otherwise), several runs at a time, and summarise them.",
        footer = {"", "LIST: comma-separated values. --eta also takes log ranges A..B:K, K values from A to B evenly",
            "spaced in log10 with both ends included (1e-1..1e3:9 = 0.1, 0.316..., 1, ..., 1000); ranges and",
            "values mix (1,10..1000:3). Activation parameters keep their commas: leaky:c=0.6,base=softplus,softplus",
            "is two activations. Every value must be distinct.",
            "",
            "Writes OUT/traces/RUN.csv (trace) and OUT/traces/RUN.json (summary) per run, RUN like",
            "leaky-softplus_m20_eta1000_seed0, and OUT/summary.csv with one row per run in grid order (activation,",
            "then width, eta, seed): run, activation, width, eta, seed, steps, steps_completed, final_loss,",
            "final_min_margin, final_normalized_margin, final_weight_norm, stable_threshold,",
            "first_below_threshold_step, last_increase_step, risk_increases, diverged_step, steps_per_second,",
            "threads, kernel, trace, then the final value of any extra trace column (e.g. test_accuracy).",
            "Every run gives the same numbers as a lone 'bigstep train' with its options, whatever the threads.",
            "",
            "Exit codes: 0 when the sweep completed, even if some runs diverged (a stepsize grid is expected to",
            "reach the edge: the runs are marked by diverged_step >= 0 and listed on stderr); 3 when every run",
            "diverged; 2 bad input (checked before any file is written); 1 internal error."})
final class SweepCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--activation", paramLabel = "LIST", defaultValue = "leaky-softplus",
            description = "Activations (default: ${DEFAULT-VALUE}).")
    String activations;

    @Option(names = "--width", paramLabel = "LIST", defaultValue = "20", description = "Widths m (default: ${DEFAULT-VALUE}).")
    String widths;

    @Option(names = "--eta", paramLabel = "LIST", required = true, description = "Stepsizes, with log ranges A..B:K.")
    String etas;

    @Option(names = "--seed", paramLabel = "LIST", defaultValue = "0", description = "Seeds of the initial weights (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--scale", paramLabel = "B", defaultValue = "1", description = "Output scale b (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--init-scale", paramLabel = "S", defaultValue = "1", description = "Initial weights ~ N(0, S^2/d) (default: ${DEFAULT-VALUE}).")
    double initScale;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "1000", description = "GD updates per run (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--threads", paramLabel = "N", description = "Cores to use in total (default: all available).")
    Integer threads;

    @Option(names = "--jobs", paramLabel = "J", description = "Runs at a time (default: min(threads, runs)); each run gets max(1, threads/J) kernel threads.")
    Integer jobs;

    @Option(names = "--kernel", paramLabel = "auto|scalar|vector", defaultValue = "auto", description = "Kernel (default: ${DEFAULT-VALUE}).")
    String kernel;

    @Option(names = "--trace-every", paramLabel = "K", defaultValue = "1", description = "Trace rows with step %% K == 0, and the last (default: ${DEFAULT-VALUE}).")
    long traceEvery;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<SweepRunner.Run> runs = plan();
        PrintWriter err = spec.commandLine().getErr();
        int total = RunOptions.threads(threads);
        SweepRunner runner = new SweepRunner(total, jobs == null ? 0 : jobs).withProgress(true);
        err.printf("bigstep: sweep of %d runs, %d at a time with %d threads each, into %s%n", runs.size(),
                runner.concurrency(runs.size()), runner.threadsPerRun(runs.size()), out);
        List<SweepRunner.Outcome> outcomes = runner.run(runs, out);
        int diverged = 0;
        for (SweepRunner.Outcome o : outcomes) {
            if (o.result().diverged()) {
                diverged++;
                err.println("bigstep: run " + o.run().name() + " diverged at step " + o.result().divergedStep());
            }
        }
        spec.commandLine().getOut().printf("%d runs (%d diverged); summary in %s%n", outcomes.size(), diverged, out.resolve("summary.csv"));
        return diverged == outcomes.size() ? ExitCode.DIVERGED : ExitCode.OK;
    }

    /** Parses and checks everything, creating no file; the runs in grid order. */
    List<SweepRunner.Run> plan() {
        List<String> activationNames = ValueLists.names("--activation", activations);
        List<Integer> widthList = ValueLists.widths("--width", widths);
        List<Double> etaList = ValueLists.stepsizes("--eta", etas);
        List<Long> seedList = ValueLists.seeds("--seed", seeds);
        List<Activation> parsed = new ArrayList<>();
        for (String a : activationNames) {
            try {
                parsed.add(Activations.parse(a));
            } catch (IllegalArgumentException e) {
                throw new InputException("--activation: " + e.getMessage());
            }
        }
        if (steps < 0) {
            throw new InputException("--steps: expected at least 0, found " + steps);
        }
        if (traceEvery < 1) {
            throw new InputException("--trace-every: expected at least 1, found " + traceEvery);
        }
        RunOptions.threads(threads);
        if (jobs != null && jobs < 1) {
            throw new InputException("--jobs: expected at least 1, found " + jobs);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new InputException("--scale: expected a positive finite number, found " + scale);
        }
        if (!(initScale >= 0) || Double.isInfinite(initScale)) {
            throw new InputException("--init-scale: expected a finite number >= 0, found " + initScale);
        }
        KernelChoice kernelChoice = RunOptions.kernelChoice(kernel);
        checkOutputDirectory(out);
        org.bigstep.io.LoadedData loaded = data.load();
        Dataset dataset = loaded.train();
        long testEvery = data.testEvery(traceEvery);
        int d = dataset.dimension();
        List<SweepRunner.Run> runs = new ArrayList<>();
        for (Activation activation : parsed) {
            for (int m : widthList) {
                if ((long) m * d > Integer.MAX_VALUE - 16) {
                    throw new InputException("--width " + m + " with d=" + d + " needs more weights than one Java array holds");
                }
                for (double eta : etaList) {
                    for (long seed : seedList) {
                        String name = SweepRunner.runName(activation.name(), m, eta, seed);
                        SweepRunner.JobFactory factory = (perRun, trace, summary) -> {
                            TwoLayerNetwork network = TwoLayerNetwork.initialize(m, d, seed, initScale, scale);
                            TrainingOptions options = new TrainingOptions(activation, eta, steps, perRun, kernelChoice);
                            Map<String, String> meta = new LinkedHashMap<>();
                            meta.put("command", "sweep");
                            meta.put("run", name);
                            meta.put("dataset", data.description());
                            meta.put("init", "gaussian:seed=" + seed + ",init_scale=" + initScale);
                            meta.put("seed", Long.toString(seed));
                            meta.putAll(loaded.provenance());
                            TrainingJob job = new TrainingJob(dataset, network, options, meta, trace, traceEvery, summary, null);
                            if (loaded.hasTest()) {
                                SweepRunner.attachTestAccuracy(job, loaded.test(), options, testEvery);
                            }
                            return job;
                        };
                        runs.add(new SweepRunner.Run(name, activation.name(), m, eta, seed, steps, factory));
                    }
                }
            }
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (SweepRunner.Run r : runs) {
            if (!names.add(r.name())) {
                throw new InputException("two runs would both be named " + r.name() + "; make the values in the lists distinct");
            }
        }
        return runs;
    }

    /** OUT must be a directory we can create or write in. */
    static void checkOutputDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException("--out " + dir + ": exists and is not a directory");
        }
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null || !Files.isDirectory(p)) {
            throw new InputException("--out " + dir + ": " + p + " is not a directory");
        }
        if (!Files.isWritable(p)) {
            throw new InputException("--out " + dir + ": cannot write in " + p);
        }
        for (String inside : new String[] {"traces", "summary.csv"}) {
            Path q = dir.resolve(inside);
            if (inside.equals("traces") ? Files.exists(q) && !Files.isDirectory(q) : Files.isDirectory(q)) {
                throw new InputException("--out " + dir + ": " + q + " is in the way");
            }
        }
    }
}
