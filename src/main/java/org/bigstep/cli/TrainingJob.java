package org.bigstep.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bigstep.Version;
import org.bigstep.data.Dataset;
import org.bigstep.io.AtomicFiles;
import org.bigstep.io.Checkpoint;
import org.bigstep.io.Checkpointer;
import org.bigstep.io.InputException;
import org.bigstep.io.Json;
import org.bigstep.io.ModelCsv;
import org.bigstep.io.TraceWriter;
import org.bigstep.kernel.Kernels;
import org.bigstep.margin.NetworkConstants;
import org.bigstep.margin.PhaseTracker;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.GradientDescent;
import org.bigstep.training.StepListener;
import org.bigstep.training.TrainingOptions;
import org.bigstep.training.TrainingResult;

/**
 * One training run with everything resolved: data, initial network, options and outputs. Shared by
 * {@code train} and the commands that run many trainings.
 */
public final class TrainingJob {

    private final Dataset data;
    private final TwoLayerNetwork network;
    private final TrainingOptions options;
    private final Map<String, String> metadata;
    private final Path trace;
    private final long traceEvery;
    private final Path summary;
    private final Path saveModel;
    private final List<TraceWriter.Column> extraColumns = new ArrayList<>();
    private final List<StepListener> extraListeners = new ArrayList<>();
    private final Map<String, Object> extraSummary = new LinkedHashMap<>();
    private boolean progress;
    private Path checkpoint;
    private long checkpointEvery;
    private Map<String, String> checkpointOptions = Map.of();
    private Checkpoint resume;
    private Checkpointer checkpointer;

    /**
     * @param run metadata describing how the inputs were made (dataset spec, init, seed ...), written
     *            first into the trace header and the summary
     */
    public TrainingJob(Dataset data, TwoLayerNetwork network, TrainingOptions options, Map<String, String> run,
                       Path trace, long traceEvery, Path summary, Path saveModel) {
        this.data = data;
        this.network = network;
        this.options = options;
        this.trace = trace;
        this.traceEvery = traceEvery;
        this.summary = summary;
        this.saveModel = saveModel;
        this.metadata = new LinkedHashMap<>(run);
    }

    /** Adds a trace column beyond the base ones (e.g. test accuracy). */
    public TrainingJob withColumn(TraceWriter.Column column) {
        extraColumns.add(column);
        return this;
    }

    public TrainingJob withListener(StepListener listener) {
        extraListeners.add(listener);
        return this;
    }

    /** Adds a summary field; a {@link Supplier} is evaluated when the summary is written. */
    public TrainingJob withSummaryField(String key, Object value) {
        extraSummary.put(key, value);
        return this;
    }

    public TrainingJob withProgress(boolean on) {
        this.progress = on;
        return this;
    }

    /**
     * Saves the complete state to {@code file} every {@code every} steps (and on divergence), atomically;
     * {@code options} are the resolved options a resume needs, stored in the checkpoint as they are.
     */
    public TrainingJob withCheckpoint(Path file, long every, Map<String, String> options) {
        this.checkpoint = file;
        this.checkpointEvery = every;
        this.checkpointOptions = new LinkedHashMap<>(options);
        return this;
    }

    /**
     * Continues the run saved in {@code c}: the network must hold its weights, the data must be its data
     * (checked by the caller). The trace is cut back to the checkpoint's length and appended to.
     */
    public TrainingJob resumingFrom(Checkpoint c) {
        this.resume = c;
        return this;
    }

    /** The checkpoint writer of the last {@link #run}, null without checkpoints. */
    public Checkpointer checkpointer() {
        return checkpointer;
    }

    public TwoLayerNetwork network() {
        return network;
    }

    public Dataset data() {
        return data;
    }

