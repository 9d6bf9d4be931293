package org.bigstep.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * This machine's ceilings, measured from Java so every kernel result can be read as a fraction of them.
 *
 * <ul>
 *   <li>{@code fma1}/{@code fma2}: FP32 FMA throughput with the preferred species, {@link #CHAINS} independent
 *       accumulator chains (enough to cover FMA latency x issue width on any current x86 or ARM core, while
 *       chains + 2 operands fit in 16 vector registers), on 1 and 2 threads. One op = {@link #REPS} x
 *       {@link #CHAINS} vector FMAs = REPS x CHAINS x lanes x 2 flops. Each chain is {@code acc = x * y + acc},
 *       the accumulate form of a GEMM kernel (one vfmadd231ps each). The earlier form {@code acc = acc * x + y}
 *       (the accumulator as a multiplicand) measured 85 instead of 103 GFLOP/s on one Zen 3 core with both
 *       JDK 17 and 25 (best of 2500 runs) and as little as 33 under JMH, so kernels read above 100% of it.</li>
 *   <li>{@code triad1}/{@code triad2}: a[i] = b[i] + s c[i] (STREAM triad) per thread over its own arrays;
 *       bandwidth counts 12 bytes per element (STREAM's convention, write-allocate not counted).
 *       {@code elements} = 16M per array (192 MiB per thread, far beyond L3) measures DRAM; 32K
 *       (384 KiB, inside a 512 KiB+ L2) measures L2.</li>
 *   <li>{@code tile1}/{@code tile2}: the vector kernel's forward register tile (5 samples x 2 strips of neurons, 10
 *       accumulators, 2 vector loads and 5 broadcasts per 10 FMAs; the loop of BlockedEvaluator.forward5x2 on column
 *       panels, the path of every m above 32, copied here because the kernel's is private to a per-width template) on
 *       data that stays in L1: 5 rows of {@link #TILE_K} floats and 2 strips of W. One op = {@link #TILE_PASSES} passes
 *       of 10 TILE_K vector FMAs. The gap between this and {@code fma1} is the cost of the loop form itself (its loads,
 *       broadcasts and index arithmetic), which no cache blocking can recover; the gap between this and a full step is
 *       what the rest of the step costs.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CeilingBenchmark {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    public static final int CHAINS = 12;
    public static final int REPS = 4096;
    public static final int TRIAD_BYTES_PER_ELEMENT = 12;
    /** d-chunk of the tile benchmark: the kernel's forward chunk of 1 KiB of a row. */
    public static final int TILE_K = 256;
    public static final int TILE_PASSES = 16;

    /** 5 rows of x in column panels and 2 strips of packed W, as the kernel lays them out, small enough for L1. */
    @State(Scope.Thread)
    public static class Tile {
        final int lanes = SPECIES.length();
        final float[] x = new float[5 * TILE_K];
        final float[] w = new float[2 * TILE_K * lanes];
        final float[] z = new float[5 * 2 * lanes];
        /** TILE_K, from a field: with a constant trip count C2 unrolls the loop, which the kernel's never is. */
        int k = TILE_K;

        @Setup(Level.Trial)
        public void setUp() {
            for (int i = 0; i < x.length; i++) {
                x[i] = (i % 13) * 1e-3f;
            }
            for (int i = 0; i < w.length; i++) {
                w[i] = (i % 11) * 1e-3f;
            }
        }

        @TearDown(Level.Trial)
        public void check() {
            // z[r][lane of strip s] = sum_k x[r][k] w[s][k][lane], against a double sum
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 2 * lanes; c++) {
                    double expected = 0;
                    for (int k = 0; k < TILE_K; k++) {
                        int xi = (k / (4 * lanes)) * 4 * lanes * 5 + r * 4 * lanes + k % (4 * lanes);
                        expected += (double) x[xi] * w[((c / lanes) * TILE_K + k) * lanes + c % lanes];
                    }
                    float found = z[r * 2 * lanes + c];
                    if (Math.abs(found - expected) > 1e-4 * (1 + Math.abs(expected))) {
                        throw new IllegalStateException("tile: z[" + r + "][" + c + "] expected " + expected + ", found " + found);
                    }
                }
            }
        }
    }

    @State(Scope.Thread)
    public static class Arrays {
        @Param({"32768", "16777216"})
        public int elements;

        float[] a;
        float[] b;
        float[] c;

        @Setup(Level.Trial)
        public void setUp() {
            int n = elements - elements % SPECIES.length();
            a = new float[n];
            b = new float[n];
            c = new float[n];
            for (int i = 0; i < n; i++) {
                b[i] = i % 7;
                c[i] = i % 5;
            }
        }

        @TearDown(Level.Trial)
        public void check() {
            for (int i = 0; i < a.length; i += 4099) {
                float expected = b[i] + 0.5f * c[i];
                if (a[i] != expected) {
                    throw new IllegalStateException("triad: a[" + i + "] expected " + expected + ", found " + a[i]);
                }
            }
        }
    }

    private float seed = 1e-3f;

    @Benchmark
    @Threads(1)
    public float fma1() {
        return fmaChains(seed);
    }

    @Benchmark
    @Threads(2)
    public float fma2() {
        return fmaChains(seed);
    }

    @Benchmark
    @Threads(1)
    public float triad1(Arrays s) {
        return triad(s.a, s.b, s.c);
    }

    @Benchmark
    @Threads(2)
    public float triad2(Arrays s) {
        return triad(s.a, s.b, s.c);
    }

    @Benchmark
    @Threads(1)
    public float tile1(Tile t) {
        return tilePasses(t.x, t.w, t.z, t.k);
    }

    @Benchmark
    @Threads(2)
    public float tile2(Tile t) {
        return tilePasses(t.x, t.w, t.z, t.k);
    }

    static float tilePasses(float[] x, float[] w, float[] z, int dp) {
        float s = 0;
        for (int p = 0; p < TILE_PASSES; p++) {
            tile5x2(x, w, z, dp);
            s += z[p % z.length];
        }
        return s;
    }

    /**
     * The kernel's forward tile loop on panels (BlockedEvaluator.forward5x2, the path of every m above 32): x in
     * column panels P = 4 lanes wide with the 5 rows P floats apart, W in strips dp L apart. Not inlined, like the
     * kernel's.
     */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static void tile5x2(float[] xp, float[] wp, float[] z, int dp) {
        final int lanes = SPECIES.length();
        final int panel = 4 * SPECIES.length();
        FloatVector c00 = FloatVector.zero(SPECIES);
        FloatVector c01 = FloatVector.zero(SPECIES);
        FloatVector c10 = FloatVector.zero(SPECIES);
        FloatVector c11 = FloatVector.zero(SPECIES);
        FloatVector c20 = FloatVector.zero(SPECIES);
        FloatVector c21 = FloatVector.zero(SPECIES);
        FloatVector c30 = FloatVector.zero(SPECIES);
        FloatVector c31 = FloatVector.zero(SPECIES);
        FloatVector c40 = FloatVector.zero(SPECIES);
        FloatVector c41 = FloatVector.zero(SPECIES);
        final int ws = dp * lanes;
        for (int v = 0, panels = dp / panel; v < panels; v++) {
            final int p = v * panel * 5;
            final int wv = v * panel * lanes;
            for (int kk = 0; kk < panel; kk++) {
                final int w = wv + kk * lanes;
                FloatVector w0 = FloatVector.fromArray(SPECIES, wp, w);
                FloatVector w1 = FloatVector.fromArray(SPECIES, wp, w + ws);
                FloatVector b0 = FloatVector.broadcast(SPECIES, xp[p + 0 * panel + kk]);
                c00 = b0.fma(w0, c00); c01 = b0.fma(w1, c01);
                FloatVector b1 = FloatVector.broadcast(SPECIES, xp[p + 1 * panel + kk]);
                c10 = b1.fma(w0, c10); c11 = b1.fma(w1, c11);
                FloatVector b2 = FloatVector.broadcast(SPECIES, xp[p + 2 * panel + kk]);
                c20 = b2.fma(w0, c20); c21 = b2.fma(w1, c21);
                FloatVector b3 = FloatVector.broadcast(SPECIES, xp[p + 3 * panel + kk]);
                c30 = b3.fma(w0, c30); c31 = b3.fma(w1, c31);
                FloatVector b4 = FloatVector.broadcast(SPECIES, xp[p + 4 * panel + kk]);
                c40 = b4.fma(w0, c40); c41 = b4.fma(w1, c41);
            }
        }
        c00.intoArray(z, 0 * lanes);
        c01.intoArray(z, 1 * lanes);
        c10.intoArray(z, 2 * lanes);
        c11.intoArray(z, 3 * lanes);
        c20.intoArray(z, 4 * lanes);
        c21.intoArray(z, 5 * lanes);
        c30.intoArray(z, 6 * lanes);
        c31.intoArray(z, 7 * lanes);
        c40.intoArray(z, 8 * lanes);
        c41.intoArray(z, 9 * lanes);
    }

    /**
     * acc = x * y + acc on CHAINS independent registers; x y = 1e-6 keeps the sums finite. Not inlined: inlined
     * into JMH's measurement loop, JDK 25 compiled it to 72 instead of 95 GFLOP/s (JDK 17: no difference).
     */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static float fmaChains(float seed) {
        FloatVector x = FloatVector.broadcast(SPECIES, 1e-3f);
        FloatVector y = FloatVector.broadcast(SPECIES, seed);
        FloatVector a0 = FloatVector.broadcast(SPECIES, 0.0f);
        FloatVector a1 = FloatVector.broadcast(SPECIES, 0.1f);
        FloatVector a2 = FloatVector.broadcast(SPECIES, 0.2f);
        FloatVector a3 = FloatVector.broadcast(SPECIES, 0.3f);
        FloatVector a4 = FloatVector.broadcast(SPECIES, 0.4f);
        FloatVector a5 = FloatVector.broadcast(SPECIES, 0.5f);
        FloatVector a6 = FloatVector.broadcast(SPECIES, 0.6f);
        FloatVector a7 = FloatVector.broadcast(SPECIES, 0.7f);
        FloatVector a8 = FloatVector.broadcast(SPECIES, 0.8f);
        FloatVector a9 = FloatVector.broadcast(SPECIES, 0.9f);
        FloatVector a10 = FloatVector.broadcast(SPECIES, 1.0f);
        FloatVector a11 = FloatVector.broadcast(SPECIES, 1.1f);
        for (int r = 0; r < REPS; r++) {
            a0 = x.fma(y, a0);
            a1 = x.fma(y, a1);
            a2 = x.fma(y, a2);
            a3 = x.fma(y, a3);
            a4 = x.fma(y, a4);
            a5 = x.fma(y, a5);
            a6 = x.fma(y, a6);
            a7 = x.fma(y, a7);
            a8 = x.fma(y, a8);
            a9 = x.fma(y, a9);
            a10 = x.fma(y, a10);
            a11 = x.fma(y, a11);
        }
        FloatVector s = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11);
        return s.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    static float triad(float[] a, float[] b, float[] c) {
        FloatVector s = FloatVector.broadcast(SPECIES, 0.5f);
        int step = SPECIES.length();
        for (int i = 0; i < a.length; i += step) {
            FloatVector.fromArray(SPECIES, c, i).fma(s, FloatVector.fromArray(SPECIES, b, i)).intoArray(a, i);
        }
        return a[a.length - 1];
    }
}
