package org.bigstep.repro;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.bigstep.cli.SweepRunner;
import org.bigstep.data.Dataset;
import org.bigstep.kernel.KernelChoice;

/**
 * What every experiment shares: where to write, how many cores, the step budget and where to log.
 *
 * @param out        the output directory: figures in {@code figures/}, runs in {@code runs/NAME/}
 * @param stepsScale multiplies every step count (1 = the documented sizes; tests use less)
 * @param threads    cores to use
 * @param imageData  the data for the images experiment (null: the shipped default), with its test set (may be null)
 */
public record Context(Path out, double stepsScale, int threads, KernelChoice kernel, boolean progress, PrintWriter log,
                      ImageData imageData) {

    /** Training data with an optional held-out test set and a name for the report. */
    public record ImageData(String description, Dataset train, Dataset test) {
    }

    /** A step count scaled by {@link #stepsScale}, at least {@code min}. */
    public long steps(long full, long min) {
        return Math.max(min, Math.round(full * stepsScale));
    }

    public Path runs(String experiment) {
        return out.resolve("runs").resolve(experiment);
    }

    public Path figure(String file) {
        return out.resolve("figures").resolve(file);
    }

    /** The figure's path as the report links it. */
    public String figureLink(String file) {
        return "figures/" + file;
    }

    public SweepRunner runner() {
        return new SweepRunner(threads, 0).withProgress(progress);
    }
}
