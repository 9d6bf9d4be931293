package org.bigstep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TwoLayerNetworkTest {

    private static void assertRejected(String expected, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expected), "message should contain '" + expected + "': " + ex.getMessage());
    }

    @Test
    void defaultSignsAreFirstCeilHalfPositive() {
        for (int m = 1; m <= 41; m++) {
            double[] a = TwoLayerNetwork.defaultSigns(m);
            assertEquals(m, a.length);
            int plus = (m + 1) / 2;
            for (int j = 0; j < m; j++) {
                assertEquals(j < plus ? 1.0 : -1.0, a[j], "m=" + m + ", j=" + j);
            }
        }
        assertArrayEquals(new double[] {1, -1}, TwoLayerNetwork.defaultSigns(2));
        assertArrayEquals(new double[] {1, 1, -1}, TwoLayerNetwork.defaultSigns(3));
    }

    @Test
    void initializeIsDeterministicInTheSeed() {
        TwoLayerNetwork a = TwoLayerNetwork.initialize(7, 5, 42, 1, 1);
        TwoLayerNetwork b = TwoLayerNetwork.initialize(7, 5, 42, 1, 1);
        TwoLayerNetwork c = TwoLayerNetwork.initialize(7, 5, 43, 1, 1);
        assertArrayEquals(a.weights(), b.weights());
        assertNotEquals(a.weights()[0], c.weights()[0]);
        assertArrayEquals(TwoLayerNetwork.defaultSigns(7), a.signs());
        // the init scale multiplies the same draws
        TwoLayerNetwork s = TwoLayerNetwork.initialize(7, 5, 42, 3, 1);
        for (int k = 0; k < 35; k++) {
            assertEquals(3 * a.weights()[k], s.weights()[k], 1e-15);
        }
        assertEquals(0.0, TwoLayerNetwork.initialize(3, 2, 1, 0, 1).frobeniusNorm());
    }

    @Test
    void initialWeightsHaveVarianceInitScaleSquaredOverD() {
        int m = 400;
        int d = 50;
        double s = 2;
        double[] w = TwoLayerNetwork.initialize(m, d, 11, s, 1).weights();
        double mean = 0;
        for (double v : w) {
            mean += v;
        }
        mean /= w.length;
        double var = 0;
        double fourth = 0;
        for (double v : w) {
            var += (v - mean) * (v - mean);
            fourth += Math.pow(v - mean, 4);
        }
        var /= w.length - 1;
        fourth /= w.length;
        double expectedVar = s * s / d;
        // 20000 draws: the mean's sd is 0.0020, the variance's relative sd is sqrt(2/20000) = 1%; allow 5 sd
        assertEquals(0, mean, 5 * Math.sqrt(expectedVar / w.length), "mean");
        assertEquals(expectedVar, var, 5 * expectedVar * Math.sqrt(2.0 / w.length), "variance");
        assertEquals(3, fourth / (var * var), 0.25, "kurtosis of a Gaussian");
        // ||W||^2 ~ m s^2
        assertEquals(m * s * s, Math.pow(TwoLayerNetwork.initialize(m, d, 11, s, 1).frobeniusNorm(), 2), 0.05 * m * s * s);
    }

    @Test
    void validation() {
        assertRejected("expected width >= 1", () -> TwoLayerNetwork.initialize(0, 3, 1, 1, 1));
        assertRejected("expected width >= 1 and d >= 1", () -> TwoLayerNetwork.initialize(3, 0, 1, 1, 1));
        assertRejected("init scale", () -> TwoLayerNetwork.initialize(3, 2, 1, -1, 1));
        assertRejected("init scale", () -> TwoLayerNetwork.initialize(3, 2, 1, Double.NaN, 1));
        assertRejected("init scale", () -> TwoLayerNetwork.initialize(3, 2, 1, Double.POSITIVE_INFINITY, 1));
        assertRejected("positive finite scale", () -> TwoLayerNetwork.initialize(3, 2, 1, 1, 0));
        assertRejected("positive finite scale", () -> TwoLayerNetwork.initialize(3, 2, 1, 1, Double.NaN));
        assertRejected("positive finite scale", () -> TwoLayerNetwork.initialize(3, 2, 1, 1, Double.POSITIVE_INFINITY));
        assertRejected("expected m*d = 2*2 weights, found 3", () -> new TwoLayerNetwork(new double[] {1, -1}, 1, new double[3], 2));
        assertRejected("neuron 1: expected sign -1 or +1, found 0.5", () -> new TwoLayerNetwork(new double[] {1, 0.5}, 1, new double[4], 2));
        assertRejected("neuron 1, weight 0: expected a finite number, found NaN",
                () -> new TwoLayerNetwork(new double[] {1, -1}, 1, new double[] {0, 0, Double.NaN, 0}, 2));
        assertRejected("expected width >= 1", () -> new TwoLayerNetwork(new double[0], 1, new double[0], 2));
    }

    @Test
    void outputAndCopies() {
        double[] signs = {1, -1, 1};
        double[] w = {0.5, -1, 2, 0.25, -0.75, 1.5};
        TwoLayerNetwork net = new TwoLayerNetwork(signs, 2.5, w, 2);
        w[0] = 99;
        signs[0] = -1;
        assertEquals(0.5, net.weights()[0], "weights are copied on construction");
        assertEquals(1.0, net.sign(0), "signs are copied on construction");
        Activation phi = Activations.parse("softplus");
        float[] x = {0.3f, -0.7f};
        double expected = 0;
        for (int j = 0; j < 3; j++) {
            double z = net.weights()[2 * j] * x[0] + net.weights()[2 * j + 1] * x[1];
            expected += net.sign(j) * Math.log1p(Math.exp(z));
        }
        expected *= 2.5 / 3;
        assertEquals(expected, net.output(phi, x, 0), 1e-14);
        float[] w32 = new float[6];
        net.copyWeightsTo(w32);
        assertArrayEquals(new float[] {0.5f, -1f, 2f, 0.25f, -0.75f, 1.5f}, w32);
        TwoLayerNetwork copy = net.copy();
        copy.weights()[1] = 7;
        assertEquals(-1.0, net.weights()[1], "copy is deep");
        double norm = 0;
        for (double v : net.weights()) {
            norm += v * v;
        }
        assertEquals(Math.sqrt(norm), net.frobeniusNorm(), 1e-15);
        net.signs()[0] = -1;
        assertEquals(1.0, net.sign(0), "signs() returns a copy");
    }
}
