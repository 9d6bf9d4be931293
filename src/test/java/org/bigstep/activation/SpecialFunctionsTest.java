package org.bigstep.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    /** |actual - expected| <= rel * |expected|, with a message showing both. */
    static void assertRelative(double expected, double actual, double rel, String what) {
        double err = Math.abs(actual - expected);
        assertTrue(err <= rel * Math.abs(expected),
                what + ": expected " + expected + ", found " + actual + " (relative error " + err / Math.abs(expected) + ")");
    }

    @Test
    void erfMatchesReferenceValues() {
        // reference values: mpmath at 40 digits, rounded to double
        assertRelative(0.5204998778130465, SpecialFunctions.erf(0.5), 2e-15, "erf(0.5)");
        assertRelative(0.8427007929497149, SpecialFunctions.erf(1), 2e-15, "erf(1)");
        assertRelative(0.9953222650189527, SpecialFunctions.erf(2), 2e-15, "erf(2)");
        assertRelative(0.1124629160182849, SpecialFunctions.erf(0.1), 2e-15, "erf(0.1)");
        assertRelative(0.9999779095030014, SpecialFunctions.erf(3), 2e-15, "erf(3)");
        assertRelative(0.9999999845827421, SpecialFunctions.erf(4), 2e-15, "erf(4)");
        assertEquals(0.0, SpecialFunctions.erf(0));
        assertEquals(1.0, SpecialFunctions.erf(10));
        assertEquals(1.0, SpecialFunctions.erf(Double.POSITIVE_INFINITY));
        // tiny arguments: erf(x) = 2x/sqrt(pi) to full precision
        assertRelative(2e-300 / Math.sqrt(Math.PI), SpecialFunctions.erf(1e-300), 2e-15, "erf(1e-300)");
    }

    @Test
    void erfcMatchesReferenceValuesInTheFarTail() {
        assertRelative(1.5374597944280349e-12, SpecialFunctions.erfc(5), 1e-14, "erfc(5)");
        assertRelative(2.088487583762545e-45, SpecialFunctions.erfc(10), 1e-14, "erfc(10)");
        assertRelative(5.663192408856143e-296, SpecialFunctions.erfc(26), 1e-13, "erfc(26)");
        assertRelative(2.209049699858544e-05, SpecialFunctions.erfc(3), 1e-14, "erfc(3)");
        assertRelative(0.15729920705028513, SpecialFunctions.erfc(1), 1e-14, "erfc(1)");
        assertRelative(1.0, SpecialFunctions.erfc(0), 0, "erfc(0)");
        assertRelative(2.0, SpecialFunctions.erfc(-10), 1e-16, "erfc(-10)");
        assertRelative(1.8427007929497148, SpecialFunctions.erfc(-1), 2e-15, "erfc(-1)");
        assertEquals(0.0, SpecialFunctions.erfc(30));
        assertEquals(0.0, SpecialFunctions.erfc(Double.POSITIVE_INFINITY));
    }

    @Test
    void erfcJustBelowTheSwitchKeepsRelativeAccuracy() {
        // erfc(2.5) and erfc(2.9) come from 1 - erf there: 1 - erf cancels about 3-5 digits there (measured 2e-12 relative at 2.5, 1.1e-11 at 2.9)
        assertRelative(4.069520174449590e-04, SpecialFunctions.erfc(2.5), 5e-12, "erfc(2.5)");
        assertRelative(4.109787809945884e-05, SpecialFunctions.erfc(2.9), 2e-11, "erfc(2.9)");
    }

    @Test
    void erfIsOddAndBounded() {
        for (double x = -8; x <= 8; x += 0.0137) {
            assertEquals(-SpecialFunctions.erf(x), SpecialFunctions.erf(-x), 0.0, "erf(-x) = -erf(x) at " + x);
            double e = SpecialFunctions.erf(x);
            assertTrue(e >= -1 && e <= 1, "erf(" + x + ") = " + e + " outside [-1, 1]");
            assertEquals(2.0, SpecialFunctions.erfc(x) + SpecialFunctions.erfc(-x), 1e-15, "erfc(x) + erfc(-x) = 2 at " + x);
        }
    }

    @Test
    void erfIsMonotoneAndContinuousAtTheSwitch() {
        double below = Math.nextDown(3.0);
        double at = 3.0;
        assertRelative(SpecialFunctions.erf(at), SpecialFunctions.erf(below), 1e-15, "erf across the series/fraction switch");
        assertRelative(SpecialFunctions.erfc(at), SpecialFunctions.erfc(below), 1e-11, "erfc across the switch");
        double prev = SpecialFunctions.erf(2.9);
        for (double x = 2.9; x <= 3.1; x += 1e-3) {
            double e = SpecialFunctions.erf(x);
            assertTrue(e >= prev, "erf decreased at " + x);
            prev = e;
        }
    }

    @Test
    void normalCdfAndPdf() {
        assertEquals(0.5, SpecialFunctions.normalCdf(0), 0.0);
        assertRelative(0.8413447460685429, SpecialFunctions.normalCdf(1), 1e-15, "Phi(1)");
        assertRelative(0.15865525393145705, SpecialFunctions.normalCdf(-1), 1e-14, "Phi(-1)");
        assertRelative(0.9772498680518208, SpecialFunctions.normalCdf(2), 1e-15, "Phi(2)");
        assertRelative(7.619853024160525e-24, SpecialFunctions.normalCdf(-10), 1e-13, "Phi(-10)");
        assertRelative(1 / Math.sqrt(2 * Math.PI), SpecialFunctions.normalPdf(0), 1e-16, "pdf(0)");
        for (double z = -6; z <= 6; z += 0.25) {
            assertEquals(1.0, SpecialFunctions.normalCdf(z) + SpecialFunctions.normalCdf(-z), 2e-16, "Phi(z) + Phi(-z) at " + z);
        }
    }
}
