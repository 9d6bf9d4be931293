package org.bigstep.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No allocation inside the step loop: once compiled, a step allocates nothing on any of the kernel's threads,
 * for every layout of both kernels (vector: across samples for tiny d, X in place for small m, X in panels),
 * on 1 and 2 threads. Counted with the JVM's per-thread allocation counter, which is exact, not timed.
 *
 * <p>Each case runs in a fresh JVM ({@link StepAllocationMain}), as a training run does. This test suite runs vector
 * kernels of 128, 256 and 512 bits in one JVM; the JDK's Vector API methods are shared by all widths, and with
 * profiles from two widths C2 may leave their calls out of line, so that every vector is an object (after 2000
 * steps of a 128-bit kernel, the 256-bit kernel allocated 1-17 GB per 300 steps on JDK 17: see
 * docs/PERFORMANCE-NOTES.md). Many shapes and activations at one width in one JVM allocated nothing.
 *
 * <p>The child JVMs compile in the foreground ({@code -XX:-BackgroundCompilation}): in the usual background mode
 * which methods C2 has already compiled, and so inlines, varies from run to run, and so did an allocation this test
 * missed on JDK 17 (the last stores of the GELU and softplus passes, boxed in 1 of 3 fresh JVMs at 8192x784x128).
 * Compiled in a fixed order it happened in every run, and both panel cases below fail on that code.
 *
 * <p>Vector code allocates until C2 has compiled it (interpreted, every vector is an object), so each case first
 * steps until {@link StepAllocationMain#QUIET_BATCHES} batches in a row allocate nothing, for at most {@link
 * StepAllocationMain#WARM_UP_SECONDS}, and then must stay under {@link #TRANSIENT_BYTES} over {@link
 * StepAllocationMain#MEASURED_STEPS} more: a
 * late recompilation can still allocate a few objects once (192 bytes were seen on two threads: a
 * deoptimised method materialises the objects C2 had scalar-replaced), while one object per step is at least
 * 16 bytes a step, 3200 over the measured steps. Regressions this catches: a vector passed to a helper that C2 does
 * not inline (one object per vector: the column kernel allocated 128 bytes per group of 8 samples that way), a
 * barrier that allocates per trip (CyclicBarrier: about 70 bytes per thread per step), and the boxed stores above.
 */
class StepAllocationTest {

    static final long TRANSIENT_BYTES = 1024;

    /** n, d, m and activation of each case: tiny d (twice), X in place (m <= 32), X in panels (twice). */
    static final Object[][] CASES = {
        {600, 3, 40, "gelu"},
        {1000, 2, 8, "relu"},
        {600, 40, 16, "leaky:c=0.6,base=huber-relu:h=2"},
        {600, 40, 41, "softplus"},
        {600, 40, 41, "gelu"},
    };

    @Test
    void stepsAllocateNothingOnceCompiled() throws Exception {
        List<KernelChoice> kernels = new ArrayList<>(List.of(KernelChoice.SCALAR));
        if (Kernels.availability().vector()) {
            kernels.add(KernelChoice.VECTOR);
        }
        for (KernelChoice kernel : kernels) {
            for (Object[] c : CASES) {
                for (int threads : new int[] {1, 2}) {
                    String[] args = {kernel.name().toLowerCase(Locale.ROOT), String.valueOf(c[0]), String.valueOf(c[1]),
                        String.valueOf(c[2]), (String) c[3], String.valueOf(threads)};
                    String out = child(args);
                    String what = String.join(" ", args);
                    if (out.startsWith("unsupported")) {
                        assumeTrue(false, "this JVM does not count allocation per thread");
                    }
                    assertTrue(out.startsWith("bytes="), what + ": " + out);
                    long bytes = Long.parseLong(out.substring("bytes=".length()).trim());
                    assertTrue(bytes < TRANSIENT_BYTES, what + ": " + bytes + " bytes allocated over "
                            + StepAllocationMain.MEASURED_STEPS + " steps, all threads (allowed: under "
                            + TRANSIENT_BYTES + ", a few objects once)");
                }
            }
        }
    }

    /** Runs StepAllocationMain in a fresh JVM with this one's class path and vector module; its output. */
    private static String child(String[] args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:-BackgroundCompilation"));
        if (ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isPresent()) {
            command.add("--add-modules=" + Kernels.VECTOR_MODULE);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StepAllocationMain.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish: " + out);
        String last = out.lines().filter(l -> !l.startsWith("WARNING")).reduce("", (a, b) -> b);
        assertTrue(p.exitValue() == 0, "child JVM exit " + p.exitValue() + ": " + out);
        return last;
    }
}
