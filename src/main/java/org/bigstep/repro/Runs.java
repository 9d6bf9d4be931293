package org.bigstep.repro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigstep.activation.Activation;
import org.bigstep.cli.SweepRunner;
import org.bigstep.cli.TrainingJob;
import org.bigstep.data.Dataset;
import org.bigstep.io.TraceReader;
import org.bigstep.io.TraceWriter;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.TrainingOptions;

/** Builds the sweep runs of an experiment: same data, Gaussian init from a seed, a trace of chosen density. */
final class Runs {

    private final String experiment;
    private final Dataset data;
    private final String dataDescription;
    private final Context context;
    private final List<SweepRunner.Run> runs = new ArrayList<>();
    private double initScale = 1;
    private long traceEvery = 1;
    private final List<ColumnFactory> columns = new ArrayList<>();
    private Dataset test;

    /** A trace column per run (columns may hold state, so each run gets its own). */
    interface ColumnFactory {
        TraceWriter.Column create(Activation activation);
    }

    Runs(String experiment, Dataset data, String dataDescription, Context context) {
        this.experiment = experiment;
        this.data = data;
        this.dataDescription = dataDescription;
        this.context = context;
    }

    Runs initScale(double s) {
        this.initScale = s;
        return this;
    }

    Runs traceEvery(long k) {
        this.traceEvery = k;
        return this;
    }

    Runs column(ColumnFactory c) {
        columns.add(c);
        return this;
    }

    /** A held-out set: adds the test_accuracy column. */
    Runs test(Dataset testSet) {
        this.test = testSet;
        return this;
    }

    Runs add(Activation activation, int width, double eta, long seed, long steps) {
        String name = SweepRunner.runName(activation.name(), width, eta, seed) + "_T" + steps;
        if (runs.stream().anyMatch(r -> r.name().equals(name))) {
            return this; // the same run asked for twice (e.g. eta = C T lands on a grid value): run it once
        }
        SweepRunner.JobFactory factory = (threads, trace, summary) -> {
            TwoLayerNetwork net = TwoLayerNetwork.initialize(width, data.dimension(), seed, initScale, 1);
            TrainingOptions options = new TrainingOptions(activation, eta, steps, threads, context.kernel());
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("command", "reproduce " + experiment);
            meta.put("run", name);
            meta.put("dataset", dataDescription);
            meta.put("init", "gaussian:seed=" + seed + ",init_scale=" + initScale);
            meta.put("seed", Long.toString(seed));
            TrainingJob job = new TrainingJob(data, net, options, meta, trace, traceEvery, summary, null);
            for (ColumnFactory c : columns) {
                job.withColumn(c.create(activation));
            }
            if (test != null) {
                SweepRunner.attachTestAccuracy(job, test, options, traceEvery);
            }
            return job;
        };
        runs.add(new SweepRunner.Run(name, activation.name(), width, eta, seed, steps, factory));
        return this;
    }

    /** Runs them all into runs/EXPERIMENT and reads every trace back, in the order added (duplicates once). */
    List<TraceReader.Trace> run() throws java.io.IOException {
        List<SweepRunner.Outcome> outcomes = context.runner().run(runs, context.runs(experiment));
        List<TraceReader.Trace> traces = new ArrayList<>();
        for (SweepRunner.Outcome o : outcomes) {
            traces.add(o.readTrace());
        }
        return traces;
    }

}
