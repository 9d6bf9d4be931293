package org.bigstep.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.bigstep.data.Dataset;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.kernel.KernelSpec;
import org.bigstep.kernel.Kernels;
import org.bigstep.kernel.PartitionedStepKernel;
import org.bigstep.kernel.RangeEvaluator;
import org.bigstep.kernel.StepKernel;
import org.junit.jupiter.api.Test;

/**
 * The vector kernel against the scalar kernel and a float64 reference over shapes that hit every tail
 * (n, d, m, width), every activation, 1 and 2 threads; bit-identical results across thread counts.
 */
class VectorKernelTest {

    static final int[] NS = {1, 3, 17, 1000};
    static final int[] DS = {1, 2, 3, 15, 16, 17, 33, 784};
    static final int[] MS = {1, 2, 3, 16, 41};
    static final String[] ACTIVATIONS = {"softplus", "leaky-softplus", "gelu", "gelu-tanh", "silu", "huber-relu:h=0.5",
        "sigmoid", "relu", "leaky:c=0.5,base=softplus", "leaky:c=0.75,base=gelu", "leaky:c=0.6,base=huber-relu:h=2"};

    /** Relative float error per unit of scale; the bounds grow linearly with d (worst-case summation). */
    static final double MARGIN_TOLERANCE = 4e-6;
    static final double GRADIENT_TOLERANCE = 4e-6;

