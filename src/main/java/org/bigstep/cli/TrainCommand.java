package org.bigstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bigstep.activation.Activation;
import org.bigstep.data.Dataset;
import org.bigstep.io.InputException;
import org.bigstep.io.LoadedData;
import org.bigstep.kernel.Kernels;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.HeldOutAccuracy;
import org.bigstep.training.TrainingOptions;
import org.bigstep.training.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "Exit codes: 0 ok, 2 bad input or usage, 3 divergence (the trace so far is kept), 1 internal error."})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    ModelOptions model;

    @Mixin
    RunOptions run;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // everything is resolved and checked before any file is created
        Activation activation = model.activation();
        TrainingOptions options = run.options(activation);
        output.validate();
        LoadedData loaded = data.load();
        Dataset dataset = loaded.train();
        long testEvery = data.testEvery(output.traceEvery);
        TwoLayerNetwork network = model.network(dataset.dimension());
        try {
            Kernels.factory(options.kernel());
        } catch (IllegalStateException e) {
            throw new InputException("--kernel " + options.kernel() + ": " + e.getMessage());
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("command", "train");
        meta.put("dataset", data.description());
        meta.put("init", model.initDescription());
        meta.put("seed", Long.toString(model.seed()));
        meta.putAll(loaded.provenance());
        TrainingJob job = new TrainingJob(dataset, network, options, meta, output.trace, output.traceEvery,
                output.summary, output.saveModel).withProgress(true);
        TrainingResult result;
        if (loaded.hasTest()) {
            try (HeldOutAccuracy test = new HeldOutAccuracy(loaded.test(), activation, network, options.threads(), options.kernel())) {
                TestAccuracyColumn.attach(job, test, testEvery, options.steps());
                result = job.run();
            }
        } else {
            result = job.run();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (result.diverged()) {
            err.println("bigstep: diverged at step " + result.divergedStep() + ": the risk or the weights are not finite (loss="
                    + result.lastRecord().loss() + "); the stepsize --eta " + options.eta() + " is too large for "
                    + activation.name() + " on this data; try a smaller --eta"
                    + (output.trace != null ? " (trace kept in " + output.trace + ")" : ""));
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
