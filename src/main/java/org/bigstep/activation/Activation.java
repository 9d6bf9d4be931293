package org.bigstep.activation;

/**
 * A scalar activation phi with its first two derivatives, evaluated in double.
 *
 * <p>Kernels that need float speed switch on {@link #kind()} and {@link #parameter()} to pick a
 * specialised implementation; everything else uses the double methods, which are the reference.
 */
public interface Activation {

    /** The families the engine knows; kernels specialise on these. */
    enum Kind { SOFTPLUS, LEAKY_SOFTPLUS, GELU, GELU_TANH, SILU, HUBER_RELU, SIGMOID, RELU, LEAKY }

    Kind kind();

    /** The canonical spelling, which {@link Activations#parse} turns back into an equal activation. */
    String name();

    /** The family's parameter: h for huber-relu, the slope c for leaky; NaN for the others. */
    default double parameter() {
        return Double.NaN;
    }

    /** The wrapped activation of a {@link Kind#LEAKY} one, null for the others. */
    default Activation base() {
        return null;
    }

    double value(double z);

    double derivative(double z);

    /** phi''(z); for ReLU at 0, where it does not exist, {@code Double.POSITIVE_INFINITY}. */
    double secondDerivative(double z);

    /** False for ReLU: the theory's smoothness constant is infinite. */
    default boolean smooth() {
        return true;
    }

    /** sup|phi'|, sup|phi''|, kappa and alpha, computed numerically once and cached. */
    ActivationConstants constants();
}
