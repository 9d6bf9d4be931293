package org.bigstep.cli;

import org.bigstep.activation.Activation;
import org.bigstep.io.InputException;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.kernel.Kernels;
import org.bigstep.training.TrainingOptions;
import picocli.CommandLine.Option;

/** Stepsize, number of steps, threads and kernel. */
public final class RunOptions {

    @Option(names = "--eta", paramLabel = "ETA", defaultValue = "1",
            description = "Constant stepsize used in the update W -= ETA grad L (the paper's eta~; default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "1000",
            description = "Number of GD updates; W_0..W_T are evaluated (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--threads", paramLabel = "N", description = "Kernel threads (default: available cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--kernel", paramLabel = "auto|scalar|vector", defaultValue = "auto",
            description = "Kernel: the fastest available (auto), the scalar reference, or the Vector API kernel (default: ${DEFAULT-VALUE}).")
    String kernel;

    public KernelChoice kernelChoice() {
        return kernelChoice(kernel);
    }

    public int threads() {
        return threads(threads);
    }

    /** --kernel as train, sweep and reproduce take it: a known name whose kernel can run here. */
    static KernelChoice kernelChoice(String text) {
        try {
            KernelChoice choice = KernelChoice.parse(text);
            Kernels.factory(choice);
            return choice;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InputException("--kernel " + text + ": " + e.getMessage());
        }
    }

    /** --threads as every command takes it: at least 1, all available cores when not given. */
    static int threads(Integer threads) {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new InputException("--threads: expected at least 1, found " + t);
        }
        return t;
    }

    public TrainingOptions options(Activation activation) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new InputException("--eta: expected a positive finite stepsize, found " + eta);
        }
        if (steps < 0) {
            throw new InputException("--steps: expected at least 0, found " + steps);
        }
        return new TrainingOptions(activation, eta, steps, threads(), kernelChoice());
    }
}
