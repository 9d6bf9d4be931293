package org.bigstep.training;

import org.bigstep.activation.Activation;
import org.bigstep.kernel.KernelChoice;

/**
 * How to run gradient descent.
 *
 * @param activation phi
 * @param eta        the stepsize used in the update W -= eta grad L (the paper's eta tilde)
 * @param steps      T: the run evaluates W_0 .. W_T and performs T updates
 * @param threads    kernel threads; results do not depend on it
 * @param kernel     which kernel to run
 */
public record TrainingOptions(Activation activation, double eta, long steps, int threads, KernelChoice kernel) {

    public TrainingOptions {
        if (activation == null) {
            throw new IllegalArgumentException("training: expected an activation, found none");
        }
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("training: expected a positive finite stepsize eta, found " + eta);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("training: expected steps >= 0, found " + steps);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("training: expected threads >= 1, found " + threads);
        }
    }

    /** Defaults: all available cores, the fastest kernel. */
    public static TrainingOptions of(Activation activation, double eta, long steps) {
        return new TrainingOptions(activation, eta, steps, Runtime.getRuntime().availableProcessors(), KernelChoice.AUTO);
    }

    public TrainingOptions withThreads(int n) {
        return new TrainingOptions(activation, eta, steps, n, kernel);
    }

    public TrainingOptions withKernel(KernelChoice k) {
        return new TrainingOptions(activation, eta, steps, threads, k);
    }
}
