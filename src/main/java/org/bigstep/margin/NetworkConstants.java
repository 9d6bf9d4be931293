package org.bigstep.margin;

import org.bigstep.activation.Activation;
import org.bigstep.activation.ActivationConstants;

/**
 * The network-level constants of the theory and the thresholds built from them (PAPER.md):
 * rho = sup|phi'| b R / sqrt(m), beta = sup|phi''| b R^2 / m, kappa = kappa(phi) b, where R = max ||x_i||.
 * The paper assumes R <= 1 and states them with R = 1; using the data's R keeps them valid for any data.
 */
public record NetworkConstants(double rho, double beta, double kappa, double radius) {

    public static NetworkConstants of(Activation phi, int width, double scale, double radius) {
        ActivationConstants c = phi.constants();
        double r = radius;
        return new NetworkConstants(
                c.maxSlope() * scale * r / Math.sqrt(width),
                c.maxCurvature() * scale * r * r / width,
                c.kappa() * scale,
                radius);
    }

    /** Theorem 2.2: once L(W_r) is at most this, the risk never increases again. 0 when beta is infinite (ReLU). */
    public double stableThreshold(double eta) {
        double s = eta * (2 * rho * rho + beta);
        return Double.isInfinite(s) ? 0 : 1 / s;
    }

    /** The margin-improvement threshold min(1/(2 n e^(kappa+2)), 1/(eta (4 rho^2 + 2 beta))). */
    public double marginThreshold(double eta, int n) {
        return Math.min(1 / (2 * n * Math.exp(kappa + 2)), stableThreshold(eta) / 2);
    }

    /**
     * The modified margin gamma_c = exp(Phi(L)) / ||W||_F with
     * Phi(x) = log(-log(2 n e^kappa x)) + (1 + (4 rho^2 + 2 beta) eta) / log(2 n e^kappa x);
     * NaN where undefined (L above 1/(2 n e^(kappa+2)), or ||W|| = 0, or beta infinite).
     */
    public double modifiedMargin(double loss, double weightNorm, double eta, int n) {
        return modifiedMarginFromLog(Math.log(loss), weightNorm, eta, n);
    }

    /** {@link #modifiedMargin} from log L, which stays exact where L underflows. */
    public double modifiedMarginFromLog(double logLoss, double weightNorm, double eta, int n) {
        double logDefined = -Math.log(2.0 * n) - kappa - 2;
        if (!(logLoss <= logDefined) || weightNorm == 0 || Double.isInfinite(beta)) {
            return Double.NaN;
        }
        // log(2 n e^kappa L) as a sum of logs, so that a tiny L does not underflow first
        double logArg = Math.log(2.0 * n) + kappa + logLoss;
        double phi = Math.log(-logArg) + (1 + (4 * rho * rho + 2 * beta) * eta) / logArg;
        return Math.exp(phi) / weightNorm;
    }
}
