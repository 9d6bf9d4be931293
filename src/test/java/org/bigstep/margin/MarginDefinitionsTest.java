package org.bigstep.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bigstep.activation.Activation;
import org.bigstep.activation.ActivationConstants;
import org.bigstep.activation.Activations;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.data.Dataset;
import org.bigstep.kernel.DoubleReference;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.GradientDescent;
import org.bigstep.training.TrainingOptions;
import org.bigstep.training.TrainingResult;
import org.junit.jupiter.api.Test;

/** The tracked margins and constants, recomputed in the test from the weights and PAPER.md's formulas. */
class MarginDefinitionsTest {

    /** gamma_c = exp(Phi(L)) / ||W||, Phi(x) = log(-log(2 n e^kappa x)) + (1 + (4 rho^2 + 2 beta) eta) / log(2 n e^kappa x). */
    private static double modifiedMargin(double loss, double norm, double eta, int n, double rho, double beta, double kappa) {
        if (loss > 1 / (2 * n * Math.exp(kappa + 2))) {
            return Double.NaN;
        }
        double lg = Math.log(2 * n * Math.exp(kappa) * loss);
        return Math.exp(Math.log(-lg) + (1 + (4 * rho * rho + 2 * beta) * eta) / lg) / norm;
    }

    @Test
    void networkConstantsFollowThePaperWithTheDataRadius() {
        Activation phi = Activations.parse("gelu");
        ActivationConstants c = phi.constants();
        NetworkConstants k = NetworkConstants.of(phi, 16, 2, 3);
        assertEquals(c.maxSlope() * 2 * 3 / 4, k.rho(), 1e-15);
        assertEquals(c.maxCurvature() * 2 * 9 / 16, k.beta(), 1e-15);
        assertEquals(c.kappa() * 2, k.kappa(), 1e-15);
        assertEquals(1 / (0.5 * (2 * k.rho() * k.rho() + k.beta())), k.stableThreshold(0.5), 1e-15);
        assertEquals(Math.min(1 / (2 * 10 * Math.exp(k.kappa() + 2)), 1 / (0.5 * (4 * k.rho() * k.rho() + 2 * k.beta()))),
                k.marginThreshold(0.5, 10), 1e-15);
        NetworkConstants relu = NetworkConstants.of(Activations.parse("relu"), 4, 1, 1);
        assertEquals(0.0, relu.stableThreshold(1), "infinite beta: no stable threshold");
        assertTrue(Double.isNaN(relu.modifiedMargin(1e-30, 1, 1, 4)));
    }

    @Test
    void modifiedMarginIsNaNExactlyWhereUndefined() {
        NetworkConstants k = NetworkConstants.of(Activations.parse("softplus"), 4, 1, 1);
        int n = 10;
        double edge = 1 / (2 * n * Math.exp(k.kappa() + 2));
        assertTrue(Double.isNaN(k.modifiedMargin(Math.nextUp(edge) * 1.000001, 1, 1, n)), "above 1/(2 n e^(kappa+2))");
        assertTrue(Double.isFinite(k.modifiedMargin(edge * 0.999999, 1, 1, n)));
        assertTrue(Double.isNaN(k.modifiedMargin(0.5, 1, 1, n)));
        for (double l : new double[] {1e-3 * edge, 1e-40, 1e-300}) {
            assertEquals(k.modifiedMargin(l, 2, 1, n), k.modifiedMarginFromLog(Math.log(l), 2, 1, n), 0.0, "from log at L=" + l);
        }
        assertTrue(Double.isNaN(k.modifiedMargin(1e-20, 0, 1, n)), "||W|| = 0");
        assertTrue(Double.isNaN(k.modifiedMargin(Double.NaN, 1, 1, n)));
        double tiny = k.modifiedMargin(1e-300, 2, 1, n);
        assertTrue(Double.isFinite(tiny) && tiny > 0, "L = 1e-300 must not underflow: " + tiny);
        assertEquals(modifiedMargin(1e-20, 3, 0.7, n, k.rho(), k.beta(), k.kappa()), k.modifiedMargin(1e-20, 3, 0.7, n), 1e-12);
    }

    @Test
    void marginsStayFiniteWhereTheRiskUnderflows() {
        // every margin ~ 800: L = mean e^{-q} ~ 1e-348 underflows double, its log must not
        NetworkConstants k = NetworkConstants.of(Activations.parse("softplus"), 4, 1, 1);
        float[] q = {800, 801, 805};
        double logL = -800 + Math.log((1 + Math.exp(-1) + Math.exp(-5)) / 3);
        StepRecord r = new StepRecord();
        r.set(5, 0.0, q, 3, 10, 0, k, 2);
        assertEquals(logL, r.logLoss(), 1e-12 * 800);
        assertEquals(-logL / 10, r.smoothedMargin(), 1e-12 * 80);
        assertEquals(80.0, r.normalizedMargin(), 0.0);
        assertEquals(k.modifiedMarginFromLog(logL, 10, 2, 3), r.modifiedMargin(), 1e-12 * r.modifiedMargin());
        assertTrue(Double.isFinite(r.modifiedMargin()) && r.modifiedMargin() > 0, "modified margin " + r.modifiedMargin());
        assertEquals(5, r.step());
        assertTrue(r.finite());
        // and the ordinary path agrees with log L where L is representable
        float[] small = {50, 51, 60};
        double l = (org.bigstep.loss.Logistic.loss(50) + org.bigstep.loss.Logistic.loss(51) + org.bigstep.loss.Logistic.loss(60)) / 3;
        r.set(6, l, small, 3, 10, 0, k, 2);
        assertEquals(Math.log(l), r.logLoss(), 1e-14 * 50);
    }

