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
     * @param gradient overwritten with this range's contribution to e^shift grad L (already divided by n),
     *                 length m*d; the per-sample logistic derivative is formed as e^shift sigmoid(-q) directly,
     *                 so the gradient stays in the float range when every loss is tiny
     * @param shift    the gradient scale exponent chosen by the caller, 0 for the plain gradient
     * @return sum over the range of log(1 + exp(-q_i)), in double, not divided by n and not scaled
     */
    double evaluate(int worker, float[] weights, int from, int to, float[] margins, float[] gradient, double shift);

    /** The plain gradient: {@code evaluate(..., 0)}. */
    default double evaluate(int worker, float[] weights, int from, int to, float[] margins, float[] gradient) {
        return evaluate(worker, weights, from, to, margins, gradient, 0);
    }

    /** Builds an evaluator for a spec and a number of workers; the vector package provides one reflectively. */
    interface Factory {
        RangeEvaluator create(KernelSpec spec, int workers);

        String name();

        int vectorBits();

        /**
         * Why this factory's kernels may run far below what this machine can do (a forced vector width wider
         * than its SIMD instructions, which the JIT then emulates), or empty. Logged once when the factory is
         * chosen, and shown by {@code bigstep info}.
         */
        default String caution() {
            return "";
        }
    }
}
