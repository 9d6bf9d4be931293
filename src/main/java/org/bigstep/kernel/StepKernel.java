package org.bigstep.kernel;

/**
 * One full-batch evaluation of the network at float32 weights: margins, risk and gradient in one pass.
 * Obtain one from {@link Kernels#create}; close it to stop its worker threads.
 */
public interface StepKernel extends AutoCloseable {

    /**
     * Evaluates at {@code weights} (m x d row-major).
     *
     * @param margins  receives q_i = y_i f(W; x_i), length n
     * @param gradient receives grad L(W), length m * d
     * @return the risk L(W) = (1/n) sum_i log(1 + exp(-q_i)), summed in double
     */
    default double evaluate(float[] weights, float[] margins, float[] gradient) {
        return evaluate(weights, margins, gradient, 0);
    }

    /**
     * As {@link #evaluate(float[], float[], float[])}, but {@code gradient} receives e^shift grad L: late in
     * training the per-sample derivatives sigmoid(-q_i) fall below the float range (q above ~87) and a float
     * gradient would silently become 0; a shift near the smallest margin keeps it exact. The risk is not scaled.
     */
    double evaluate(float[] weights, float[] margins, float[] gradient, double shift);

    /**
     * The sum of squares of the gradient the last {@link #evaluate} wrote (the shifted one, if it was), in double
     * and in the order of {@link org.bigstep.model.TwoLayerNetwork#sumOfSquares}; computed by the threads that
     * summed the gradient, while its rows were in cache.
     */
    double gradientSumOfSquares();

    /**
     * One gradient-descent update on the kernel's threads, row by row of the m x d weights: {@code master[k] -= rate
     * * gradient[k]} in double, {@code copy[k] = (float) master[k]} (the float32 copy the next {@link #evaluate}
     * reads).
     *
     * @return the updated master weights' sum of squares, in the order of {@link
     *         org.bigstep.model.TwoLayerNetwork#sumOfSquares}: the same for any thread count, and the same as
     *         {@code frobeniusNorm()} squared of a network holding them
     */
    double update(double[] master, float[] copy, float[] gradient, double rate);

    /** "scalar" or "vector". */
    String name();

    /** The vector width in bits, 0 for the scalar kernel. */
    int vectorBits();

    int threads();

    @Override
    void close();
}
