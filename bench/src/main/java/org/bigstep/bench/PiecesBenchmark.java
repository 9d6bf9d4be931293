package org.bigstep.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pieces of a step, one at a time and unfused, single-threaded, so that a slow step can be located:
 * {@code forward} (Z = X W^T, 2 n d m flops), {@code activation} (GELU and its derivative on n m values)
 * and {@code gradient} (G = C^T X, 2 n d m flops). {@code impl=scalar} runs the reference kernel's loops,
 * {@code impl=vector} plain Vector API loops (not the fused kernel: that exposes no pieces yet).
 * Compare forward + activation + gradient with {@link StepBenchmark} at threads=1 to see what fusion buys.
 * Setup checks vector against scalar on the same inputs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PiecesBenchmark {

    @Param({"1024x3072x256", "8192x784x128", "1024x3072x16", "4096x2x32", "999x785x41"})
    public String shape;

    @Param({"scalar", "vector"})
    public String impl;

    private int n;
    private int d;
    private int m;
    private float[] x;
    private float[] w;
    private float[] z;
    private float[] p;
    private float[] dp;
    private float[] c;
    private float[] g;
    private Activation gelu;
    private boolean vector;

    @Setup(Level.Trial)
    public void setUp() {
        int[] s = Problem.parseShape(shape);
        n = s[0];
        d = s[1];
        m = s[2];
        vector = switch (impl) {
            case "scalar" -> false;
            case "vector" -> true;
            default -> throw new IllegalArgumentException("impl: expected scalar or vector, found " + impl);
        };
        Random r = new Random(Problem.SEED);
        x = gaussian(r, n * d, 1 / Math.sqrt(d));
        w = gaussian(r, m * d, 1);
        z = new float[n * m];
        p = new float[n * m];
        dp = new float[n * m];
        c = gaussian(r, n * m, 1e-3);
        g = new float[m * d];
        gelu = Activations.parse("gelu");
        check();
    }

    private static float[] gaussian(Random r, int count, double sd) {
        float[] a = new float[count];
        for (int i = 0; i < count; i++) {
            a[i] = (float) (sd * r.nextGaussian());
        }
        return a;
    }

    /** Vector and scalar pieces agree on this shape (both are computed here, whichever impl is measured). */
    private void check() {
        float[] zs = new float[n * m];
        float[] zv = new float[n * m];
        PieceLoops.forward(x, w, n, d, m, zs);
        VectorPieceLoops.forward(x, w, n, d, m, zv);
        Checks.closeArrays("forward vector vs scalar", zv, zs, 1e-5 * Math.sqrt(d) + 1e-6);
        float[] ps = new float[n * m];
        float[] dps = new float[n * m];
        float[] pv = new float[n * m];
        float[] dpv = new float[n * m];
        PieceLoops.activation(gelu, zs, n * m, ps, dps);
        VectorPieceLoops.gelu(zs, n * m, pv, dpv);
        Checks.closeArrays("gelu vector vs reference", pv, ps, 1e-5);
        Checks.closeArrays("gelu' vector vs reference", dpv, dps, 1e-5);
        float[] gs = new float[m * d];
        float[] gv = new float[m * d];
        PieceLoops.gradient(x, c, n, d, m, gs);
        VectorPieceLoops.gradient(x, c, n, d, m, gv);
        Checks.closeArrays("gradient vector vs scalar", gv, gs, 1e-5 * Math.sqrt(n) + 1e-6);
        System.arraycopy(zs, 0, z, 0, z.length);
    }

    @Benchmark
    public float[] forward() {
        if (vector) {
            VectorPieceLoops.forward(x, w, n, d, m, z);
        } else {
            PieceLoops.forward(x, w, n, d, m, z);
        }
        return z;
    }

    @Benchmark
    public float[] activation() {
        if (vector) {
            VectorPieceLoops.gelu(z, n * m, p, dp);
        } else {
            PieceLoops.activation(gelu, z, n * m, p, dp);
        }
        return dp;
    }

    @Benchmark
    public float[] gradient() {
        if (vector) {
            VectorPieceLoops.gradient(x, c, n, d, m, g);
        } else {
            PieceLoops.gradient(x, c, n, d, m, g);
        }
        return g;
    }
}
