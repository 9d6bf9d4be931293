package org.bigstep.kernel;

/**
 * The part of a kernel that differs between implementations: evaluate a contiguous range of samples into
 * a private gradient buffer, in a layout of the implementation's choosing, and sum such buffers into the caller's
 * gradient. Threading, partitioning and the fixed order of the reduction are shared ({@link PartitionedStepKernel}),
 * so every implementation is deterministic for any thread count.
 */
public interface RangeEvaluator {

    /**
     * Floats of the buffer that {@link #evaluate} writes one range's gradient into: m*d where the layout is the
     * caller's (row j of W at j*d), more where the evaluator keeps its own padded or blocked layout so that no
     * range has to convert it (see {@link #reduce}).
     */
    int partialLength();

    /**
     * Rows [from, to) of the caller's gradient (neurons j, at j*d): the sum of {@code partials}, buffers written
     * by {@link #evaluate}, added in array order (partials[0] + partials[1] + ...) so that the result depends on
     * the order of the ranges only. Called with disjoint row ranges from several threads at once.
     */
    void reduce(float[][] partials, float[] gradient, int from, int to);

    /** {@link #reduce} for buffers in the caller's layout: elements [from, to) of m*d, summed in array order. */
    static void sumInOrder(float[][] partials, float[] gradient, int from, int to) {
        sumInOrder(partials, from, gradient, from, to - from);
    }

    /**
     * gradient[at, at + width) = the partials' [from, from + width) summed in array order, one partial at a time:
     * plain loops, which C2 vectorises itself (a Vector API sum carried from partial to partial was sometimes
     * compiled as a virtual call that allocated every vector: docs/PERFORMANCE-NOTES.md, Intel Xeon VM).
     */
    static void sumInOrder(float[][] partials, int from, float[] gradient, int at, int width) {
        System.arraycopy(partials[0], from, gradient, at, width);
        for (int p = 1; p < partials.length; p++) {
            float[] src = partials[p];
            for (int k = 0; k < width; k++) {
                gradient[at + k] += src[from + k];
            }
        }
    }

    /**
     * Called once per step before any range is evaluated, for the rows (neurons) [fromRow, toRow) of W (e.g. to pack
     * them); 0..m may come as several ranges prepared at once by the kernel's threads, each starting at a multiple
     * of {@link PartitionedStepKernel#PREPARE_ROW_MULTIPLE}, so that no two threads write one cache line of a
     * packed copy at any vector width.
     */
    default void prepare(float[] weights, int fromRow, int toRow) {
    }

    /**
     * Evaluates samples [from, to) for worker {@code worker} (0 .. workers-1; use it to pick scratch space).
     *
     * @param margins  receives q_i for i in [from, to)
     * @param gradient a buffer of {@link #partialLength()} floats, overwritten with this range's contribution to
     *                 e^shift grad L (already divided by n), in the evaluator's layout; the per-sample logistic
     *                 derivative is formed as e^shift sigmoid(-q) directly, so the gradient stays in the float
     *                 range when every loss is tiny
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
