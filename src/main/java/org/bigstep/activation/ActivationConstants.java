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

    /** Range of the dense linear scan; every activation here without a width parameter is affine or saturated well before it. */
    static final double SCAN_LIMIT = 60.0;
    private static final int GRID_POINTS = 240_001;
    /** Decades of the logarithmic scan, |z| = 1e-12 .. 1e6, so features much narrower than a grid cell or wider than the window are seen; not further, because phi - z phi' cancels to noise eps |z| out there. */
    private static final int MIN_DECADE = -12;
    private static final int MAX_DECADE = 6;
    private static final int POINTS_PER_DECADE = 200;
    /** The scan points, sorted: the linear grid on [-60, 60] merged with +-10^e on the logarithmic one. */
    private static final double[] GRID = grid();

    private static double[] grid() {
        java.util.TreeSet<Double> z = new java.util.TreeSet<>();
        double step = 2 * SCAN_LIMIT / (GRID_POINTS - 1);
        for (int i = 0; i < GRID_POINTS; i++) {
            z.add(-SCAN_LIMIT + i * step);
        }
        for (int k = MIN_DECADE * POINTS_PER_DECADE; k <= MAX_DECADE * POINTS_PER_DECADE; k++) {
            double v = Math.pow(10, (double) k / POINTS_PER_DECADE);
            z.add(v);
            z.add(-v);
        }
        double[] g = new double[z.size()];
        int i = 0;
        for (double v : z) {
            g[i++] = v;
        }
        return g;
    }

    /** Computes the constants by a dense scan (see {@link #supremum}) refined by golden-section search at the best point. */
    public static ActivationConstants of(Activation phi) {
        double maxSlope = supremum(z -> Math.abs(phi.derivative(z)));
        double maxCurvature = phi.smooth() ? supremum(z -> Math.abs(phi.secondDerivative(z))) : Double.POSITIVE_INFINITY;
        double kappa = supremum(z -> Math.abs(phi.value(z) - z * phi.derivative(z)));
        double minSlope = -supremum(z -> -phi.derivative(z));
        return new ActivationConstants(maxSlope, maxCurvature, kappa, minSlope);
    }

    /**
     * sup of g over the scan points (a linear grid on [-60, 60] plus a logarithmic one out to |z| = 1e6, which
     * catches huber-relu's [0, h] for h far below the grid step or far beyond 60), then golden-section
     * refinement between the best point's neighbours.
     */
    static double supremum(java.util.function.DoubleUnaryOperator g) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < GRID.length; i++) {
            double v = g.applyAsDouble(GRID[i]);
            if (v > bestValue) {
                bestValue = v;
                best = i;
            }
        }
        double lo = GRID[Math.max(0, best - 1)];
        double hi = GRID[Math.min(GRID.length - 1, best + 1)];
        double invPhi = (Math.sqrt(5) - 1) / 2;
        for (int iter = 0; iter < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); iter++) {
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
