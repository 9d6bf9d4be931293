package org.bigstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bigstep.activation.Activation;
import org.bigstep.data.Dataset;
import org.bigstep.data.Heap;
import org.bigstep.io.Checkpoint;
import org.bigstep.io.Checkpointer;
import org.bigstep.io.InputException;
import org.bigstep.io.LoadedData;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.kernel.Kernels;
import org.bigstep.kernel.RangeEvaluator;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.HeldOutAccuracy;
import org.bigstep.training.MemoryEstimate;
import org.bigstep.training.TrainingOptions;
import org.bigstep.training.TrainingResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bigstep train}: one gradient-descent run with a trace, a summary and the final model. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a two-layer network by full-batch gradient descent with a constant stepsize, "
            + "tracking risk, margins and the edge-of-stability / stable phases.",
        footer = {"", "Trace columns: step,loss,min_margin,normalized_margin,smoothed_margin,modified_margin,weight_norm,grad_norm;",
            "row t holds the values at W_t (before update t). Summary JSON fields include n, d, m, steps, final_loss,",
            "final_normalized_margin, stable_threshold, first_below_threshold_step, last_increase_step, loop_seconds,",
            "steps_per_second, kernel, vector_bits, threads (-1 for a step that never happened).",
            "With a test set (--test-data, --test-fraction, --dataset fashion-pair) the trace has a test_accuracy column",
            "and the summary n_test and test_accuracy (of the final W).",
            "Checkpoints: --checkpoint FILE --checkpoint-every K saves the complete state atomically before steps K, 2K, ...",
            "(and on divergence); 'bigstep train --resume FILE' continues it with the same options and files (only --threads",
            "may be changed), cuts the trace back to the checkpoint and gives the same trace, model and summary values as",
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
        return train(null);
    }

    /** A fresh run, or ({@code resume} not null) the rest of a checkpointed one with this command's options re-parsed. */
    private int train(Checkpoint resume) throws IOException {
        // everything is resolved and checked before any file is created
        Activation activation = model.activation();
        TrainingOptions options = run.options(activation);
        output.validate();
        RangeEvaluator.Factory kernel = kernelFactory(options.kernel());
        if (resume != null) {
            // the kernel the run used, not whatever 'auto' means now: kernels differ in the last bits
            String used = resume.options().getOrDefault("kernel_resolved", kernel.name());
            String bits = resume.options().getOrDefault("vector_bits", Integer.toString(kernel.vectorBits()));
            options = options.withKernel(KernelChoice.parse(used));
            kernel = kernelFactory(options.kernel());
            if (!bits.equals(Integer.toString(kernel.vectorBits()))) {
                throw new InputException(checkpoint.resume, 0, "the run used the " + used + " kernel at " + bits
                        + " bits but here it runs at " + kernel.vectorBits() + " bits, which would change the results; run with "
                        + Heap.JAVA_OPTS + "=-D" + Kernels.BIT_SIZE_PROPERTY + "=" + bits);
            }
        }
        LoadedData loaded = data.load();
        Dataset dataset = loaded.train();
        if (resume != null && (dataset.contentHash() != resume.dataHash() || dataset.size() != resume.n()
                || dataset.dimension() != resume.d())) {
            throw new InputException(checkpoint.resume, 0, "the checkpoint was made on data with hash " + Long.toHexString(resume.dataHash())
                    + " (n=" + resume.n() + ", d=" + resume.d() + ") but " + data.description() + " now gives hash "
                    + Long.toHexString(dataset.contentHash()) + " (n=" + dataset.size() + ", d=" + dataset.dimension()
                    + "); refusing to resume against different data");
        }
        long testEvery = data.testEvery(output.traceEvery);
        TwoLayerNetwork network;
        if (resume != null) {
            requireMemory(dataset, resume.width(), options.threads());
            try {
                network = new TwoLayerNetwork(resume.signs(), resume.scale(), resume.weights(), resume.d());
            } catch (IllegalArgumentException e) {
                throw new InputException(checkpoint.resume, 0, e.getMessage());
            }
        } else {
            if (model.init == null) {
                requireMemory(dataset, model.width == null ? ModelOptions.DEFAULT_WIDTH : Math.max(1, model.width), options.threads());
            }
            network = model.network(dataset.dimension());
            requireMemory(dataset, network.width(), options.threads());
        }
        Map<String, String> meta = new LinkedHashMap<>();
        if (resume != null) {
            meta.putAll(resume.run());
        } else {
            meta.put("command", "train");
            meta.put("dataset", data.description());
            meta.put("init", model.initDescription());
            meta.put("seed", Long.toString(model.seed()));
            meta.putAll(loaded.provenance());
        }
        TrainingJob job = new TrainingJob(dataset, network, options, meta, output.trace, output.traceEvery,
                output.summary, output.saveModel).withProgress(true);
        if (resume != null) {
            job.resumingFrom(resume);
            if (checkpoint.checkpoint != null) {
                job.withCheckpoint(checkpoint.checkpoint, checkpoint.every(), resume.options());
            }
        } else if (checkpoint.checkpoint != null) {
            job.withCheckpoint(checkpoint.checkpoint, checkpoint.every(), resolvedOptions(network, options, kernel));
        }
        TrainingResult result;
        if (loaded.hasTest()) {
            try (HeldOutAccuracy test = new HeldOutAccuracy(loaded.test(), activation, network, options.threads(), options.kernel())) {
                TestAccuracyColumn.attach(job, test, testEvery, options.steps());
                result = job.run();
            }
        } else {
            result = job.run();
        }
        return report(job, result, options);
    }

    /** Options that are not part of a run's identity and are not stored in its checkpoint. */
    private static final Set<String> NOT_STORED = Set.of("--resume", "--threads", "--debug", "--help", "--version");

    /**
     * What a checkpoint stores to re-run: the command line as parsed (option names and their values as
     * given), the directory relative paths are resolved against, and the resolved values for reading.
     */
    private Map<String, String> resolvedOptions(TwoLayerNetwork network, TrainingOptions options, RangeEvaluator.Factory kernel) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("cwd", Path.of("").toAbsolutePath().toString());
        int i = 0;
        for (OptionSpec opt : spec.commandLine().getParseResult().matchedOptions()) {
            if (NOT_STORED.contains(opt.longestName())) {
                continue;
            }
            o.put("arg." + i++, opt.longestName());
            if (opt.arity().max() == 0) {
                continue; // a flag: picocli records "true", which would not parse back
            }
            for (String v : opt.originalStringValues()) {
                o.put("arg." + i++, v);
            }
        }
        o.put("dataset", data.description());
        o.put("activation", model.activation);
        o.put("width", Integer.toString(network.width()));
        o.put("scale", Double.toString(network.scale()));
        o.put("init", model.initDescription());
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

    /**
     * Re-parses the stored command line of the checkpointed run (relative paths resolved against its
     * directory) into a fresh command and runs the rest of it from the checkpoint.
     */
    private int resume(Path file) throws IOException {
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!RESUME_OPTIONS.contains(o.longestName())) {
                throw new InputException("--resume takes no other training option but --threads (found " + o.longestName()
                        + "): the checkpoint holds the options of the run it continues");
            }
        }
        Checkpoint c = Checkpoint.read(file);
        String cwd = c.options().get("cwd");
        if (cwd == null) {
            throw new InputException(file, 0, "expected a line 'option.cwd=...', found none");
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; c.options().containsKey("arg." + i); i++) {
            args.add(c.options().get("arg." + i));
        }
        TrainCommand again = new TrainCommand();
        CommandLine cl = new CommandLine(again);
        cl.registerConverter(Path.class, s -> Path.of(cwd).resolve(s));
        try {
            cl.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new InputException(file, 0, "the stored command line does not parse: " + e.getMessage());
        }
        if (again.checkpoint.resume != null || again.checkpoint.checkpoint == null) {
            throw new InputException(file, 0, "the stored command line is not that of a checkpointed train run");
        }
        again.spec = spec;
        again.checkpoint.resume = file;
        if (run.threads != null) {
            again.run.threads = run.threads;
        }
        Checkpoint.TraceState t = c.trace();
        if (c.step() > again.run.steps) {
            throw new InputException(file, 0, "step " + c.step() + " is beyond the run's " + again.run.steps + " steps");
        }
        if (again.output.trace == null && t.bytes() > 0) {
            throw new InputException(file, 0, "records a trace but the stored command line has none");
        }
        return again.train(c);
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

    private int report(TrainingJob job, TrainingResult result, TrainingOptions options) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Checkpointer cp = job.checkpointer();
        if (result.diverged()) {
            err.println("bigstep: diverged at step " + result.divergedStep() + ": the risk or the weights are not finite (loss="
                    + result.lastRecord().loss() + "); the stepsize --eta " + options.eta() + " is too large for "
                    + options.activation().name() + " on this data; try a smaller --eta"
                    + (output.trace != null ? " (trace kept in " + output.trace + ")" : "")
                    + (cp == null ? "" : cp.savedStep() == result.divergedStep()
                        ? "; the last finite state (the weights before step " + result.divergedStep() + ") is saved in "
                            + checkpoint.checkpoint
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
}
