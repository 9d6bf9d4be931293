package org.bigstep.bench;

import java.util.Arrays;
import java.util.Locale;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector kernel's two 16-lane register tiles as C2 compiles them, beside {@code bench/native/tiles.c}, which
 * has the same loops, layouts, data patterns and output compiled by gcc: {@code bench/tiles} runs both, one after
 * the other, pinned to one CPU. The gap between the two columns is what the JIT's code costs these loops; the gap
 * between a loop's "l1" and "step" rows is what its data pattern costs. The loops are copied from
 * BlockedEvaluator.forwardTransposed5x4 and backward5x4 (the kernel's are private to a per-width template), with
 * the kernel's fields as parameters; when those change, this copy and tiles.c change with them. tiles.c's header
 * describes the patterns. Run with --add-modules jdk.incubator.vector. Argument: "all", or the rows whose name
 * contains it. Output: "loop<TAB>GFLOP/s" lines, the median of 5 one-second repetitions after 3 of warm-up;
 * "peak" is {@link CeilingBenchmark}'s FMA chains (fma1's loop).
 *
 * <p>Run each row in a JVM of its own, as bench/tiles does, so that no row's arrays or compilations come before
 * another's. On the Intel VM (2026-12-07, JDK 17) the forward's step pattern read 102-107 GFLOP/s after the "l1"
 * pattern in the same JVM and 118-122 before it; alone in its JVM, 100-105 where the JVM held every row's arrays
 * and 116-122 where it held the step's only, the compiled loop identical in both (disassembly). Why is not known;
 * each row allocates only its own arrays ({@link #data}). The copy is not always compiled as the kernel is: JDK 25
 * brings {@link #gradient5x4}'s X address back from a vector register each iteration, which it does not in the
 * kernel's {@code backward5x4} (disassembly, Intel VM, 2026-12-08), so there this column understates the kernel.
 */
public final class TileLoops {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = 16;
    static final int P = 4 * L;
    static final int GROUPS_STEP = 52;
    static final int RUN = 120;
    /** d of the forward's "l1" and "step" patterns. */
    static final int L1_D = 128;
    static final int STEP_D = 3072;
    /** Rows between panels (n = 1024 plus padding) and C^T's rows per group in the gradient's step pattern. */
    static final int PANEL_STRIDE = 1034;
    static final int CT_STRIDE = 390;
    /**
     * Floats before each array's data, as the kernel's large copies have (BlockedEvaluator.ALIGN_BASE): with the
     * 16-byte header of an array of floats and every array here humongous (at least {@link #HUMONGOUS} floats, so G1
     * places it at the start of a region), the data then starts on a cache line, as tiles.c's aligned_alloc does.
     * With the data at 0 every 64-byte vector straddled two lines.
     */
    static final int BASE = 12;
    /** 32 MiB: more than half of any G1 region, so each array is a humongous object at a region's start. */
    static final int HUMONGOUS = 8 << 20;

    private TileLoops() {
    }

    /** forwardTransposed5x4 of the kernel, at d coordinates, the tile stored from {@code at}. */
    static void forward5x4(float[] xt, int xo, int group, float[] wt, int wo, int d, float[] tile, int at) {
        FloatVector a00 = FloatVector.zero(S);
        FloatVector a01 = FloatVector.zero(S);
        FloatVector a02 = FloatVector.zero(S);
        FloatVector a03 = FloatVector.zero(S);
        FloatVector a10 = FloatVector.zero(S);
        FloatVector a11 = FloatVector.zero(S);
        FloatVector a12 = FloatVector.zero(S);
        FloatVector a13 = FloatVector.zero(S);
        FloatVector a20 = FloatVector.zero(S);
        FloatVector a21 = FloatVector.zero(S);
        FloatVector a22 = FloatVector.zero(S);
        FloatVector a23 = FloatVector.zero(S);
        FloatVector a30 = FloatVector.zero(S);
        FloatVector a31 = FloatVector.zero(S);
        FloatVector a32 = FloatVector.zero(S);
        FloatVector a33 = FloatVector.zero(S);
        FloatVector a40 = FloatVector.zero(S);
        FloatVector a41 = FloatVector.zero(S);
        FloatVector a42 = FloatVector.zero(S);
        FloatVector a43 = FloatVector.zero(S);
        final int x1o = xo + group;
        final int x2o = xo + 2 * group;
        final int x3o = xo + 3 * group;
        final int w4o = wo + 4 * d;
        for (int k = 0; k < d; k++) {
            FloatVector x0 = FloatVector.fromArray(S, xt, xo + k * L);
            FloatVector x1 = FloatVector.fromArray(S, xt, x1o + k * L);
            FloatVector x2 = FloatVector.fromArray(S, xt, x2o + k * L);
            FloatVector x3 = FloatVector.fromArray(S, xt, x3o + k * L);
            FloatVector b0 = FloatVector.broadcast(S, wt[wo + k * 4 + 0]);
            a00 = b0.fma(x0, a00); a01 = b0.fma(x1, a01); a02 = b0.fma(x2, a02); a03 = b0.fma(x3, a03);
            FloatVector b1 = FloatVector.broadcast(S, wt[wo + k * 4 + 1]);
            a10 = b1.fma(x0, a10); a11 = b1.fma(x1, a11); a12 = b1.fma(x2, a12); a13 = b1.fma(x3, a13);
            FloatVector b2 = FloatVector.broadcast(S, wt[wo + k * 4 + 2]);
            a20 = b2.fma(x0, a20); a21 = b2.fma(x1, a21); a22 = b2.fma(x2, a22); a23 = b2.fma(x3, a23);
            FloatVector b3 = FloatVector.broadcast(S, wt[wo + k * 4 + 3]);
            a30 = b3.fma(x0, a30); a31 = b3.fma(x1, a31); a32 = b3.fma(x2, a32); a33 = b3.fma(x3, a33);
            FloatVector b4 = FloatVector.broadcast(S, wt[w4o + k]);
            a40 = b4.fma(x0, a40); a41 = b4.fma(x1, a41); a42 = b4.fma(x2, a42); a43 = b4.fma(x3, a43);
        }
        a00.intoArray(tile, at + 0 * L);
        a01.intoArray(tile, at + 1 * L);
        a02.intoArray(tile, at + 2 * L);
        a03.intoArray(tile, at + 3 * L);
        a10.intoArray(tile, at + 4 * L);
        a11.intoArray(tile, at + 5 * L);
        a12.intoArray(tile, at + 6 * L);
        a13.intoArray(tile, at + 7 * L);
        a20.intoArray(tile, at + 8 * L);
        a21.intoArray(tile, at + 9 * L);
        a22.intoArray(tile, at + 10 * L);
        a23.intoArray(tile, at + 11 * L);
        a30.intoArray(tile, at + 12 * L);
        a31.intoArray(tile, at + 13 * L);
        a32.intoArray(tile, at + 14 * L);
        a33.intoArray(tile, at + 15 * L);
        a40.intoArray(tile, at + 16 * L);
        a41.intoArray(tile, at + 17 * L);
        a42.intoArray(tile, at + 18 * L);
        a43.intoArray(tile, at + 19 * L);
    }

    /** backward5x4 of the kernel: G's tile (5 rows of P floats from go) += rows [from, to) of a panel (from po). */
    static void gradient5x4(float[] xp, int po, int from, int to, float[] ct, int co, float[] g, int go) {
        FloatVector a00 = FloatVector.fromArray(S, g, go + 0 * P + 0 * L);
        FloatVector a01 = FloatVector.fromArray(S, g, go + 0 * P + 1 * L);
        FloatVector a02 = FloatVector.fromArray(S, g, go + 0 * P + 2 * L);
        FloatVector a03 = FloatVector.fromArray(S, g, go + 0 * P + 3 * L);
        FloatVector a10 = FloatVector.fromArray(S, g, go + 1 * P + 0 * L);
        FloatVector a11 = FloatVector.fromArray(S, g, go + 1 * P + 1 * L);
        FloatVector a12 = FloatVector.fromArray(S, g, go + 1 * P + 2 * L);
        FloatVector a13 = FloatVector.fromArray(S, g, go + 1 * P + 3 * L);
        FloatVector a20 = FloatVector.fromArray(S, g, go + 2 * P + 0 * L);
        FloatVector a21 = FloatVector.fromArray(S, g, go + 2 * P + 1 * L);
        FloatVector a22 = FloatVector.fromArray(S, g, go + 2 * P + 2 * L);
        FloatVector a23 = FloatVector.fromArray(S, g, go + 2 * P + 3 * L);
        FloatVector a30 = FloatVector.fromArray(S, g, go + 3 * P + 0 * L);
        FloatVector a31 = FloatVector.fromArray(S, g, go + 3 * P + 1 * L);
        FloatVector a32 = FloatVector.fromArray(S, g, go + 3 * P + 2 * L);
        FloatVector a33 = FloatVector.fromArray(S, g, go + 3 * P + 3 * L);
        FloatVector a40 = FloatVector.fromArray(S, g, go + 4 * P + 0 * L);
        FloatVector a41 = FloatVector.fromArray(S, g, go + 4 * P + 1 * L);
        FloatVector a42 = FloatVector.fromArray(S, g, go + 4 * P + 2 * L);
        FloatVector a43 = FloatVector.fromArray(S, g, go + 4 * P + 3 * L);
        final int xEnd = po + to * P;
        for (int xi = po + from * P, ti = co + from * 5; xi < xEnd; xi += P, ti += 5) {
            FloatVector x0 = FloatVector.fromArray(S, xp, xi + 0 * L);
            FloatVector x1 = FloatVector.fromArray(S, xp, xi + 1 * L);
            FloatVector x2 = FloatVector.fromArray(S, xp, xi + 2 * L);
            FloatVector x3 = FloatVector.fromArray(S, xp, xi + 3 * L);
            FloatVector b0 = FloatVector.broadcast(S, ct[ti + 0]);
            a00 = b0.fma(x0, a00); a01 = b0.fma(x1, a01); a02 = b0.fma(x2, a02); a03 = b0.fma(x3, a03);
            FloatVector b1 = FloatVector.broadcast(S, ct[ti + 1]);
            a10 = b1.fma(x0, a10); a11 = b1.fma(x1, a11); a12 = b1.fma(x2, a12); a13 = b1.fma(x3, a13);
            FloatVector b2 = FloatVector.broadcast(S, ct[ti + 2]);
            a20 = b2.fma(x0, a20); a21 = b2.fma(x1, a21); a22 = b2.fma(x2, a22); a23 = b2.fma(x3, a23);
            FloatVector b3 = FloatVector.broadcast(S, ct[ti + 3]);
            a30 = b3.fma(x0, a30); a31 = b3.fma(x1, a31); a32 = b3.fma(x2, a32); a33 = b3.fma(x3, a33);
            FloatVector b4 = FloatVector.broadcast(S, ct[ti + 4]);
            a40 = b4.fma(x0, a40); a41 = b4.fma(x1, a41); a42 = b4.fma(x2, a42); a43 = b4.fma(x3, a43);
        }
        a00.intoArray(g, go + 0 * P + 0 * L);
        a01.intoArray(g, go + 0 * P + 1 * L);
        a02.intoArray(g, go + 0 * P + 2 * L);
        a03.intoArray(g, go + 0 * P + 3 * L);
        a10.intoArray(g, go + 1 * P + 0 * L);
        a11.intoArray(g, go + 1 * P + 1 * L);
        a12.intoArray(g, go + 1 * P + 2 * L);
        a13.intoArray(g, go + 1 * P + 3 * L);
        a20.intoArray(g, go + 2 * P + 0 * L);
        a21.intoArray(g, go + 2 * P + 1 * L);
        a22.intoArray(g, go + 2 * P + 2 * L);
        a23.intoArray(g, go + 2 * P + 3 * L);
        a30.intoArray(g, go + 3 * P + 0 * L);
        a31.intoArray(g, go + 3 * P + 1 * L);
        a32.intoArray(g, go + 3 * P + 2 * L);
        a33.intoArray(g, go + 3 * P + 3 * L);
        a40.intoArray(g, go + 4 * P + 0 * L);
        a41.intoArray(g, go + 4 * P + 1 * L);
        a42.intoArray(g, go + 4 * P + 2 * L);
        a43.intoArray(g, go + 4 * P + 3 * L);
    }

    /** The forward's slices x groups of tiles over d coordinates, in the kernel's order; returns the flops. */
    static double forwardPass(float[] xt, int d, int groups, int slices, float[] wt, float[] tiles) {
        int group = (d + 1) * L;
        for (int s = 0; s < slices; s++) {
            for (int j = 0; j < groups; j++) {
                forward5x4(xt, BASE + s * 4 * group, group, wt, BASE + j * 5 * d, d, tiles, BASE + j * 20 * L);
            }
        }
        return 2.0 * 20 * L * d * groups * slices;
    }

    /** The gradient's blocks x panels x runs x groups, in the kernel's order (tiles.c's gradientPass). */
    static double gradientPass(float[] xp, int panelStride, int panels, int blocks, int rows, float[] ct,
            int ctStride, int groups, float[] g) {
        int gBlock = panels * groups * 5 * P;
        for (int b = 0; b < blocks; b++) {
            for (int v = 0; v < panels; v++) {
                int po = BASE + v * P * panelStride + b * rows * P;
                for (int r0 = 0; r0 < rows; r0 += RUN) {
                    int r1 = Math.min(rows, r0 + RUN);
                    for (int j = 0; j < groups; j++) {
                        gradient5x4(xp, po, r0, r1, ct, BASE + j * 5 * ctStride, g,
                                BASE + b * gBlock + (v * groups + j) * 5 * P);
                    }
                }
            }
        }
        return 2.0 * 20 * L * rows * panels * groups * blocks;
    }

    /** {@code count} floats of data from {@link #BASE} on, in a humongous array. */
    static float[] floats(int count) {
        float[] a = new float[Math.max(HUMONGOUS, BASE + count)];
        for (int i = 0; i < count; i++) {
            a[BASE + i] = (i % 13) * 1e-3f;
        }
        return a;
    }

    /** One forward tile (slice 0, group 0) and one gradient element against sums in double. */
    static void check(float[] xt, int d, float[] wt, float[] tiles, float[] xp, float[] ct) {
        int group = (d + 1) * L;
        forward5x4(xt, BASE, group, wt, BASE, d, tiles, BASE);
        for (int jj = 0; jj < 5; jj++) {
            for (int t = 0; t < 4 * L; t++) {
                double z = 0;
                for (int k = 0; k < d; k++) {
                    double w = jj < 4 ? wt[BASE + 4 * k + jj] : wt[BASE + 4 * d + k];
                    z += xt[BASE + t / L * group + k * L + t % L] * w;
                }
                expect("forward z[" + jj + "][" + t + "]", z, tiles[BASE + (jj * 4 + t / L) * L + t % L]);
            }
        }
        float[] g = new float[BASE + 5 * P]; // zeros: the tile accumulates onto G
        gradient5x4(xp, BASE, 0, RUN, ct, BASE, g, BASE);
        for (int jj = 0; jj < 5; jj++) {
            for (int c = 0; c < P; c++) {
                double s = 0;
                for (int i = 0; i < RUN; i++) {
                    s += (double) ct[BASE + 5 * i + jj] * xp[BASE + i * P + c];
                }
                expect("gradient g[" + jj + "][" + c + "]", s, g[BASE + jj * P + c]);
            }
        }
    }

    private static void expect(String what, double expected, float found) {
        if (Math.abs(found - expected) > 1e-4 * (1 + Math.abs(expected))) {
            throw new IllegalStateException(what + ": expected " + expected + ", found " + found);
        }
    }

    /** The arrays of row t (1 forward l1, 2 forward step, 3 gradient l1, 4 gradient step), allocated only for it. */
    static float[][] data(int t) {
        return switch (t) {
            case 1 -> new float[][] {floats(4 * (L1_D + 1) * L), floats(4 * 5 * L1_D), floats(4 * 20 * L)};
            case 2 -> new float[][] {floats(16 * 4 * (STEP_D + 1) * L), floats(GROUPS_STEP * 5 * STEP_D),
                    floats(GROUPS_STEP * 20 * L)};
            case 3 -> new float[][] {floats(RUN * P), floats(4 * 5 * RUN), floats(4 * 5 * P)};
            case 4 -> new float[][] {floats(48 * P * PANEL_STRIDE), floats(GROUPS_STEP * 5 * CT_STRIDE),
                    floats(4 * 48 * GROUPS_STEP * 5 * P)};
            default -> new float[0][];
        };
    }

    /** One pass of row t over its {@link #data}; returns the flops. */
    static double pass(int t, float[][] a) {
        return switch (t) {
            case 1 -> forwardPass(a[0], L1_D, 4, 1, a[1], a[2]);
            case 2 -> forwardPass(a[0], STEP_D, GROUPS_STEP, 16, a[1], a[2]);
            case 3 -> gradientPass(a[0], RUN, 1, 1, RUN, a[1], RUN, 4, a[2]);
            default -> gradientPass(a[0], PANEL_STRIDE, 48, 4, 256, a[1], CT_STRIDE, GROUPS_STEP, a[2]);
        };
    }

    public static void main(String[] args) {
        if (S.length() != L) {
            System.err.println("TileLoops: the preferred species has " + S.length() + " float lanes; these are the"
                    + " kernel's 16-lane (AVX-512) tiles");
            System.exit(2);
        }
        String which = args.length > 0 ? args[0] : "all";
        String[] names = {"peak", "forward l1", "forward step", "gradient l1", "gradient step"};
        float sink = 0;
        boolean tiles = false;
        for (int t = 0; t < names.length; t++) {
            if (!which.equals("all") && !names[t].contains(which)) {
                continue;
            }
            tiles |= t > 0;
            float[][] data = data(t);
            double[] rates = new double[8];
            for (int rep = 0; rep < rates.length; rep++) { // the first 3 are the JIT's warm-up
                long t0 = System.nanoTime();
                double flops = 0;
                do {
                    if (t == 0) {
                        sink += CeilingBenchmark.fmaChains(1e-3f);
                        flops += 2.0 * CeilingBenchmark.REPS * CeilingBenchmark.CHAINS * L;
                    } else {
                        flops += pass(t, data);
                    }
                } while (System.nanoTime() - t0 < 1_000_000_000L);
                rates[rep] = flops / ((System.nanoTime() - t0) * 1e-9) / 1e9;
            }
            double[] measured = Arrays.copyOfRange(rates, 3, rates.length);
            Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "%s\t%.1f%n", names[t], measured[2]);
        }
        if (tiles) { // after the timing, so that the loops' first calls are the measured pattern's
            float[][] forward = data(1);
            float[][] gradient = data(3);
            check(forward[0], L1_D, forward[1], forward[2], gradient[0], gradient[1]);
        }
        if (sink == 42) {
            System.out.println(); // the peak's results are used
        }
    }
}
