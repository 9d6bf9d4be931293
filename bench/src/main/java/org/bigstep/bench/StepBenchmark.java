package org.bigstep.bench;

import java.util.concurrent.TimeUnit;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.kernel.StepKernel;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full GD step as {@code GradientDescent} runs it: evaluate risk, margins and gradient with the kernel
 * at the float32 copy of W, take the gradient norm, then in one pass update the double master weights,
 * refresh the float32 copy and the weight norm. Flops per step: 4 n d m (the two products); see docs/PERFORMANCE.md for GFLOP/s and ceilings.
 *
 * <p>Shapes: the SIMD issue's GEMM-bound (1024x3072x256, 16384x784x1024), activation-bound
 * (1024x3072x16, 8192x784x128) and tiny-d (4096x2x32) shapes, the paper's image task (6000x784x40,
 * 6000x3072x40), and one all-odd shape (999x785x41) that hits every tail.
 *
 * <p>Sample mode: JMH times every step, and docs/PERFORMANCE.md reports the median, like the peers (median
 * ms/step). On a shared VM a few slow seconds (another tenant's burst) pulled the mean up by up to 2x, so a
 * mean here against a median there was not a fair comparison.
 *
 * <p>G1 is named in the fork's flags (here and in the other benchmarks) because bench/run pins one-thread runs to
 * one CPU, and a JVM that sees one CPU picks the serial collector instead: with it, this loop (which allocates
 * nothing) ran 1024x3072x16 at 4.1-4.2 ms per step against 3.4-3.5 with G1, pinned or not (JDK 17, Zen 3 VM,
 * 2026-12-03). With G1 named: 3.67 ms pinned and 3.66 unpinned, in the same minutes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms4g", "-Xmx4g", "-XX:+UseG1GC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StepBenchmark {

    /** Small enough that the weights stay near their start, so every iteration does the same work. */
    static final double ETA = 0.05;

    @Param({"1024x3072x256", "16384x784x1024", "1024x3072x16", "8192x784x128", "4096x2x32",
            "6000x784x40", "6000x3072x40", "999x785x41"})
    public String shape;

    @Param({"scalar", "vector"})
    public String kernel;

    @Param({"1", "2"})
    public int threads;

    @Param({"gelu"})
    public String activation;

    private Problem problem;
    private StepKernel stepKernel;
    private double[] initial;
    private double[] w;
    private float[] w32;
    private float[] gradient;
    private float[] margins;
    private double lastRisk;

    @Setup(Level.Trial)
    public void setUp() {
        problem = Problem.of(shape, activation);
        KernelChoice choice = KernelChoice.parse(kernel);
        Checks.kernelAgrees(problem, choice, threads);
        stepKernel = Checks.create(problem.spec(threads), choice);
        initial = problem.network.weights().clone();
        w = problem.network.weights();
        w32 = new float[w.length];
        gradient = new float[w.length];
        margins = new float[problem.n];
    }

    /** Every iteration starts from the same weights, so iterations measure the same work. */
    @Setup(Level.Iteration)
    public void resetWeights() {
        System.arraycopy(initial, 0, w, 0, w.length);
        for (int k = 0; k < w.length; k++) {
            w32[k] = (float) w[k];
        }
    }

    @Benchmark
    public double step() {
        // as GradientDescent.loop: evaluate at the float32 copy, gradient norm, then one pass on the kernel's
        // threads that updates the double master weights, refreshes the float32 copy and the weight norm
        double risk = stepKernel.evaluate(w32, margins, gradient);
        double gradSq = stepKernel.gradientSumOfSquares();
        double normSq = stepKernel.update(w, w32, gradient, ETA);
        lastRisk = risk;
        return risk + gradSq + normSq;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            Checks.finite("risk after the last step of " + shape + " " + kernel, lastRisk);
            Checks.expectKernel(stepKernel, KernelChoice.parse(kernel));
        } finally {
            stepKernel.close();
        }
    }
}
