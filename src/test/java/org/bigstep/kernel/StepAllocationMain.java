package org.bigstep.kernel;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bigstep.activation.Activations;
import org.bigstep.data.Dataset;

/**
 * Run by {@link StepAllocationTest} in a fresh JVM per case (a training run's JVM): steps one kernel until
 * compiled and prints what the measured steps allocated on all its threads, as {@code bytes=N}; exit code 3 if
 * it never stopped allocating during the warm-up. Arguments: kernel (scalar or vector), n, d, m, activation,
 * threads.
 */
public final class StepAllocationMain {

    static final int BATCH = 20;
    static final int QUIET_BATCHES = 5;
    static final int MEASURED_STEPS = 200;
    static final double WARM_UP_SECONDS = 30;

    private StepAllocationMain() {
    }

    public static void main(String[] args) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!mx.isThreadAllocatedMemorySupported() || !mx.isThreadAllocatedMemoryEnabled()) {
            System.out.println("unsupported");
            return;
        }
        KernelChoice kernel = KernelChoice.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        System.exit(check(mx, kernel, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                args[4], Integer.parseInt(args[5])));
    }

    static Dataset data(int n, int d, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * d];
        float[] y = new float[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * r.nextGaussian());
        }
        for (int i = 0; i < n; i++) {
            y[i] = r.nextBoolean() ? 1f : -1f;
        }
        return new Dataset("allocation", x, y, d);
    }

    private static int check(com.sun.management.ThreadMXBean mx, KernelChoice kernel, int n, int d, int m,
            String activation, int threads) {
        String what = kernel + " n=" + n + " d=" + d + " m=" + m + " " + activation + " " + threads + " thread(s)";
        double[] signs = new double[m];
        for (int j = 0; j < m; j++) {
            signs[j] = j % 2 == 0 ? 1 : -1;
        }
        KernelSpec spec = new KernelSpec(data(n, d, 7L * n + d), Activations.parse(activation), signs, 1.0, threads);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (StepKernel k = Kernels.create(spec, kernel)) {
            List<Long> workers = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!before.contains(t) && t.getName().startsWith("bigstep-kernel-")) {
                    workers.add(t.getId());
                }
            }
            if (workers.size() != k.threads() - 1) {
                System.out.println(what + ": expected " + (k.threads() - 1) + " worker threads, found " + workers.size());
                return 4;
            }
            long[] ids = workers.stream().mapToLong(Long::longValue).toArray();
            Random r = new Random(3);
            float[] w = new float[m * d];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) r.nextGaussian();
            }
            float[] margins = new float[n];
            float[] gradient = new float[m * d];
            long deadline = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
            int quiet = 0;
            long last = -1;
            while (quiet < QUIET_BATCHES) {
                if (System.nanoTime() > deadline) {
                    System.out.println(what + ": still allocating " + last + " bytes per " + BATCH + " steps after "
                            + WARM_UP_SECONDS + " s");
                    return 3;
                }
                last = allocated(mx, k, w, margins, gradient, ids, BATCH);
                quiet = last == 0 ? quiet + 1 : 0;
            }
            System.out.println("bytes=" + allocated(mx, k, w, margins, gradient, ids, MEASURED_STEPS));
            return 0;
        }
    }

    /** Bytes allocated by the calling thread and the workers over {@code steps} steps. */
    private static long allocated(com.sun.management.ThreadMXBean mx, StepKernel k, float[] w, float[] margins,
            float[] gradient, long[] workers, int steps) {
        // the workers' counters are read before and after the caller's, whose reads of them may allocate
        long before = 0;
        for (long id : workers) {
            before += mx.getThreadAllocatedBytes(id);
        }
        long own = mx.getCurrentThreadAllocatedBytes();
        for (int s = 0; s < steps; s++) {
            k.evaluate(w, margins, gradient);
        }
        own = mx.getCurrentThreadAllocatedBytes() - own;
        long after = 0;
        for (long id : workers) {
            after += mx.getThreadAllocatedBytes(id);
        }
        return own + after - before;
    }
}
