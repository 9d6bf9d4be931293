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
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CeilingBenchmark {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    public static final int CHAINS = 12;
    public static final int REPS = 4096;
    public static final int TRIAD_BYTES_PER_ELEMENT = 12;

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
