package org.bigstep.activation;

/**
 * The per-activation constants the theory uses, for scalar input (see PAPER.md).
 *
 * @param maxSlope     sup |phi'(z)|, the paper's Lipschitz constant
 * @param maxCurvature sup |phi''(z)|, the paper's beta tilde (infinite for ReLU)
 * @param kappa        sup |phi(z) - z phi'(z)|, how far phi is from 1-homogeneous
 * @param minSlope     inf phi'(z), the paper's alpha (positive only for leaky activations)
 */
public record ActivationConstants(double maxSlope, double maxCurvature, double kappa, double minSlope) {

    /** Range scanned for the suprema; every activation here is affine or saturated well before it. */
    static final double SCAN_LIMIT = 60.0;
    private static final int GRID_POINTS = 240_001;

    /** Computes the constants by a dense scan of [-60, 60] refined by golden-section search at the best point. */
    public static ActivationConstants of(Activation phi) {
        double maxSlope = supremum(z -> Math.abs(phi.derivative(z)));
        double maxCurvature = phi.smooth() ? supremum(z -> Math.abs(phi.secondDerivative(z))) : Double.POSITIVE_INFINITY;
        double kappa = supremum(z -> Math.abs(phi.value(z) - z * phi.derivative(z)));
        double minSlope = -supremum(z -> -phi.derivative(z));
        return new ActivationConstants(maxSlope, maxCurvature, kappa, minSlope);
    }

    /** sup of g over [-SCAN_LIMIT, SCAN_LIMIT]: grid scan, then golden-section refinement around the best cell. */
    static double supremum(java.util.function.DoubleUnaryOperator g) {
        double step = 2 * SCAN_LIMIT / (GRID_POINTS - 1);
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < GRID_POINTS; i++) {
            double v = g.applyAsDouble(-SCAN_LIMIT + i * step);
            if (v > bestValue) {
                bestValue = v;
                best = i;
            }
        }
        double lo = -SCAN_LIMIT + Math.max(0, best - 1) * step;
        double hi = -SCAN_LIMIT + Math.min(GRID_POINTS - 1, best + 1) * step;
        double invPhi = (Math.sqrt(5) - 1) / 2;
        for (int iter = 0; iter < 100 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); iter++) {
            double a = hi - invPhi * (hi - lo);
            double b = lo + invPhi * (hi - lo);
            if (g.applyAsDouble(a) >= g.applyAsDouble(b)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.max(bestValue, g.applyAsDouble((lo + hi) / 2));
    }
}
