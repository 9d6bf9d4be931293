package org.bigstep.kernel;

/**
 * The part of a kernel that differs between implementations: evaluate a contiguous range of samples into
 * a private gradient buffer. Threading, partitioning and the fixed-order reduction are shared
 * ({@link PartitionedStepKernel}), so every implementation is deterministic for any thread count.
 */
public interface RangeEvaluator {

    /** Called once per step on the coordinating thread before any range is evaluated (e.g. to pack W). */
    default void prepare(float[] weights) {
    }

    /**
     * Evaluates samples [from, to) for worker {@code worker} (0 .. workers-1; use it to pick scratch space).
     *
     * @param margins  receives q_i for i in [from, to)
     * @param gradient overwritten with this range's contribution to grad L (already divided by n), length m*d
     * @return sum over the range of log(1 + exp(-q_i)), in double, not divided by n
     */
    double evaluate(int worker, float[] weights, int from, int to, float[] margins, float[] gradient);

    /** Whether {@link #evaluate(int, float[], int, int, float[], float[], double)} accepts a non-zero shift. */
    default boolean supportsGradientShift() {
        return false;
    }

    /**
     * As {@link #evaluate(int, float[], int, int, float[], float[])}, but the gradient written is e^shift times
     * the true one (the per-sample logistic derivative is formed as e^shift sigmoid(-q) directly), so that it
     * stays in the float range when every loss is tiny. The returned loss sum is not scaled.
     */
    default double evaluate(int worker, float[] weights, int from, int to, float[] margins, float[] gradient, double shift) {
        if (shift != 0) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " does not scale its gradient");
        }
        return evaluate(worker, weights, from, to, margins, gradient);
    }

    /** Builds an evaluator for a spec and a number of workers; the vector package provides one reflectively. */
    interface Factory {
        RangeEvaluator create(KernelSpec spec, int workers);

        String name();

        int vectorBits();
    }
}
