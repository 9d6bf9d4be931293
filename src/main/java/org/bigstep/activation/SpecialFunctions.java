package org.bigstep.activation;

/** erf and the standard normal CDF to near double precision; the JDK has neither. */
public final class SpecialFunctions {

    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double INV_SQRT_2 = 1 / Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private SpecialFunctions() {
    }

    /** erf(x): a positive-term series below 3 (no cancellation), 1 - erfc above. */
    public static double erf(double x) {
        double ax = Math.abs(x);
        double r = ax < 3 ? erfSeries(ax) : 1 - erfcContinuedFraction(ax);
        return Math.copySign(r, x);
    }

    /** erfc(x) = 1 - erf(x), accurate in the far tail where 1 - erf would cancel. */
    public static double erfc(double x) {
        if (x < 3) {
            return 1 - erf(x);
        }
        return erfcContinuedFraction(x);
    }

    /** Standard normal CDF Phi(z) = erfc(-z / sqrt 2) / 2. */
    public static double normalCdf(double z) {
        return 0.5 * erfc(-z * INV_SQRT_2);
    }

    /** Standard normal density. */
    public static double normalPdf(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    // erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (1*3*...*(2n+1)); every term positive.
    private static double erfSeries(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    }

    // erfc(x) = e^{-x^2}/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))), evaluated by modified Lentz; x >= 3.
    private static double erfcContinuedFraction(double x) {
        if (x > 27.5) {
            return 0; // e^{-x^2} underflows below Double.MIN_VALUE; also keeps x = +infinity from giving inf * 0 = NaN
        }
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double a = k / 2.0;
            d = x + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }
}
