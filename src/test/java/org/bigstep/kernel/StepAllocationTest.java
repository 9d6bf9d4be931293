package org.bigstep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bigstep.activation.Activations;
import org.bigstep.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * No allocation inside the step loop: once compiled, a step allocates nothing on any of the kernel's threads,
 * for every layout of both kernels (vector: across samples for tiny d, X in place for small m, X in panels),
 * on 1 and 2 threads. Counted with the JVM's per-thread allocation counter, which is exact, not timed.
 *
 * <p>Vector code allocates until C2 has compiled it (interpreted, every vector is an object), so each case
 * first steps until {@link #QUIET_BATCHES} batches in a row allocate nothing, for at most {@link
 * #WARM_UP_SECONDS}, and then must stay under {@link #TRANSIENT_BYTES} over {@link #MEASURED_STEPS} more: a
 * late recompilation can still allocate a few objects once (192 bytes were seen on two threads: a
 * deoptimised method materialises the objects C2 had scalar-replaced), while one object per step is at least
 * 16 bytes a step, 3200 over the measured steps. Two regressions this
 * catches: a vector passed to a helper that C2 does not inline (one object per vector: the column kernel
 * allocated 128 bytes per group of 8 samples that way), and a barrier that allocates per trip
 * (CyclicBarrier: about 70 bytes per thread per step).
 */
class StepAllocationTest {

    static final int BATCH = 20;
    static final int QUIET_BATCHES = 5;
    static final int MEASURED_STEPS = 200;
    static final long TRANSIENT_BYTES = 1024;
    static final double WARM_UP_SECONDS = 30;

    /** n, d, m and activation of each case: tiny d (twice), X in place (m <= 32), X in panels. */
    static final Object[][] CASES = {
        {400, 3, 40, "gelu"},
        {1000, 2, 8, "relu"},
        {600, 40, 16, "leaky:c=0.6,base=huber-relu:h=2"},
        {600, 40, 41, "softplus"},
    };

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

    @Test
    void stepsAllocateNothingOnceCompiled() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocation per thread");
        List<KernelChoice> kernels = new ArrayList<>(List.of(KernelChoice.SCALAR));
        if (Kernels.availability().vector()) {
            kernels.add(KernelChoice.VECTOR);
        }
        for (KernelChoice kernel : kernels) {
            for (Object[] c : CASES) {
                for (int threads : new int[] {1, 2}) {
                    check(mx, kernel, (int) c[0], (int) c[1], (int) c[2], (String) c[3], threads);
                }
            }
        }
    }

    private static void check(com.sun.management.ThreadMXBean mx, KernelChoice kernel, int n, int d, int m,
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
            assertEquals(k.threads() - 1, workers.size(), what + ": worker threads");
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
                    fail(what + ": still allocating " + last + " bytes per " + BATCH + " steps after "
                            + WARM_UP_SECONDS + " s");
                }
                last = allocated(mx, k, w, margins, gradient, ids, BATCH);
                quiet = last == 0 ? quiet + 1 : 0;
            }
            long bytes = allocated(mx, k, w, margins, gradient, ids, MEASURED_STEPS);
            assertTrue(bytes < TRANSIENT_BYTES, what + ": " + bytes + " bytes allocated over " + MEASURED_STEPS
                    + " steps, all threads (allowed: under " + TRANSIENT_BYTES + ", a few objects once)");
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
