package org.bigstep.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class LogisticTest {

    private static void assertRelative(double expected, double actual, double rel, String what) {
        assertTrue(Math.abs(actual - expected) <= rel * Math.abs(expected),
                what + ": expected " + expected + ", found " + actual);
    }

    @Test
    void tinyLossesKeepTheirValue() {
        // l(t) = log1p(e^{-t}) = e^{-t} - e^{-2t}/2 + ...; at t >= 40 the second term is below 1e-17 relative
        for (double t : new double[] {40, 60, 92, 200, 500, 700, 740}) {
            assertRelative(Math.exp(-t), Logistic.loss(t), 1e-12, "loss(" + t + ")");
        }
        assertRelative(1.1089390193121365e-40, Logistic.loss(92), 1e-12, "loss(92)"); // mpmath log1p(exp(-92))
        assertTrue(Logistic.loss(92) > 0);
        assertEquals(0.0, Logistic.loss(1e4), 0.0); // e^{-10000} is below Double.MIN_VALUE: 0 is the correctly rounded value
    }

    @Test
    void largeNegativeMarginsCostTheirSize() {
        assertEquals(1e4, Logistic.loss(-1e4), 0.0);
        assertEquals(800.0, Logistic.loss(-800), 0.0);
        assertRelative(-(-40) + Math.exp(-40), Logistic.loss(-40), 1e-15, "loss(-40)");
        assertEquals(Math.log(2), Logistic.loss(0), 0.0);
        assertRelative(0.31326168751822286, Logistic.loss(1), 1e-15, "loss(1)"); // log(1 + e^-1)
        assertRelative(1.3132616875182228, Logistic.loss(-1), 1e-15, "loss(-1)");
        assertEquals(Double.MAX_VALUE, Logistic.loss(-Double.MAX_VALUE), 0.0);
        assertEquals(0.0, Logistic.loss(Double.MAX_VALUE), 0.0);
    }

    @Test
    void noNanOrInfinityOverTheWholeRange() {
        double[] ts = {0, Double.MIN_VALUE, 1e-300, 1e-8, 1, 36, 37, 88.7, 89, 103, 104, 709, 710, 745, 746, 1e4, 1e10,
            Float.MAX_VALUE, Double.MAX_VALUE};
        for (double a : ts) {
            for (double t : new double[] {a, -a}) {
                double l = Logistic.loss(t);
                double g = Logistic.negativeDerivative(t);
                assertTrue(Double.isFinite(l) && l >= 0, "loss(" + t + ") = " + l);
                assertTrue(g >= 0 && g <= 1, "negativeDerivative(" + t + ") = " + g);
                if (Math.abs(t) <= Float.MAX_VALUE) {
                    float gf = Logistic.negativeDerivative((float) t);
                    assertTrue(gf >= 0 && gf <= 1, "float negativeDerivative(" + t + ") = " + gf);
                }
            }
        }
    }

    @Test
    void negativeDerivativeValues() {
        assertEquals(0.5, Logistic.negativeDerivative(0.0), 0.0);
        assertEquals(1.0, Logistic.negativeDerivative(-1e4), 0.0);
        assertRelative(Math.exp(-92), Logistic.negativeDerivative(92.0), 1e-12, "sigmoid(-92)");
        assertRelative(Math.exp(-700), Logistic.negativeDerivative(700.0), 1e-12, "sigmoid(-700)");
        assertRelative(0.2689414213699951, Logistic.negativeDerivative(1.0), 1e-15, "sigmoid(-1)");
        assertRelative(0.7310585786300049, Logistic.negativeDerivative(-1.0), 1e-15, "sigmoid(1)");
        // float version: the same function to float precision, including the subnormal tail
        for (float t = -120; t <= 120; t += 0.37f) {
            double exact = Logistic.negativeDerivative((double) t);
            float f = Logistic.negativeDerivative(t);
            double tol = exact >= Float.MIN_NORMAL ? 2e-7 * exact : 2 * Float.MIN_VALUE;
            assertEquals(exact, f, tol, "float negativeDerivative(" + t + ")");
        }
    }

    @Test
    void lossIsDecreasingAndDerivativeIsIncreasingInMinusT() {
        double prevLoss = Double.POSITIVE_INFINITY;
        double prevG = 1;
        for (double t = -1e4; t <= 800; t += t < -100 || t > 100 ? 7.3 : 0.013) {
            double l = Logistic.loss(t);
            double g = Logistic.negativeDerivative(t);
            assertTrue(l <= prevLoss, "loss increased at t=" + t);
            assertTrue(g <= prevG, "negativeDerivative increased at t=" + t);
            prevLoss = l;
            prevG = g;
        }
    }

    @Property(tries = 2000)
    void lossMinusMirroredLossIsMinusT(@ForAll @DoubleRange(min = -1e4, max = 1e4) double t) {
        // l(t) - l(-t) = log((1 + e^-t) / (1 + e^t)) = -t exactly in real arithmetic
        double d = Logistic.loss(t) - Logistic.loss(-t);
        assertEquals(-t, d, 4 * Math.ulp(Math.max(Math.abs(t), 1)), "t=" + t);
    }

    @Property(tries = 2000)
    void derivativesAddUpAndMatchFiniteDifferences(@ForAll @DoubleRange(min = -700, max = 700) double t) {
        double g = Logistic.negativeDerivative(t);
        assertEquals(1.0, g + Logistic.negativeDerivative(-t), 4.5e-16, "sigmoid(-t) + sigmoid(t) at t=" + t);
        // a fixed h: in the right tail l ~ e^{-t}, so the truncation error h^2/6 is relative to g
        double h = 1e-5;
        double up = t + h;
        double down = t - h; // divide by the representable spacing, not 2h: at t = 256 they differ by 3e-9 relative
        double fd = -(Logistic.loss(up) - Logistic.loss(down)) / (up - down);
        double tol = 1e-9 * g + 1e-15 * Logistic.loss(t) / h + 1e-300;
        assertEquals(g, fd, tol, "-l'(" + t + ")");
    }

    @Property(tries = 1000)
    void lossIsPositiveAndAtLeastTheHinge(@ForAll @DoubleRange(min = -1e6, max = 1e6) double t) {
        double l = Logistic.loss(t);
        assertTrue(l >= Math.max(0, -t), "loss(" + t + ") = " + l + " below max(0, -t)");
        assertTrue(l <= Math.max(0, -t) + Math.log(2) + 1e-15, "loss(" + t + ") = " + l + " above max(0,-t) + log 2");
    }
}