    @Test
    void trackedMarginsMatchRecomputationFromTheWeights() {
        // Figure 4's setup (five points, m = 2, a = (+1, -1), leaky softplus) with eta = 30 so that the risk gets
        // below 1/(2 n e^(kappa+2)) = 0.0096, where the modified margin is defined, and below the margin-improvement threshold 0.00196 within 60000 steps
        Dataset data = BuiltinDatasets.fig4();
        Activation phi = Activations.parse("leaky-softplus");
        double eta = 30;
        int n = data.size();
        TwoLayerNetwork net = TwoLayerNetwork.initialize(2, 3, 7, 1, 1);
        ActivationConstants c = phi.constants();
        double radius = Math.sqrt(4 + 4 + (double) 0.05f * 0.05f); // fig4 row 3, (0.05, -2, -2), is the longest
        double rho = c.maxSlope() * radius / Math.sqrt(2);
        double beta = c.maxCurvature() * radius * radius / 2;
        double kappa = c.kappa();
        double marginThreshold = Math.min(1 / (2 * n * Math.exp(kappa + 2)), 1 / (eta * (4 * rho * rho + 2 * beta)));
        int[] improving = {0};
        int[] defined = {0};
        int[] checked = {0};
        double[] lastModified = {Double.NaN};
        TrainingResult r = new GradientDescent(new TrainingOptions(phi, eta, 60_000, 1, KernelChoice.SCALAR)).train(net, data,
                (rec, nw) -> {
                    if (rec.step() % 293 != 0 && rec.step() != 60_000) {
                        return;
                    }
                    checked[0]++;
                    double[] w = nw.weights();
                    double norm = 0;
                    for (double v : w) {
                        norm += v * v;
                    }
                    norm = Math.sqrt(norm);
                    double[] q = new double[n];
                    double[] g = new double[w.length];
                    double loss = DoubleReference.risk(data, phi, nw.signs(), 1, w, g, q);
                    double min = Double.POSITIVE_INFINITY;
                    for (double v : q) {
                        min = Math.min(min, v);
                    }
                    double gnorm = 0;
                    for (double v : g) {
                        gnorm += v * v;
                    }
                    gnorm = Math.sqrt(gnorm);
                    String at = "step " + rec.step();
                    assertEquals(norm, rec.weightNorm(), 1e-12 * norm, at + ": ||W||");
                    // the kernel reads float32 weights: relative 1e-5 on risk and margins
                    assertEquals(loss, rec.loss(), 1e-5 * loss, at + ": risk");
                    assertEquals(min, rec.minMargin(), 1e-5 * (1 + Math.abs(min)), at + ": min margin");
                    assertEquals(min / norm, rec.normalizedMargin(), 1e-5 * (1 + Math.abs(min)) / norm, at + ": normalized margin");
                    assertEquals(-Math.log(loss) / norm, rec.smoothedMargin(), 1e-5 / norm, at + ": smoothed margin");
                    assertEquals(gnorm, rec.gradNorm(), 1e-4 * gnorm, at + ": ||grad||");
                    for (int i = 0; i < n; i++) {
                        assertEquals(q[i], rec.margins()[i], 1e-5 * (1 + Math.abs(q[i])), at + ": margin " + i);
                    }
                    double expected = modifiedMargin(rec.loss(), rec.weightNorm(), eta, n, rho, beta, kappa);
                    if (Double.isNaN(expected)) {
                        assertTrue(Double.isNaN(rec.modifiedMargin()), at + ": modified margin should be undefined, found " + rec.modifiedMargin());
                    } else {
                        defined[0]++;
                        assertEquals(expected, rec.modifiedMargin(), 1e-9 * Math.abs(expected), at + ": modified margin");
                        if (rec.loss() > marginThreshold) {
                            return;
                        }
                        improving[0]++;
                        // the paper, below the margin-improvement threshold: gamma_c <= gamma_bar and gamma_c increases
                        assertTrue(rec.modifiedMargin() <= rec.normalizedMargin() * (1 + 1e-6),
                                at + ": gamma_c " + rec.modifiedMargin() + " > normalized " + rec.normalizedMargin());
                        // and gamma_c increases (checked on the sampled steps)
                        if (!Double.isNaN(lastModified[0])) {
                            assertTrue(rec.modifiedMargin() >= lastModified[0] * (1 - 1e-9), at + ": gamma_c decreased");
                        }
                        lastModified[0] = rec.modifiedMargin();
                    }
                });
        assertTrue(checked[0] > 100);
        assertTrue(defined[0] > 10, "the modified margin was defined on only " + defined[0] + " sampled steps; final loss "
                + r.lastRecord().loss());
        assertTrue(improving[0] > 10, "only " + improving[0] + " sampled steps below the margin threshold " + marginThreshold);
        assertTrue(r.lastRecord().normalizedMargin() > 0, "fig4: the network margin turns positive");
    }
}
