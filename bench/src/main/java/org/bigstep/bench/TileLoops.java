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
 * describes the patterns. Run with --add-modules jdk.incubator.vector. Output: "loop<TAB>GFLOP/s" lines, the
 * median of 5 one-second repetitions after 3 of warm-up; "peak" is {@link CeilingBenchmark}'s FMA chains (fma1's
 * loop).
 */
public final class TileLoops {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = 16;
    static final int P = 4 * L;
    static final int GROUPS_STEP = 52;
    static final int RUN = 120;

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
                forward5x4(xt, s * 4 * group, group, wt, j * 5 * d, d, tiles, j * 20 * L);
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
                int po = v * P * panelStride + b * rows * P;
                for (int r0 = 0; r0 < rows; r0 += RUN) {
                    int r1 = Math.min(rows, r0 + RUN);
                    for (int j = 0; j < groups; j++) {
                        gradient5x4(xp, po, r0, r1, ct, j * 5 * ctStride, g,
                                b * gBlock + (v * groups + j) * 5 * P);
                    }
                }
            }
        }
        return 2.0 * 20 * L * rows * panels * groups * blocks;
    }

    static float[] floats(int count) {
        float[] a = new float[count];
        for (int i = 0; i < count; i++) {
            a[i] = (i % 13) * 1e-3f;
        }
        return a;
    }

    /** One forward tile (slice 0, group 0) and one gradient element against sums in double. */
    static void check(float[] xt, int d, float[] wt, float[] tiles, float[] xp, int panelStride, float[] ct,
            int ctStride) {
        int group = (d + 1) * L;
        forward5x4(xt, 0, group, wt, 0, d, tiles, 0);
        for (int jj = 0; jj < 5; jj++) {
            for (int t = 0; t < 4 * L; t++) {
                double z = 0;
                for (int k = 0; k < d; k++) {
                    double w = jj < 4 ? wt[4 * k + jj] : wt[4 * d + k];
                    z += xt[t / L * group + k * L + t % L] * w;
                }
                expect("forward z[" + jj + "][" + t + "]", z, tiles[(jj * 4 + t / L) * L + t % L]);
            }
        }
        float[] g = new float[5 * P];
        gradient5x4(xp, 0, 0, RUN, ct, 0, g, 0);
        for (int jj = 0; jj < 5; jj++) {
            for (int c = 0; c < P; c++) {
                double s = 0;
                for (int i = 0; i < RUN; i++) {
                    s += (double) ct[5 * i + jj] * xp[i * P + c];
                }
                expect("gradient g[" + jj + "][" + c + "]", s, g[jj * P + c]);
            }
        }
    }

    private static void expect(String what, double expected, float found) {
        if (Math.abs(found - expected) > 1e-4 * (1 + Math.abs(expected))) {
            throw new IllegalStateException(what + ": expected " + expected + ", found " + found);
        }
    }

    public static void main(String[] args) {
        if (S.length() != L) {
            System.err.println("TileLoops: the preferred species has " + S.length() + " float lanes; these are the"
                    + " kernel's 16-lane (AVX-512) tiles");
            System.exit(2);
        }
        String which = args.length > 0 ? args[0] : "all";
        String[] names = {"peak", "forward l1", "forward step", "gradient l1", "gradient step"};
        int dl = 128;
        int ds = 3072;
        float[] xtl = floats(4 * (dl + 1) * L);
        float[] wtl = floats(4 * 5 * dl);
        float[] xts = floats(16 * 4 * (ds + 1) * L);
        float[] wts = floats(GROUPS_STEP * 5 * ds);
        float[] tiles = new float[GROUPS_STEP * 20 * L];
        float[] xpl = floats(RUN * P);
        float[] ctl = floats(4 * 5 * RUN);
        float[] gl = floats(4 * 5 * P);
        int panelStride = 1034;
        int ctStride = 390;
        float[] xps = floats(48 * P * panelStride);
        float[] cts = floats(GROUPS_STEP * 5 * ctStride);
        float[] gs = floats(4 * 48 * GROUPS_STEP * 5 * P);
        check(xtl, dl, wtl, tiles, xpl, RUN, ctl, RUN);
        float sink = 0;
        for (int t = 0; t < names.length; t++) {
            if (!which.equals("all") && !names[t].contains(which) && t != 0) {
                continue;
            }
            double[] rates = new double[8];
            for (int rep = 0; rep < rates.length; rep++) { // the first 3 are the JIT's warm-up
                long t0 = System.nanoTime();
                double flops = 0;
                do {
                    switch (t) {
                        case 0 -> {
                            sink += CeilingBenchmark.fmaChains(1e-3f);
                            flops += 2.0 * CeilingBenchmark.REPS * CeilingBenchmark.CHAINS * L;
                        }
                        case 1 -> flops += forwardPass(xtl, dl, 4, 1, wtl, tiles);
                        case 2 -> flops += forwardPass(xts, ds, GROUPS_STEP, 16, wts, tiles);
                        case 3 -> flops += gradientPass(xpl, RUN, 1, 1, RUN, ctl, RUN, 4, gl);
                        default -> flops += gradientPass(xps, panelStride, 48, 4, 256, cts, ctStride, GROUPS_STEP, gs);
                    }
                } while (System.nanoTime() - t0 < 1_000_000_000L);
                rates[rep] = flops / ((System.nanoTime() - t0) * 1e-9) / 1e9;
            }
            double[] measured = Arrays.copyOfRange(rates, 3, rates.length);
            Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "%s\t%.1f%n", names[t], measured[2]);
        }
        if (sink == 42) {
            System.out.println(); // the peak's results are used
        }
    }
}
