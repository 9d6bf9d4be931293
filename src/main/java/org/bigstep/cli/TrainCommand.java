package org.bigstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.data.Dataset;
import org.bigstep.data.Heap;
import org.bigstep.io.Checkpoint;
import org.bigstep.io.Checkpointer;
import org.bigstep.io.CsvDatasetReader;
import org.bigstep.io.InputException;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.kernel.Kernels;
import org.bigstep.kernel.RangeEvaluator;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.MemoryEstimate;
import org.bigstep.training.TrainingOptions;
import org.bigstep.training.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bigstep train}: one gradient-descent run with a trace, a summary and the final model. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a two-layer network by full-batch gradient descent with a constant stepsize,",
            "tracking risk, margins and the edge-of-stability / stable phases."},
        footer = {"", "Trace columns: step,loss,min_margin,normalized_margin,smoothed_margin,modified_margin,weight_norm,grad_norm;",
            "row t holds the values at W_t (before update t). Summary JSON fields include n, d, m, steps, final_loss,",
            "final_normalized_margin, stable_threshold, first_below_threshold_step, last_increase_step, loop_seconds,",
            "steps_per_second, kernel, vector_bits, threads (-1 for a step that never happened).",
            "Checkpoints: --checkpoint FILE --checkpoint-every K saves the complete state atomically before steps K, 2K, ...",
            "(and on divergence); 'bigstep train --resume FILE' continues it with the same options and files (only --threads",
            "may be changed), cuts the trace back to the checkpoint and gives the same trace, summary values and model as",
            "an uninterrupted run. Results do not depend on --threads.",
            "Exit codes: 0 ok, 2 bad input or usage (also: a run too large for the heap), 3 divergence (the trace so far",
            "is kept), 1 internal error."})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    ModelOptions model;

    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions output;

    @Mixin
    CheckpointOptions checkpoint;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        checkpoint.validate();
        if (checkpoint.resume != null) {
            return resume(checkpoint.resume);
        }
        // everything is resolved and checked before any file is created
        Activation activation = model.activation();
        TrainingOptions options = run.options(activation);
        output.validate();
        RangeEvaluator.Factory kernel = kernelFactory(options.kernel());
        Dataset dataset = data.load();
        if (model.init == null) {
            requireMemory(dataset, model.width == null ? ModelOptions.DEFAULT_WIDTH : Math.max(1, model.width), options.threads());
        }
        TwoLayerNetwork network = model.network(dataset.dimension());
        requireMemory(dataset, network.width(), options.threads());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("command", "train");
        meta.put("dataset", data.description());
        meta.put("init", model.initDescription());
        meta.put("seed", Long.toString(model.seed()));
        TrainingJob job = new TrainingJob(dataset, network, options, meta, output.trace, output.traceEvery,
                output.summary, output.saveModel).withProgress(true);
        if (checkpoint.checkpoint != null) {
            job.withCheckpoint(checkpoint.checkpoint, checkpoint.every(), resolvedOptions(network, options, kernel));
        }
        return finish(job, options, output.trace);
    }

    /** Everything a resume needs to re-run, as the checkpoint stores it (paths absolute). */
    private Map<String, String> resolvedOptions(TwoLayerNetwork network, TrainingOptions options, RangeEvaluator.Factory kernel) {
        Map<String, String> o = new LinkedHashMap<>(data.resolved());
        o.put("activation", model.activation);
        o.put("width", Integer.toString(network.width()));
        o.put("scale", Double.toString(network.scale()));
        o.put("init", model.initDescription());
        o.put("init_scale", Double.toString(model.initScale));
        o.put("seed", Long.toString(model.seed()));
        o.put("eta", Double.toString(options.eta()));
        o.put("steps", Long.toString(options.steps()));
        o.put("threads", Integer.toString(options.threads()));
        o.put("kernel", options.kernel().toString());
        o.put("kernel_resolved", kernel.name());
        o.put("vector_bits", Integer.toString(kernel.vectorBits()));
        o.put("trace", absolute(output.trace));
        o.put("trace_every", Long.toString(output.traceEvery));
        o.put("summary", absolute(output.summary));
        o.put("save_model", absolute(output.saveModel));
        o.put("checkpoint", absolute(checkpoint.checkpoint));
        o.put("checkpoint_every", Long.toString(checkpoint.every()));
        return o;
    }

    private static String absolute(Path p) {
        return p == null ? "" : p.toAbsolutePath().toString();
    }

    /** Options that may go with --resume: the checkpoint holds all the others. */
    private static final Set<String> RESUME_OPTIONS = Set.of("--resume", "--threads", "--debug");

    private int resume(Path file) throws IOException {
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!RESUME_OPTIONS.contains(o.longestName())) {
                throw new InputException("--resume takes no other training option but --threads (found " + o.longestName()
                        + "): the checkpoint holds the options of the run it continues");
            }
        }
        Checkpoint c = Checkpoint.read(file);
        Stored o = new Stored(file, c.options());
        Dataset dataset;
        String dataName;
        if (!o.text("data.file", "").isEmpty()) {
            dataName = o.text("data.file", "");
            dataset = CsvDatasetReader.read(Path.of(dataName));
        } else {
            dataName = "--dataset " + o.text("data.dataset", null);
            try {
                dataset = BuiltinDatasets.create(o.text("data.dataset", null));
            } catch (IllegalArgumentException e) {
                throw new InputException(file, 0, "option.data.dataset: " + e.getMessage());
            }
        }
        if (dataset.contentHash() != c.dataHash() || dataset.size() != c.n() || dataset.dimension() != c.d()) {
            throw new InputException(file, 0, "the checkpoint was made on data with hash " + Long.toHexString(c.dataHash())
                    + " (n=" + c.n() + ", d=" + c.d() + ") but " + dataName + " now has hash " + Long.toHexString(dataset.contentHash())
                    + " (n=" + dataset.size() + ", d=" + dataset.dimension() + "); refusing to resume against different data");
        }
        Activation activation;
        try {
            activation = Activations.parse(o.text("activation", null));
        } catch (IllegalArgumentException e) {
            throw new InputException(file, 0, "option.activation: " + e.getMessage());
        }
        KernelChoice choice;
        try {
            choice = KernelChoice.parse(o.text("kernel_resolved", null));
        } catch (IllegalArgumentException e) {
            throw new InputException(file, 0, "option.kernel_resolved: " + e.getMessage());
        }
        RangeEvaluator.Factory kernel = kernelFactory(choice);
        int bits = (int) o.integer("vector_bits");
        if (kernel.vectorBits() != bits) {
            throw new InputException(file, 0, "the run used the " + choice + " kernel at " + bits + " bits but here it runs at "
                    + kernel.vectorBits() + " bits, which would change the results; run with " + Heap.JAVA_OPTS
                    + "=-D" + Kernels.BIT_SIZE_PROPERTY + "=" + bits);
        }
        int threads = run.threads != null ? run.threads() : (int) o.integer("threads");
        TrainingOptions options;
        try {
            options = new TrainingOptions(activation, o.decimal("eta"), o.integer("steps"), threads, choice);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, 0, e.getMessage());
        }
        if (c.step() > options.steps()) {
            throw new InputException(file, 0, "step " + c.step() + " is beyond the run's " + options.steps() + " steps");
        }
        requireMemory(dataset, c.width(), threads);
        TwoLayerNetwork network;
        try {
            network = new TwoLayerNetwork(c.signs(), c.scale(), c.weights(), c.d());
        } catch (IllegalArgumentException e) {
            throw new InputException(file, 0, e.getMessage());
        }
        long traceEvery = o.integer("trace_every");
        TrainingJob job = new TrainingJob(dataset, network, options, c.run(), o.path("trace"), traceEvery,
                o.path("summary"), o.path("save_model")).withProgress(true).resumingFrom(c);
        Path target = o.path("checkpoint");
        job.withCheckpoint(target != null ? target : file, o.integer("checkpoint_every"), c.options());
        return finish(job, options, o.path("trace"));
    }

    private static RangeEvaluator.Factory kernelFactory(KernelChoice choice) {
        try {
            return Kernels.factory(choice);
        } catch (IllegalStateException e) {
            throw new InputException("--kernel " + choice + ": " + e.getMessage());
        }
    }

    /** Refuses, before the weights and kernel buffers exist, a run the heap cannot hold. */
    private static void requireMemory(Dataset dataset, int width, int threads) {
        MemoryEstimate e = MemoryEstimate.of(dataset.size(), dataset.dimension(), width, threads);
        e.require(e.data());
    }

    private int finish(TrainingJob job, TrainingOptions options, Path trace) throws IOException {
        TrainingResult result = job.run();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Checkpointer cp = job.checkpointer();
        if (result.diverged()) {
            err.println("bigstep: diverged at step " + result.divergedStep() + ": the risk or the weights are not finite (loss="
                    + result.lastRecord().loss() + "); the stepsize --eta " + options.eta() + " is too large for "
                    + options.activation().name() + " on this data; try a smaller --eta"
                    + (trace != null ? " (trace kept in " + trace + ")" : "")
                    + (cp == null ? "" : cp.savedStep() == result.divergedStep()
                        ? "; the last finite state (the weights before step " + result.divergedStep() + ") is saved in the checkpoint"
                        : cp.savedStep() >= 0 ? "; the last checkpoint is at step " + cp.savedStep() : ""));
            return ExitCode.DIVERGED;
        }
        out.printf("steps %d  loss %.6e  min margin %.6g  normalized margin %.6g  last increase %d  first below threshold %d"
                        + "  (%s kernel, %d threads, %.0f steps/s)%n",
                result.lastRecord().step(), result.lastRecord().loss(), result.lastRecord().minMargin(),
                result.lastRecord().normalizedMargin(), result.lastIncreaseStep(), result.firstBelowThresholdStep(),
                result.kernel(), result.threads(), result.stepsPerSecond());
        return ExitCode.OK;
    }

    /** Typed access to a checkpoint's stored options, with errors that name the checkpoint. */
    private static final class Stored {
        final Path file;
        final Map<String, String> map;

        Stored(Path file, Map<String, String> map) {
            this.file = file;
            this.map = map;
        }

        String text(String key, String fallback) {
            String v = map.get(key);
            if (v == null) {
                if (fallback != null) {
                    return fallback;
                }
                throw new InputException(file, 0, "expected a line 'option." + key + "=...', found none");
            }
            return v;
        }

        long integer(String key) {
            String v = text(key, null);
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new InputException(file, 0, "option." + key + ": expected an integer, found '" + v + "'");
            }
        }

        double decimal(String key) {
            String v = text(key, null);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new InputException(file, 0, "option." + key + ": expected a number, found '" + v + "'");
            }
        }

        Path path(String key) {
            String v = text(key, "");
            return v.isEmpty() ? null : Path.of(v);
        }
    }
}
