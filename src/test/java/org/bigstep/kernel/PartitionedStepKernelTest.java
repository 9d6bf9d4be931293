package org.bigstep.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.bigstep.data.Dataset;
import org.bigstep.model.TwoLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionedStepKernelTest {

    @Property(tries = 500)
    void partitionsCoverAllSamplesInOrder(@ForAll @IntRange(min = 1, max = 2_000_000) int n) {
        int[] b = PartitionedStepKernel.partitionBounds(n);
        assertEquals(0, b[0]);
        assertEquals(n, b[b.length - 1]);
        int partitions = b.length - 1;
        assertTrue(partitions >= 1 && partitions <= PartitionedStepKernel.MAX_PARTITIONS, "partitions " + partitions);
        for (int p = 0; p < partitions; p++) {
            assertTrue(b[p + 1] > b[p], "partition " + p + " of n=" + n + " is empty or reversed");
            assertEquals(0, b[p] % 16, "partition start " + b[p] + " not a multiple of 16");
            if (partitions > 1) {
                assertTrue(b[p + 1] - b[p] >= 16, "tiny partition");
            }
        }
        assertArrayEquals(b, PartitionedStepKernel.partitionBounds(n), "a function of n alone");
    }

    @Test
    void smallInputsUseOnePartition() {
        assertArrayEquals(new int[] {0, 1}, PartitionedStepKernel.partitionBounds(1));
        assertArrayEquals(new int[] {0, 511}, PartitionedStepKernel.partitionBounds(511));
        assertEquals(3, PartitionedStepKernel.partitionBounds(512).length);
        assertEquals(PartitionedStepKernel.MAX_PARTITIONS + 1, PartitionedStepKernel.partitionBounds(1_000_000).length);
    }

    private static Dataset randomData(int n, int d, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * d];
        float[] y = new float[n];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i] = r.nextBoolean() ? 1 : -1;
        }
        return new Dataset("random", x, y, d);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 300, 1000, 5000})
    void bitIdenticalForAnyThreadCount(int n) {
        int d = 5;
        int m = 6;
        Dataset data = randomData(n, d, n);
        Activation phi = Activations.parse("gelu");
        TwoLayerNetwork net = TwoLayerNetwork.initialize(m, d, 3, 1, 1);
        float[] w = new float[m * d];
        net.copyWeightsTo(w);
        float[] refMargins = null;
        float[] refGrad = null;
        double refRisk = 0;
        for (int threads : new int[] {1, 2, 3, 8}) {
            float[] margins = new float[n];
            float[] grad = new float[m * d];
            try (StepKernel k = Kernels.create(new KernelSpec(data, phi, net.signs(), 1, threads), KernelChoice.SCALAR)) {
                assertTrue(k.threads() >= 1 && k.threads() <= threads);
                double risk = k.evaluate(w, margins, grad);
                // a second evaluation on the same kernel (persistent workers) gives the same bits
                float[] g2 = new float[m * d];
                assertEquals(risk, k.evaluate(w, new float[n], g2));
                assertArrayEquals(grad, g2);
                if (refGrad == null) {
                    refRisk = risk;
                    refMargins = margins;
                    refGrad = grad;
                } else {
                    assertEquals(Double.doubleToLongBits(refRisk), Double.doubleToLongBits(risk), "risk, threads=" + threads);
                    assertArrayEquals(refMargins, margins, "margins, threads=" + threads);
                    assertArrayEquals(refGrad, grad, "gradient, threads=" + threads);
                }
            }
        }
        // and the value is right: against the double reference
        double[] wd = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            wd[k] = w[k];
        }
        double[] g = new double[w.length];
        double risk = DoubleReference.risk(data, phi, net.signs(), 1, wd, g, null);
        assertEquals(risk, refRisk, 1e-5 * risk);
        double gmax = 0;
        for (double v : g) {
            gmax = Math.max(gmax, Math.abs(v));
        }
        for (int k = 0; k < g.length; k++) {
            assertEquals(g[k], refGrad[k], 1e-4 * gmax, "gradient component " + k);
        }
    }

    /**
     * The gradient's and the updated weights' sums of squares, and the update itself, for 1 to 3 threads: the same
     * bits every time, the sums in the order of TwoLayerNetwork.sumOfSquares, near the plain sums; W large enough
     * for the update to run on all threads (40 x 1001) and small enough to stay on the caller's (3 x 7).
     */
    @ParameterizedTest
    @ValueSource(ints = {7, 1001})
    void updateAndNormsAreTheSameForAnyThreadCount(int d) {
        int m = d == 7 ? 3 : 40;
        assertEquals(d == 1001, m * d >= PartitionedStepKernel.PARALLEL_UPDATE_MIN, "setup: which path");
        Dataset data = randomData(600, d, d);
        TwoLayerNetwork net = TwoLayerNetwork.initialize(m, d, 5, 1, 1);
        float[] w = new float[m * d];
        net.copyWeightsTo(w);
        double[] refMaster = null;
        double refGradSq = 0;
        double refNormSq = 0;
        for (int threads : new int[] {1, 2, 3}) {
            KernelSpec spec = new KernelSpec(data, Activations.parse("softplus"), net.signs(), 1, threads);
            try (StepKernel k = Kernels.create(spec, KernelChoice.SCALAR)) {
                float[] grad = new float[m * d];
                k.evaluate(w, new float[600], grad);
                double gradSq = k.gradientSumOfSquares();
                double plain = 0;
                double[] g = new double[grad.length];
                for (int i = 0; i < grad.length; i++) {
                    g[i] = grad[i];
                    plain += g[i] * g[i];
                }
                assertEquals(TwoLayerNetwork.sumOfSquares(g, m, d), gradSq, 0.0, "gradient: the order of sumOfSquares");
                // every row reduced, also where the rows go in several runs (d = 1001: 32 rows a run)
                double[] wd = new double[w.length];
                for (int i = 0; i < w.length; i++) {
                    wd[i] = w[i];
                }
                double[] ref = new double[w.length];
                DoubleReference.risk(data, Activations.parse("softplus"), net.signs(), 1, wd, ref, null);
                double refMax = 0;
                for (double v : ref) {
                    refMax = Math.max(refMax, Math.abs(v));
                }
                for (int i = 0; i < ref.length; i++) {
                    assertEquals(ref[i], grad[i], 1e-4 * refMax, "gradient component " + i + ", threads=" + threads);
                }
                assertEquals(plain, gradSq, 1e-12 * plain);
                double[] master = net.weights().clone();
                float[] copy = new float[m * d];
                double rate = 0.75;
                double normSq = k.update(master, copy, grad, rate);
                for (int i = 0; i < master.length; i++) {
                    assertEquals(net.weights()[i] - rate * grad[i], master[i], 0.0, "master weight " + i);
                    assertEquals((float) master[i], copy[i], 0.0f, "float32 copy " + i);
                }
                assertEquals(TwoLayerNetwork.sumOfSquares(master, m, d), normSq, 0.0, "weights: the order of sumOfSquares");
                if (refMaster == null) {
                    refMaster = master;
                    refGradSq = gradSq;
                    refNormSq = normSq;
                } else {
                    assertEquals(refGradSq, gradSq, 0.0, "gradient sum of squares, threads=" + threads);
                    assertEquals(refNormSq, normSq, 0.0, "weight sum of squares, threads=" + threads);
                    assertArrayEquals(refMaster, master, "master weights, threads=" + threads);
                }
            }
        }
    }

    @Test
    void rejectsShortArraysAndUseAfterClose() {
        Dataset data = randomData(10, 3, 1);
        KernelSpec spec = new KernelSpec(data, Activations.parse("softplus"), new double[] {1, -1}, 1, 2);
        StepKernel k = Kernels.create(spec, KernelChoice.SCALAR);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> k.evaluate(new float[5], new float[10], new float[6]));
        assertTrue(e.getMessage().contains("length 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> k.evaluate(new float[6], new float[9], new float[6]));
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
                () -> k.update(new double[6], new float[5], new float[6], 1));
        assertTrue(u.getMessage().contains("length 6"), u.getMessage());
        k.close();
        k.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> k.evaluate(new float[6], new float[10], new float[6]));
        assertThrows(IllegalStateException.class, () -> k.update(new double[6], new float[6], new float[6], 1));
        assertThrows(IllegalArgumentException.class, () -> new KernelSpec(data, Activations.parse("softplus"), new double[] {1}, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new KernelSpec(data, Activations.parse("softplus"), new double[0], 1, 1));
        assertEquals(KernelChoice.SCALAR, KernelChoice.parse(" Scalar "));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> KernelChoice.parse("gpu"));
        assertTrue(bad.getMessage().contains("expected auto, scalar or vector"), bad.getMessage());
    }
}