    static Dataset data(int n, int d, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * d];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                x[i * d + k] = (float) r.nextGaussian();
                norm += x[i * d + k] * x[i * d + k];
            }
            for (int k = 0; k < d; k++) {
                x[i * d + k] /= (float) Math.sqrt(norm);
            }
            y[i] = r.nextBoolean() ? 1f : -1f;
        }
        return new Dataset("test", x, y, d);
    }

    /** Weights large enough that z covers the nonlinear range of every activation (|z| up to about 6). */
    static float[] weights(int m, int d, long seed) {
        Random r = new Random(seed);
        float[] w = new float[m * d];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (2.5 * r.nextGaussian());
        }
        return w;
    }

    static KernelSpec spec(Dataset data, String activation, int m, int threads) {
        double[] signs = new double[m];
        for (int j = 0; j < m; j++) {
            signs[j] = j < (m + 1) / 2 ? 1 : -1;
        }
        return new KernelSpec(data, Activations.parse(activation), signs, 1.5, threads);
    }

    record Result(double loss, float[] margins, float[] gradient) {
    }

    static Result run(KernelSpec spec, RangeEvaluator.Factory factory, float[] w) {
        int n = spec.data().size();
        float[] margins = new float[n];
        float[] gradient = new float[w.length];
        java.util.Arrays.fill(gradient, Float.NaN); // the kernel must overwrite, never accumulate
        try (StepKernel k = new PartitionedStepKernel(spec, factory)) {
            double loss = k.evaluate(w, margins, gradient);
            // a second step with the same weights must give the same answer (no stale scratch)
            float[] margins2 = new float[n];
            float[] gradient2 = new float[w.length];
            double loss2 = k.evaluate(w, margins2, gradient2);
            assertEquals(loss, loss2, 0.0);
            assertArrayEquals(margins, margins2);
            assertArrayEquals(gradient, gradient2);
            return new Result(loss, margins, gradient);
        }
    }

    static void check(String what, KernelSpec spec, Reference ref, Result r) {
        int d = spec.data().dimension();
        double growth = 1 + d / 16.0;
        for (int i = 0; i < ref.margins.length; i++) {
            double bound = MARGIN_TOLERANCE * growth * ref.marginScale[i];
            if (!(Math.abs(r.margins()[i] - ref.margins[i]) <= bound)) {
                fail(what + ": margin " + i + " = " + r.margins()[i] + ", reference " + ref.margins[i] + ", bound " + bound);
            }
        }
        for (int jk = 0; jk < ref.gradient.length; jk++) {
            double bound = GRADIENT_TOLERANCE * growth * ref.gradientScale[jk] + 1e-30;
            if (!(Math.abs(r.gradient()[jk] - ref.gradient[jk]) <= bound)) {
                fail(what + ": gradient " + jk + " = " + r.gradient()[jk] + ", reference " + ref.gradient[jk] + ", bound " + bound);
            }
        }
        double lossBound = MARGIN_TOLERANCE * growth * (1 + ref.loss);
        assertEquals(ref.loss, r.loss(), lossBound, what + ": loss");
    }

    static void compare(int n, int d, int m, String activation, int bits, boolean withScalar) {
        Dataset data = data(n, d, 31L * n + d);
        float[] w = weights(m, d, 17L * m + d);
        KernelSpec one = spec(data, activation, m, 1);
        KernelSpec two = spec(data, activation, m, 2);
        Reference ref = new Reference(one, w);
        String what = "n=" + n + " d=" + d + " m=" + m + " " + activation + " " + bits + " bits";
        if (withScalar) {
            check(what + " scalar", one, ref, run(one, Kernels.factory(KernelChoice.SCALAR), w));
        }
        VectorEvaluatorFactory factory = new VectorEvaluatorFactory(bits);
        Result r1 = run(one, factory, w);
        check(what + " vector 1 thread", one, ref, r1);
        Result r2 = run(two, factory, w);
        assertEquals(r1.loss(), r2.loss(), 0.0, what + ": loss differs between 1 and 2 threads");
        assertArrayEquals(r1.margins(), r2.margins(), what + ": margins differ between 1 and 2 threads");
        assertArrayEquals(r1.gradient(), r2.gradient(), what + ": gradient differs between 1 and 2 threads");
        // the tiles for 16 and for 32 registers group the same sums differently, never reorder them
        Result other = run(one, new VectorEvaluatorFactory(bits, !factory.wideTiles()), w);
        String tiles = what + ": tiles for 16 and 32 registers differ in the ";
        assertEquals(r1.loss(), other.loss(), 0.0, tiles + "loss");
        assertArrayEquals(r1.margins(), other.margins(), tiles + "margins");
        assertArrayEquals(r1.gradient(), other.gradient(), tiles + "gradient");
        // and the wide tiles' two forwards, transposed and by broadcasts, forced at any d, sum alike
        Result broadcast = run(one, new VectorEvaluatorFactory(bits, true, Integer.MAX_VALUE), w);
        Result transposed = run(one, new VectorEvaluatorFactory(bits, true, 1), w);
        String forwards = what + ": transposed and broadcast forwards differ in the ";
        assertEquals(broadcast.loss(), transposed.loss(), 0.0, forwards + "loss");
        assertArrayEquals(broadcast.margins(), transposed.margins(), forwards + "margins");
        assertArrayEquals(broadcast.gradient(), transposed.gradient(), forwards + "gradient");
        Result transposed2 = run(two, new VectorEvaluatorFactory(bits, true, 1), w);
        assertArrayEquals(transposed.margins(), transposed2.margins(), what + ": transposed, 1 and 2 threads differ");
        assertArrayEquals(transposed.gradient(), transposed2.gradient(), what + ": transposed, 1 and 2 threads differ");
        // X packed into panels once or each block each step: the same panels, so the same sums
        String packing = what + ": X packed once and per block differ in the ";
        for (Result[] pair : new Result[][] {
                {r1, run(one, new VectorEvaluatorFactory(bits, factory.wideTiles(), BlockedEvaluator.TRANSPOSED_MIN_D,
                        false), w)},
                {r2, run(two, new VectorEvaluatorFactory(bits, factory.wideTiles(), BlockedEvaluator.TRANSPOSED_MIN_D,
                        false), w)},
                {transposed, run(one, new VectorEvaluatorFactory(bits, true, 1, false), w)}}) {
            assertEquals(pair[0].loss(), pair[1].loss(), 0.0, packing + "loss");
            assertArrayEquals(pair[0].margins(), pair[1].margins(), packing + "margins");
            assertArrayEquals(pair[0].gradient(), pair[1].gradient(), packing + "gradient");
        }
        // the 16-register gradient tile by runs of samples or one by one: the same sums in the same order
        String runs = what + ": gradient tiles by runs and by samples differ in the ";
        for (boolean byRuns : new boolean[] {false, true}) {
            Result narrow = run(one, new VectorEvaluatorFactory(bits, false, BlockedEvaluator.TRANSPOSED_MIN_D, true,
                    byRuns), w);
            Result narrow2 = run(two, new VectorEvaluatorFactory(bits, false, BlockedEvaluator.TRANSPOSED_MIN_D, true,
                    !byRuns), w);
            Result reference = factory.wideTiles() ? other : r1;
            assertEquals(reference.loss(), narrow.loss(), 0.0, runs + "loss");
            assertArrayEquals(reference.margins(), narrow.margins(), runs + "margins");
            assertArrayEquals(reference.gradient(), narrow.gradient(), runs + "gradient");
            assertArrayEquals(narrow.gradient(), narrow2.gradient(), runs + "gradient (1 and 2 threads)");
        }
    }

    /** Tiles for 32 registers exactly where the CPU has 512-bit vectors (x86: AVX-512 brings 32 registers). */
    @Test
    void wideTilesWhereTheCpuHas32Registers() {
        boolean avx512 = jdk.incubator.vector.FloatVector.SPECIES_MAX.vectorBitSize() >= 512;
        for (int bits : new int[] {-1, 128, 256, 512}) {
            assertEquals(avx512, new VectorEvaluatorFactory(bits).wideTiles(), bits + " bits");
        }
    }

    /** Every n x d x m at 256 and 128 bits, activations cycling through the list. */
    @Test
    void everyShapeAt256And128Bits() {
        int c = 0;
        for (int n : NS) {
            for (int d : DS) {
                for (int m : MS) {
                    String activation = ACTIVATIONS[c++ % ACTIVATIONS.length];
                    compare(n, d, m, activation, 256, true);
                    compare(n, d, m, activation, 128, false);
                }
            }
        }
    }

    /** Every activation at every width, on the blocked (d = 17) and the column (d = 2) evaluator. */
    @Test
    void everyActivationAtEveryWidth() {
        for (String activation : ACTIVATIONS) {
            for (int bits : new int[] {128, 256, 512}) {
                int n = bits == 512 ? 60 : 1000; // 512 bits is the slow Java fallback on AVX2
                compare(n, 17, 41, activation, bits, bits == 256);
                compare(n, 2, 16, activation, bits, bits == 256);
            }
        }
    }

    /**
     * Partitions of several blocks, a last block that absorbs a short remainder and d-chunks, on both paths of
     * the blocked evaluator: packed panels (m above its in-place limit) and X read in place (small m).
     */
    @Test
    void manyBlocksPerPartition() {
        compare(5000, 784, 41, "gelu", 256, true); // panels: blocks of 240 rows, 4 d-chunks, remainders of 160
        compare(2100, 3072, 16, "softplus", 256, false); // in place: blocks of 30 rows of 12 KiB
        compare(3000, 100, 300, "huber-relu:h=0.5", 128, false); // panels, C^T-bound blocks, m not a multiple of 5 or L
        compare(600, 40, 703, "gelu", 256, false); // C^T of 1.1 MB a block: the gradient in passes that fit L2
        // W of 39000 weights, at least PARALLEL_UPDATE_MIN: on 2 threads packed by both, rows 0-79 and 80-129
        assertTrue(130 * 300 >= org.bigstep.kernel.PartitionedStepKernel.PARALLEL_UPDATE_MIN, "setup: W packed by both threads");
        compare(700, 300, 130, "softplus", 512, false);
        compare(700, 300, 130, "silu", 256, false);
        // rows 0-47 and 48-95 on 2 threads: a group of 5 neurons (45-49) prepared in part by each, in the transposed
        // forward's layout (its first 4 neurons by groups, its fifth apart) as well as in strips
        assertTrue(96 * 350 >= org.bigstep.kernel.PartitionedStepKernel.PARALLEL_UPDATE_MIN, "setup: W packed by both threads");
        compare(700, 350, 96, "gelu", 512, false);
    }

    /**
     * A partition of exactly one block as large as its scratch (blockStride rows): C^T's vector stores spill into
     * the next rows' slots of their group, and at the scratch's last rows must not reach the next group's. On both
     * paths (panels: m = 41; in place: m = 20; slots of 5 on both), at 256 and 512 bits.
     */
    @Test
    void aBlockAsLargeAsItsScratch() {
        for (int bits : new int[] {256, 512}) {
            boolean wide = new VectorEvaluatorFactory(bits).wideTiles();
            for (int[] dm : new int[][] {{100, 41}, {201, 20}}) {
                int n = BlockedEvaluator.blockStride(BlockedEvaluator.blockRows(dm[0], dm[1], bits / 32, wide));
                compare(n, dm[0], dm[1], "gelu", bits, false);
            }
        }
    }

    /** The heap guard counts the copy of X these layouts make; it mirrors their limits, as it cannot import them. */
    @Test
    void memoryEstimateMirrorsTheLayoutsThatCopyX() {
        assertEquals(BlockedEvaluator.IN_PLACE_MAX_M, org.bigstep.training.MemoryEstimate.COPY_MAX_M);
        assertEquals(VectorEvaluatorFactory.COLUMN_MAX_D, org.bigstep.training.MemoryEstimate.COPY_MAX_D);
        assertEquals(BlockedEvaluator.TRANSPOSED_MIN_D, org.bigstep.training.MemoryEstimate.TRANSPOSED_MIN_D);
        long rows = BlockedEvaluator.blockStride(BlockedEvaluator.blockRows(3072, 256, 16, true));
        assertTrue(rows <= org.bigstep.training.MemoryEstimate.BLOCK_ROWS, "block buffers of " + rows + " rows");
        int min = BlockedEvaluator.TRANSPOSED_MIN_D;
        int ragged = BlockedEvaluator.raggedMinD(min);
        int[] ds = {2, ragged - 1, ragged, 784, 1024, min - 1, min, 3072};
        for (int lanes : new int[] {4, 8, 16}) {
            for (int d : ds) {
                for (int m = 1; m <= 300; m++) {
                    if (BlockedEvaluator.transposes(d, m, lanes, true, min)) {
                        assertTrue(org.bigstep.training.MemoryEstimate.mayTranspose(d, m),
                                "the estimate must count X^T at d=" + d + " m=" + m + ", " + lanes + " lanes");
                    }
                }
            }
        }
        // the rule at 16 lanes, both ways: m = 40 pads to 48 in strips, 40 in groups of 5; m = 48 to 48 and 50
        assertTrue(BlockedEvaluator.transposes(784, 40, 16, true, min));
        assertFalse(BlockedEvaluator.transposes(784, 48, 16, true, min));
        assertFalse(BlockedEvaluator.transposes(ragged - 1, 40, 16, true, min));
        assertFalse(BlockedEvaluator.transposes(784, 40, 16, true, Integer.MAX_VALUE), "forcing the broadcast form");
    }

    /**
     * For some small m the gradient goes by strips: pairs of strips and an odd last one, d in steps of 5 or 10 and
     * the remaining coordinates one at a time, at every width (m = 24: 6 strips of 4 lanes, 3 of 8; m = 16 and 32:
     * 1 and 2 strips of 16). The widths are checked to take that path.
     */
    @Test
    void gradientByStripsWithEveryTail() {
        assertTrue(BlockedEvaluator.byStrips(24, 4) && BlockedEvaluator.byStrips(24, 8), "setup: m = 24 by strips");
        assertTrue(BlockedEvaluator.byStrips(16, 16) && BlockedEvaluator.byStrips(32, 16), "setup: m = 16, 32");
        assertTrue(!BlockedEvaluator.byStrips(20, 8) && !BlockedEvaluator.byStrips(3, 8), "setup: m = 20, 3 by groups");
        for (int d : new int[] {199, 201, 204}) { // 5x2 tails 4, 1, 4; 10x1 tails 9, 1, 4
            compare(700, d, 24, "silu", 256, d == 199);
            compare(300, d, 24, "gelu", 128, false);
        }
        compare(60, 201, 32, "softplus", 512, false);
        compare(60, 201, 16, "softplus", 512, false);
        compare(700, 201, 20, "gelu", 256, false); // in place by groups of 5, for contrast
    }

    /** 512 bits runs in the JDK's Java fallback on AVX2 machines: every n, d and m, on small products. */
    @Test
    void everyTailAt512Bits() {
        List<int[]> shapes = new ArrayList<>();
        for (int d : DS) {
            for (int m : MS) {
                shapes.add(new int[] {d == 784 ? 3 : 17, d, m});
            }
        }
        shapes.add(new int[] {1, 33, 41});
        shapes.add(new int[] {1000, 3, 41});
        shapes.add(new int[] {1000, 16, 3});
        int c = 0;
        for (int[] s : shapes) {
            compare(s[0], s[1], s[2], ACTIVATIONS[c++ % ACTIVATIONS.length], 512, false);
        }
    }

    @Test
    void bitIdenticalForAnyThreadCount() {
        for (int d : new int[] {2, 40}) {
            Dataset data = data(3000, d, 5);
            float[] w = weights(24, d, 6);
            VectorEvaluatorFactory factory = new VectorEvaluatorFactory(-1);
            Result one = run(spec(data, "gelu", 24, 1), factory, w);
            for (int threads = 2; threads <= 5; threads++) {
                Result r = run(spec(data, "gelu", 24, threads), factory, w);
                assertEquals(one.loss(), r.loss(), 0.0);
                assertArrayEquals(one.margins(), r.margins());
                assertArrayEquals(one.gradient(), r.gradient());
            }
        }
    }

    static float[] shifted(KernelSpec spec, RangeEvaluator.Factory factory, float[] w, double shift) {
        float[] gradient = new float[w.length];
        try (StepKernel k = new PartitionedStepKernel(spec, factory)) {
            k.evaluate(w, new float[spec.data().size()], gradient, shift);
        }
        return gradient;
    }

    /** Margins near 100: the loss (about e^-100) must keep its relative precision, not underflow in float. */
    @Test
    void tinyLossKeepsItsRelativePrecision() {
        for (int d : new int[] {2, 17}) {
            for (int n : new int[] {5, 40}) {
                Dataset base = data(n, d, 11);
                float[] w = new float[2 * d];
                float[] x = base.features();
                float[] y = base.labels();
                // two neurons along +-u so that f = (b/2)(relu(z) - relu(-z)) = (b/2) z; labels follow z's sign
                for (int k = 0; k < d; k++) {
                    w[k] = (float) (1.0 / Math.sqrt(d));
                    w[d + k] = -w[k];
                }
                float[] labels = new float[n];
                for (int i = 0; i < n; i++) {
                    double z = 0;
                    for (int k = 0; k < d; k++) {
                        z += w[k] * x[i * d + k];
                    }
                    labels[i] = z >= 0 ? 1f : -1f;
                }
                Dataset data = new Dataset("far", x, labels, d);
                double[] signs = {1, -1};
                // scale so that every margin is in [90, ~400]
                double minAbs = Double.MAX_VALUE;
                for (int i = 0; i < n; i++) {
                    double z = 0;
                    for (int k = 0; k < d; k++) {
                        z += w[k] * x[i * d + k];
                    }
                    minAbs = Math.min(minAbs, Math.abs(z));
                }
                double scale = 2 * 90 / minAbs;
                KernelSpec spec = new KernelSpec(data, Activations.parse("relu"), signs, scale, 1);
                Reference ref = new Reference(spec, w);
                Result r = run(spec, new VectorEvaluatorFactory(-1), w);
                assertTrue(ref.loss > 0 && ref.loss < 1e-38, "test setup: reference loss " + ref.loss);
                // float margins near 100 carry ~1e-5 absolute error, so e^-q carries that relative error;
                // given the kernel's own margins, the loss must be exact to double rounding
                double fromMargins = 0;
                for (float q : r.margins()) {
                    fromMargins += org.bigstep.loss.Logistic.loss(q);
                }
                fromMargins /= n;
                assertEquals(fromMargins, r.loss(), 1e-12 * fromMargins, "d=" + d + " n=" + n + ": tiny loss from margins");
                assertEquals(ref.loss, r.loss(), 1e-3 * ref.loss, "d=" + d + " n=" + n + ": tiny loss vs float64");
                // the shifted gradient e^shift grad L stays in float range and matches the scalar kernel's
                double shift = 64;
                float[] vector = shifted(spec, new VectorEvaluatorFactory(-1), w, shift);
                float[] scalar = shifted(spec, Kernels.factory(KernelChoice.SCALAR), w, shift);
                double largest = 0;
                for (int jk = 0; jk < w.length; jk++) {
                    largest = Math.max(largest, Math.abs(ref.gradient[jk]) * Math.exp(shift));
                }
                assertTrue(largest > 1e-30, "test setup: shifted gradient " + largest);
                for (int jk = 0; jk < w.length; jk++) {
                    double want = ref.gradient[jk] * Math.exp(shift);
                    assertEquals(want, vector[jk], 2e-3 * largest, "vector shifted gradient " + jk);
                    assertEquals(scalar[jk], vector[jk], 2e-3 * largest, "vector vs scalar shifted gradient " + jk);
                }
            }
        }
    }

    @Test
    void reportsWidthAndName() {
        for (int bits : new int[] {64, 128, 256, 512}) {
            VectorEvaluatorFactory f = new VectorEvaluatorFactory(bits);
            assertEquals(bits, f.vectorBits());
            assertEquals("vector", f.name());
        }
        assertTrue(new VectorEvaluatorFactory(-1).vectorBits() >= 64);
    }
}
