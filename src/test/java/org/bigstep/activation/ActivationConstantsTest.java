package org.bigstep.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The numerically computed constants against closed forms or values computed independently (mpmath at 40 digits).
 * Order in every check: sup|phi'|, sup|phi''|, kappa = sup|phi - z phi'|, alpha = inf phi'.
 */
class ActivationConstantsTest {

    private static final double LOG2 = Math.log(2);
    /** Standard normal density at sqrt(2) and 0. */
    private static final double PDF_SQRT2 = Math.exp(-1) / Math.sqrt(2 * Math.PI);
    private static final double PDF_0 = 1 / Math.sqrt(2 * Math.PI);
    /** Phi(sqrt 2) = (1 + erf(1)) / 2, erf(1) from mpmath. */
    private static final double CDF_SQRT2 = 0.5 * (1 + 0.8427007929497149);
    /** GELU's phi' peaks at z = sqrt 2: Phi(sqrt2) + sqrt2 pdf(sqrt2) = 1.12890414518515. */
    static final double GELU_MAX_SLOPE = CDF_SQRT2 + Math.sqrt(2) * PDF_SQRT2;

    private static void assertConstants(String spec, double slope, double curvature, double kappa, double alpha, double tol) {
        ActivationConstants c = Activations.parse(spec).constants();
        assertEquals(slope, c.maxSlope(), tol, spec + ": sup|phi'|");
        if (Double.isInfinite(curvature)) {
            assertEquals(curvature, c.maxCurvature(), spec + ": sup|phi''|");
        } else {
            assertEquals(curvature, c.maxCurvature(), tol, spec + ": sup|phi''|");
        }
        assertEquals(kappa, c.kappa(), tol, spec + ": kappa");
        assertEquals(alpha, c.minSlope(), tol, spec + ": alpha = inf phi'");
    }

    @Test
    void softplus() {
        assertConstants("softplus", 1, 0.25, LOG2, 0, 1e-9);
    }

    @Test
    void leakySoftplus() {
        assertConstants("leaky-softplus", 1, 0.125, LOG2 / 2, 0.5, 1e-9);
    }

    @Test
    void gelu() {
        // kappa = sup z^2 pdf(z) = 2 pdf(sqrt 2) = 0.2935 (the paper prints 0.242); alpha = 1 - sup phi'
        assertConstants("gelu", GELU_MAX_SLOPE, 2 * PDF_0, 2 * PDF_SQRT2, 1 - GELU_MAX_SLOPE, 1e-9);
        assertEquals(1.1289, GELU_MAX_SLOPE, 1e-4);
        assertEquals(0.2935, 2 * PDF_SQRT2, 1e-4);
    }

    @Test
    void geluTanhIsCloseToGelu() {
        assertConstants("gelu-tanh", GELU_MAX_SLOPE, 2 * PDF_0, 2 * PDF_SQRT2, 1 - GELU_MAX_SLOPE, 3e-3);
    }

    @Test
    void silu() {
        // mpmath: phi' peaks at z* = 2.39935728 (the root of 2 + z(1 - 2 s(z)) = 0), where also
        // z^2 s(1-s) peaks; sup phi' = 1.0998393, kappa = 0.4392288 (PAPER.md's 0.439 agrees)
        assertConstants("silu", 1.099839320128867, 0.5, 0.43922883989064515, 1 - 1.099839320128867, 1e-9);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 2, 7})
    void huberRelu(double h) {
        assertConstants("huber-relu:h=" + h, 1, 1 / h, h / 2, 0, 1e-9);
    }

    @Test
    void huberReluDefaultWidthIsOne() {
        assertConstants("huber-relu", 1, 1, 0.5, 0, 1e-9);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 1e-6, 100, 1e4})
    void huberReluAtWidthsOutsideTheScanRange(double h) {
        // the curvature lives on [0, h]: far narrower than a grid cell, or far wider than a fixed scan window
        assertConstants("huber-relu:h=" + h, 1, 1 / h, h / 2, 0, 1e-9 * Math.max(1, Math.max(h, 1 / h)));
    }

    @Test
    void sigmoid() {
        // sup|phi''| = 1/(6 sqrt 3) at s(1-s)(1-2s)'s peak; kappa -> 1 as z -> infinity
        assertConstants("sigmoid", 0.25, 1 / (6 * Math.sqrt(3)), 1, 0, 1e-9);
    }

    @Test
    void relu() {
        assertConstants("relu", 1, Double.POSITIVE_INFINITY, 0, 0, 0);
    }

    @Test
    void leakyVersionsScaleTheBaseConstants() {
        double c = 0.6;
        double w = (1 - c) / 4;
        assertConstants("leaky:c=0.6,base=gelu", c + w * GELU_MAX_SLOPE, w * 2 * PDF_0, w * 2 * PDF_SQRT2,
                c + w * (1 - GELU_MAX_SLOPE), 1e-9);
        assertConstants("leaky:c=0.5,base=softplus", 0.5 + 0.125, 0.125 / 4, 0.125 * LOG2, 0.5, 1e-9);
        assertConstants("leaky:c=0.75,base=huber-relu:h=2", 0.75 + 0.0625, 0.0625 / 2, 0.0625, 0.75, 1e-9);
        assertConstants("leaky:c=0.6,base=relu", c + w, Double.POSITIVE_INFINITY, 0, c, 1e-9);
    }
}
