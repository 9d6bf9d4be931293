package org.bigstep.loss;

/**
 * The logistic loss l(t) = log(1 + e^{-t}) of a margin t and its negative derivative sigmoid(-t),
 * stable for margins of any sign and size: no overflow, no log(0), and tiny losses keep their value
 * (l(92) is about 1e-40, not 0).
 */
public final class Logistic {

    private Logistic() {
    }

    /** l(t) = log(1 + e^{-t}); for large t this is e^{-t} to full precision, for very negative t it is -t. */
    public static double loss(double t) {
        if (t > 0) {
            return Math.log1p(Math.exp(-t));
        }
        return -t + Math.log1p(Math.exp(t));
    }

    /** -l'(t) = sigmoid(-t) = 1 / (1 + e^t), in (0, 1), never 1 - something. */
    public static double negativeDerivative(double t) {
        if (t >= 0) {
            double e = Math.exp(-t);
            return e / (1 + e);
        }
        return 1 / (1 + Math.exp(t));
    }

    /**
     * e^shift sigmoid(-t), without forming sigmoid(-t) first: late in training sigmoid(-t) is below the float
     * range (t above ~87) while the shifted value is not, so kernels keep a float gradient exact.
     */
    public static double scaledNegativeDerivative(double t, double shift) {
        if (t >= 0) {
            return Math.exp(shift - t) / (1 + Math.exp(-t));
        }
        return Math.exp(shift) / (1 + Math.exp(t));
    }

    /** Float version of {@link #negativeDerivative} for kernels; same branches, float range. */
    public static float negativeDerivative(float t) {
        if (t >= 0) {
            float e = (float) Math.exp(-t);
            return e / (1 + e);
        }
        return 1 / (1 + (float) Math.exp(t));
    }
}
