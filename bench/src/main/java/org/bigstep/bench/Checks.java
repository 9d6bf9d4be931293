package org.bigstep.bench;

import org.bigstep.kernel.KernelChoice;
import org.bigstep.kernel.KernelSpec;
import org.bigstep.kernel.Kernels;
import org.bigstep.kernel.StepKernel;

/** Correctness checks run in @Setup/@TearDown, never inside a measured method. They throw, so JMH reports the failure. */
final class Checks {

    /** Samples used for the pre-run correctness check: enough to cover partition and tile tails, cheap at any d, m. */
    static final int CHECK_ROWS = 300;

    private Checks() {
    }

    /** Builds the kernel, turning "vector not available" into a message that says what to do. */
    static StepKernel create(KernelSpec spec, KernelChoice choice) {
        try {
            return Kernels.create(spec, choice);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("kernel=" + choice + " cannot run here: " + e.getMessage()
                    + " (until branch 'kernel' is merged there is no vector kernel; bench/run then skips kernel=vector,"
                    + " or pass -p kernel=scalar to JMH)", e);
        }
    }

    /**
     * Checks the chosen kernel on the first {@link #CHECK_ROWS} samples of the problem: the scalar kernel
     * against the double reference risk, and the vector kernel against the scalar one (risk, margins, gradient).
     */
    static void kernelAgrees(Problem full, KernelChoice choice, int threads) {
        Problem p = full.head(CHECK_ROWS);
        float[] w32 = new float[p.m * p.d];
        p.network.copyWeightsTo(w32);
        float[] scalarGrad = new float[w32.length];
        float[] scalarMargins = new float[p.n];
        double scalarRisk;
        try (StepKernel scalar = Kernels.create(p.spec(threads), KernelChoice.SCALAR)) {
            scalarRisk = scalar.evaluate(w32, scalarMargins, scalarGrad);
        }
        double reference = p.referenceRisk();
        close("scalar risk vs float64 reference on " + p.data.name(), scalarRisk, reference, 1e-3);
        if (choice == KernelChoice.SCALAR) {
            return;
        }
        float[] grad = new float[w32.length];
        float[] margins = new float[p.n];
        double risk;
        try (StepKernel k = create(p.spec(threads), choice)) {
            expectKernel(k, choice);
            risk = k.evaluate(w32, margins, grad);
        }
        close(choice + " risk vs scalar", risk, scalarRisk, 1e-4);
        // tolerance grows with d: float32 dot products of length d
        double tol = 1e-5 * Math.sqrt(p.d) + 1e-6;
        closeArrays(choice + " margins vs scalar", margins, scalarMargins, tol);
        closeArrays(choice + " gradient vs scalar", grad, scalarGrad, tol);
    }

    static void expectKernel(StepKernel k, KernelChoice choice) {
        if (choice != KernelChoice.AUTO && !k.name().equals(choice.toString())) {
            throw new IllegalStateException("asked for kernel " + choice + " but got " + k.name());
        }
    }

    static void finite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException(what + ": expected a finite number, found " + v);
        }
    }

    static void close(String what, double actual, double expected, double relTol) {
        finite(what, actual);
        double err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-30);
        if (!(err <= relTol)) {
            throw new IllegalStateException(what + ": expected " + expected + " within relative " + relTol
                    + ", found " + actual + " (relative error " + err + ")");
        }
    }

    /** max |a - b| <= tol * max(1, max |b|): an error relative to the array's scale, not each element's. */
    static void closeArrays(String what, float[] actual, float[] expected, double tol) {
        double scale = 0;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        int at = -1;
        for (int k = 0; k < expected.length; k++) {
            double e = Math.abs((double) actual[k] - expected[k]);
            if (!(e <= worst)) {
                worst = e;
                at = k;
            }
        }
        double bound = tol * Math.max(scale, 1e-30);
        if (!(worst <= bound)) {
            throw new IllegalStateException(what + ": max error " + worst + " at index " + at + " exceeds " + bound
                    + " (tolerance " + tol + " x max|expected| " + scale + ")");
        }
    }
}
