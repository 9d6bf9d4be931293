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
 * The kernel's evaluate for every activation on one shape where the activation dominates: n=4096, d=2,
 * m=32 (4 d = 8 flops of products per activation evaluated), one thread. An expensive activation (erf,
 * tanh, exp) shows up here and nowhere else.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ActivationBenchmark {

    @Param({"softplus", "leaky-softplus", "gelu", "gelu-tanh", "silu", "huber-relu", "sigmoid", "relu", "leaky"})
    public String activation;

    @Param({"scalar", "vector"})
    public String kernel;

    @Param({"4096x2x32"})
    public String shape;

    private StepKernel stepKernel;
    private float[] w32;
    private float[] gradient;
    private float[] margins;
    private double lastRisk;

    @Setup(Level.Trial)
    public void setUp() {
        Problem problem = Problem.of(shape, activation);
        KernelChoice choice = KernelChoice.parse(kernel);
        Checks.kernelAgrees(problem, choice, 1);
        stepKernel = Checks.create(problem.spec(1), choice);
        w32 = new float[problem.m * problem.d];
        problem.network.copyWeightsTo(w32);
        gradient = new float[w32.length];
        margins = new float[problem.n];
    }

    @Benchmark
    public double evaluate() {
        lastRisk = stepKernel.evaluate(w32, margins, gradient);
        return lastRisk;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            Checks.finite("risk with " + activation + " " + kernel, lastRisk);
            Checks.expectKernel(stepKernel, KernelChoice.parse(kernel));
        } finally {
            stepKernel.close();
        }
    }
}