    /** The full metadata block: run description, sizes, constants, kernel, JDK, version. */
    public Map<String, String> metadata() {
        GradientDescent gd = new GradientDescent(options);
        NetworkConstants c = gd.constants(network, data);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("bigstep", Version.get());
        m.putAll(metadata);
        m.put("n", Integer.toString(data.size()));
        m.put("d", Integer.toString(data.dimension()));
        m.put("data_hash", Long.toHexString(data.contentHash()));
        m.put("activation", options.activation().name());
        m.put("width", Integer.toString(network.width()));
        m.put("scale", Double.toString(network.scale()));
        m.put("eta", Double.toString(options.eta()));
        m.put("steps", Long.toString(options.steps()));
        m.put("trace_every", Long.toString(traceEvery));
        m.put("kernel", Kernels.resolvedName(options.kernel()));
        m.put("vector_bits", Integer.toString(Kernels.factory(options.kernel()).vectorBits()));
        m.put("threads", Integer.toString(options.threads()));
        m.put("rho", Double.toString(c.rho()));
        m.put("beta", Double.toString(c.beta()));
        m.put("kappa", Double.toString(c.kappa()));
        m.put("data_radius", Double.toString(c.radius()));
        m.put("stable_threshold", Double.toString(c.stableThreshold(options.eta())));
        m.put("jdk", System.getProperty("java.version") + " " + System.getProperty("java.vendor"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        return m;
    }

    /** Runs to the end or to divergence; files are written as described in {@code train --help}. */
    public TrainingResult run() throws IOException {
        Map<String, String> meta = metadata();
        createParents(trace, summary, saveModel, checkpoint);
        long firstStep = resume == null ? 0 : resume.step();
        if (resume != null && trace != null) {
            TraceWriter.checkResumable(trace, resume.trace().bytes(), resume.trace().lastRowStep());
        }
        List<StepListener> listeners = new ArrayList<>(extraListeners);
        TraceWriter traceWriter = null;
        ProgressBar bar = progress ? ProgressBar.open(firstStep, options.steps()) : null;
        TrainingResult result;
        try {
            if (trace != null) {
                traceWriter = resume == null
                        ? TraceWriter.create(trace, meta, traceEvery, options.steps(), extraColumns)
                        : TraceWriter.append(trace, resume.trace().bytes(), resume.trace().rows(), resume.trace().lastRowStep(),
                                traceEvery, options.steps(), extraColumns);
                listeners.add(traceWriter);
            }
            if (checkpoint != null) {
                // after the trace writer: a checkpoint syncs the trace rows before it
                checkpointer = new Checkpointer(checkpoint, checkpointEvery, firstStep, checkpointOptions, metadata, data, traceWriter);
                listeners.add(checkpointer);
            }
            if (bar != null) {
                listeners.add(bar);
            }
            GradientDescent gd = new GradientDescent(options);
            PhaseTracker phases = resume != null ? resume.phases().tracker()
                    : new PhaseTracker(gd.constants(network, data).stableThreshold(options.eta()));
            try {
                result = gd.train(network, data, firstStep, phases, listeners);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
            if (traceWriter != null) {
                traceWriter.close();
            }
        }
        if (summary != null) {
            AtomicFiles.write(summary, summary(meta, result).toString());
        }
        if (saveModel != null && !result.diverged()) {
            ModelCsv.write(saveModel, network);
        }
        return result;
    }

    /** The summary JSON: run metadata, sizes, final values, phases, speed. Steps never reached are -1. */
    public Json summary(Map<String, String> meta, TrainingResult r) {
        NetworkConstants c = new GradientDescent(options).constants(network, data);
        Json j = new Json();
        j.put("bigstep", Version.get());
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            j.put(e.getKey(), e.getValue());
        }
        j.put("dataset_name", data.name());
        j.put("n", data.size());
        j.put("d", data.dimension());
        j.put("m", network.width());
        j.put("activation", options.activation().name());
        j.put("scale", network.scale());
        j.put("eta", options.eta());
        j.put("steps", options.steps());
        j.put("steps_completed", r.lastRecord().step());
        j.put("final_loss", r.lastRecord().loss());
        j.put("final_min_margin", r.lastRecord().minMargin());
        j.put("final_normalized_margin", r.lastRecord().normalizedMargin());
        j.put("final_smoothed_margin", r.lastRecord().smoothedMargin());
        j.put("final_modified_margin", r.lastRecord().modifiedMargin());
        j.put("final_weight_norm", r.lastRecord().weightNorm());
        j.put("final_grad_norm", r.lastRecord().gradNorm());
        j.put("stable_threshold", r.stableThreshold());
        j.put("margin_threshold", c.marginThreshold(options.eta(), data.size()));
        j.put("first_below_threshold_step", r.firstBelowThresholdStep());
        j.put("last_increase_step", r.lastIncreaseStep());
        j.put("risk_increases", r.increases());
        j.put("diverged_step", r.divergedStep());
        j.put("rho", c.rho());
        j.put("beta", c.beta());
        j.put("kappa", c.kappa());
        j.put("data_radius", c.radius());
        j.put("loop_seconds", r.loopSeconds());
        j.put("steps_per_second", r.stepsPerSecond());
        j.put("kernel", r.kernel());
        j.put("vector_bits", r.vectorBits());
        j.put("threads", r.threads());
        j.put("jdk", meta.get("jdk"));
        for (Map.Entry<String, Object> e : extraSummary.entrySet()) {
            Object v = e.getValue();
            j.put(e.getKey(), v instanceof Supplier ? ((Supplier<?>) v).get() : v);
        }
        return j;
    }

    private static void createParents(Path... files) throws IOException {
        for (Path p : files) {
            if (p != null && p.toAbsolutePath().getParent() != null) {
                Files.createDirectories(p.toAbsolutePath().getParent());
            }
        }
    }
}
