package org.bigstep.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bigstep.data.Dataset;
import org.bigstep.margin.PhaseTracker;
import org.bigstep.margin.StepRecord;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.StepListener;

/**
 * Saves a {@link Checkpoint} every {@code every} steps, before step t is evaluated (t % every == 0, after
 * the first step of this run), and once more when a step diverges. Register it after the trace writer:
 * the trace is flushed and forced to disk before each checkpoint, so the trace on disk always covers
 * every row the checkpoint says it does.
 *
 * <p>On divergence at step t the checkpoint holds W_t, the state just before the step whose values were
 * not finite (the weights after the last finite step's update), provided those weights are themselves
 * finite; otherwise the last periodic checkpoint stays. Resuming it reproduces the divergence; it is
 * there to inspect.
 */
public final class Checkpointer implements StepListener {

    private final Path file;
    private final long every;
    private final long firstStep;
    private final Map<String, String> options;
    private final Map<String, String> run;
    private final Dataset data;
    private final long dataHash;
    private final TraceWriter trace;
    private long savedStep = -1;
    private long saves;
    private double saveSeconds;

    // the state before the step being evaluated, for a divergence checkpoint
    private PhaseTracker phases;
    private long traceBytes;
    private long traceRows;
    private long traceLastRowStep = -1;

    /**
     * @param options   the resolved options to store (see {@code TrainCommand})
     * @param run       the run metadata of the trace header and summary
     * @param trace     the trace writer, or null when there is no trace
     * @param firstStep the step this run starts at (0, or the resumed checkpoint's): not saved again
     */
    public Checkpointer(Path file, long every, long firstStep, Map<String, String> options, Map<String, String> run,
                        Dataset data, TraceWriter trace) {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoint: expected every >= 1, found " + every);
        }
        this.file = file;
        this.every = every;
        this.firstStep = firstStep;
        this.options = new LinkedHashMap<>(options);
        this.run = new LinkedHashMap<>(run);
        this.data = data;
        this.dataHash = data.contentHash();
        this.trace = trace;
    }

    @Override
    public void beforeStep(long step, TwoLayerNetwork network, PhaseTracker tracker) {
        this.phases = tracker;
        if (trace != null) { // three longs, no allocation: this runs every step
            traceBytes = trace.bytesWritten();
            traceRows = trace.rowsWritten();
            traceLastRowStep = trace.lastRowStep();
        }
        if (step > firstStep && step % every == 0) {
            save(step, -1, network, Checkpoint.Phases.of(tracker), traceBefore());
        }
    }

    @Override
    public void onStep(StepRecord record, TwoLayerNetwork network) {
        if (record.finite()) {
            return;
        }
        for (double w : network.weights()) {
            if (!Double.isFinite(w)) {
                return; // nothing better than the last periodic checkpoint
            }
        }
        // the tracker skips non-finite steps, so it still holds the state before this step
        save(record.step(), record.step(), network, Checkpoint.Phases.of(phases), traceBefore());
    }

    /** The trace as it was before the current step's row. */
    private Checkpoint.TraceState traceBefore() {
        return trace == null ? Checkpoint.TraceState.NONE : new Checkpoint.TraceState(traceBytes, traceRows, traceLastRowStep);
    }

    private void save(long step, long diverged, TwoLayerNetwork network, Checkpoint.Phases state, Checkpoint.TraceState traceState) {
        long start = System.nanoTime();
        try {
            if (trace != null) {
                trace.sync();
            }
            new Checkpoint(options, run, dataHash, data.size(), data.dimension(), step, diverged, state, traceState,
                    network.scale(), network.signs(), network.weights()).write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file + ": " + e.getMessage(), e);
        }
        savedStep = step;
        saves++;
        saveSeconds += (System.nanoTime() - start) / 1e9;
    }

    /** The step of the last checkpoint written by this run, -1 if none. */
    public long savedStep() {
        return savedStep;
    }

    public long saves() {
        return saves;
    }

    /** Wall time spent writing checkpoints (trace sync included). */
    public double saveSeconds() {
        return saveSeconds;
    }
}
