package org.bigstep.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Compares builds of the engine (one class directory each, e.g. two git revisions) on one shape, in one JVM,
 * alternating: round r runs a burst of steps with build 1, then build 2, ..., so every build sees the same
 * machine at nearly the same time. On a shared machine (the development VM's memory-bound runs varied by 2x
 * between minutes) that pairing is what makes a 5-10% difference visible; JMH runs builds minutes apart.
 *
 * <p>Each build is loaded by its own class loader (its own hidden kernel classes and JIT profiles); the data,
 * network and kernel are built through the engine's public API by reflection, so any revision with the same
 * API works. Prints, per build, the best and the median GFLOP/s (4 n d m flops per step) over the rounds, and
 * how many rounds each later build beat the first one. Run it through {@code bench/compare}.
 *
 * <p>THREADS may be a list ({@code 1,2}): every build then runs at every thread count, each its own kernel, in the
 * same alternation, and the output adds each build's per-round speedup over its first thread count, so that the
 * scaling of one build is measured on the same machine minute as its 1-thread baseline.
 *
 * <p>With {@code --full-step} first, each step is the whole GD step {@code StepBenchmark.step} times (evaluate, the
 * gradient norm, the update of the double master weights and their float32 copy) instead of the kernel's evaluate
 * alone; bench/run uses that for the report's paired two-thread speedups. The master weights start from the same
 * initialisation in every build and move by {@link #FULL_STEP_RATE} per step, small enough that the work per step
 * stays the same over the run.
 */
public final class PairedCompare {

    /** The stepsize of a {@code --full-step} update: the weights stay near their start, as in StepBenchmark. */
    static final double FULL_STEP_RATE = 1e-4;

    private PairedCompare() {
    }

    /** One build's kernel and buffers. */
    private static final class Build {
        final String name;
        final Object kernel;
        final Method evaluate;
        final Method gradientSumOfSquares;
        final Method update;
        final Method close;
        final boolean fullStep;
        final double[] master;
        final float[] w;
        final float[] gradient;
        final float[] margins;

        Build(String name, Path classes, int n, int d, int m, String activation, int threads, boolean fullStep)
                throws Exception {
            this.name = name;
            this.fullStep = fullStep;
            ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> datasets = loader.loadClass("org.bigstep.data.BuiltinDatasets");
            Class<?> network = loader.loadClass("org.bigstep.model.TwoLayerNetwork");
            Class<?> activations = loader.loadClass("org.bigstep.activation.Activations");
            Class<?> spec = loader.loadClass("org.bigstep.kernel.KernelSpec");
            Class<?> choice = loader.loadClass("org.bigstep.kernel.KernelChoice");
            Class<?> kernels = loader.loadClass("org.bigstep.kernel.Kernels");
            Object data = datasets.getMethod("separable", int.class, int.class, long.class, double.class)
                    .invoke(null, n, d, Problem.SEED, 0.0);
            Object net = network.getMethod("initialize", int.class, int.class, long.class, double.class, double.class)
                    .invoke(null, m, d, Problem.SEED + 1, Math.sqrt(d), 1.0);
            Object phi = activations.getMethod("parse", String.class).invoke(null, activation);
            Object kernelSpec = spec.getConstructors()[0].newInstance(data, phi,
                    network.getMethod("signs").invoke(net), network.getMethod("scale").invoke(net), threads);
            Object vector = choice.getMethod("parse", String.class).invoke(null, "vector");
            this.kernel = kernels.getMethod("create", spec, choice).invoke(null, kernelSpec, vector);
            Class<?> stepKernel = loader.loadClass("org.bigstep.kernel.StepKernel");
            this.evaluate = stepKernel.getMethod("evaluate", float[].class, float[].class, float[].class);
            this.gradientSumOfSquares = stepKernel.getMethod("gradientSumOfSquares");
            this.update = stepKernel.getMethod("update", double[].class, float[].class, float[].class, double.class);
            this.close = stepKernel.getMethod("close");
            String kernelName = (String) stepKernel.getMethod("name").invoke(kernel);
            if (!kernelName.startsWith("vector")) {
                throw new IllegalStateException(name + ": the vector kernel was not selected (" + kernelName + ")");
            }
            this.master = ((double[]) network.getMethod("weights").invoke(net)).clone();
            this.w = new float[master.length];
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) master[k];
            }
            this.gradient = new float[m * d];
            this.margins = new float[n];
        }

        double steps(int count) throws Exception {
            double risk = 0;
            for (int s = 0; s < count; s++) {
                risk += (Double) evaluate.invoke(kernel, w, margins, gradient);
                if (fullStep) {
                    risk += (Double) gradientSumOfSquares.invoke(kernel);
                    risk += (Double) update.invoke(kernel, master, w, gradient, FULL_STEP_RATE);
                }
            }
            return risk;
        }
    }

    /** Arguments: [--full-step] rounds threads[,threads...] activation NxDxM name=classDir... */
    public static void main(String[] arguments) throws Exception {
        boolean fullStep = arguments.length > 0 && arguments[0].equals("--full-step");
        String[] args = fullStep ? Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
        if (args.length < 5) {
            System.err.println("usage: PairedCompare [--full-step] ROUNDS THREADS[,THREADS...] ACTIVATION NxDxM"
                    + " NAME=CLASSDIR...");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        int[] threadCounts = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        String activation = args[2];
        int[] shape = Problem.parseShape(args[3]);
        int sources = args.length - 4;
        Build[] builds = new Build[sources * threadCounts.length];
        for (int src = 0; src < sources; src++) {
            String[] nameDir = args[4 + src].split("=", 2);
            for (int t = 0; t < threadCounts.length; t++) {
                String name = threadCounts.length == 1 ? nameDir[0] : nameDir[0] + "@" + threadCounts[t] + "thr";
                builds[src * threadCounts.length + t] = new Build(name, Path.of(nameDir[1]), shape[0], shape[1], shape[2],
                        activation, threadCounts[t], fullStep);
            }
        }
        double flops = 4.0 * shape[0] * shape[1] * shape[2];
        int steps = (int) Math.max(1, Math.min(100_000, 0.5e9 / flops)); // bursts of about 10 ms at 50 GFLOP/s
        int warmup = Math.max(5, rounds / 4);
        double[][] gflops = new double[builds.length][rounds];
        double check = 0;
        for (int r = -warmup; r < rounds; r++) {
            for (int b = 0; b < builds.length; b++) {
                long t0 = System.nanoTime();
                check += builds[b].steps(steps);
                long t1 = System.nanoTime();
                if (r >= 0) {
                    gflops[b][r] = flops * steps / (t1 - t0);
                }
            }
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %s thr %s%s:", args[3], args[1], activation,
                fullStep ? " full step" : ""));
        for (int b = 0; b < builds.length; b++) {
            double[] sorted = gflops[b].clone();
            Arrays.sort(sorted);
            line.append(String.format(Locale.ROOT, "  %s best %.1f median %.1f", builds[b].name,
                    sorted[rounds - 1], sorted[rounds / 2]));
        }
        System.out.println(line + " GFLOP/s");
        for (int b = 1; b < builds.length; b++) {
            int wins = 0;
            for (int r = 0; r < rounds; r++) {
                wins += gflops[b][r] > gflops[0][r] ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "  %s faster than %s in %d of %d rounds%n", builds[b].name, builds[0].name,
                    wins, rounds);
        }
        for (int src = 0; src < sources && threadCounts.length > 1; src++) {
            int base = src * threadCounts.length;
            for (int t = 1; t < threadCounts.length; t++) {
                double[] ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = gflops[base + t][r] / gflops[base][r];
                }
                Arrays.sort(ratio);
                System.out.printf(Locale.ROOT, "  %s: %d threads over %d, per round: median %.2fx (range %.2f-%.2fx)%n",
                        args[4 + src].split("=", 2)[0], threadCounts[t], threadCounts[0], ratio[rounds / 2], ratio[0],
                        ratio[rounds - 1]);
            }
        }
        for (Build b : builds) {
            b.close.invoke(b.kernel);
        }
        if (!Double.isFinite(check)) {
            throw new IllegalStateException("a build returned a non-finite risk");
        }
    }
}
