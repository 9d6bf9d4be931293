package org.bigstep.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.kernel.Kernels;
import org.junit.jupiter.api.Test;

/** How the vector kernel is found, required, and missed (Lucene's and jvector's provider checks). */
class KernelSelectionTest {

    /** CI runs with -Dbigstep.requireKernel=vector: a silent fallback to scalar must fail the build. */
    @Test
    void requiredVectorKernelIsSelected() {
        Kernels.Availability a = Kernels.availability();
        boolean moduleLoaded = ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isPresent();
        boolean forcedScalar = "0".equals(System.getProperty(Kernels.BIT_SIZE_PROPERTY, "").trim());
        if ("vector".equalsIgnoreCase(System.getProperty(Kernels.REQUIRE_PROPERTY, "").trim())) {
            assertTrue(a.vector(), Kernels.REQUIRE_PROPERTY + "=vector but the kernel is scalar: " + a.reason());
            assertEquals("vector", Kernels.resolvedName(KernelChoice.AUTO));
        }
        // with the module present the vector kernel must load, whatever CI demands
        assertEquals(moduleLoaded && !forcedScalar, a.vector(), "availability: " + a.reason());
        if (a.vector()) {
            assertTrue(a.vectorBits() >= 64, "vector bits " + a.vectorBits());
        }
    }

    /** Without --add-modules the scalar kernel runs and exactly one warning says how to enable the fast path. */
    @Test
    void withoutTheModuleTheScalarKernelRunsWithOneWarning() throws Exception {
        String[] outErr = runChild();
        String out = outErr[0];
        String err = outErr[1];
        assertTrue(out.contains("kernel=scalar bits=0"), "stdout: " + out + " stderr: " + err);
        long warnings = err.lines().filter(l -> l.contains("--add-modules " + Kernels.VECTOR_MODULE)).count();
        assertEquals(1, warnings, "expected one warning naming --add-modules, stderr was:\n" + err);
    }

    /** A width up to the CPU's widest registers runs as SIMD; a wider one is emulated, and says so. */
    @Test
    void onlyWidthsWiderThanTheCpuCarryACaution() {
        int widest = FloatVector.SPECIES_MAX.vectorBitSize();
        for (int bits : new int[] {64, 128, 256, 512}) {
            String caution = new VectorEvaluatorFactory(bits).caution();
            assertEquals(bits > widest, !caution.isEmpty(), bits + " bits, " + widest + "-bit CPU: '" + caution + "'");
        }
    }

    /** A forced width wider than the CPU's: the vector kernel still runs, and one warning says why it is slow. */
    @Test
    void aForcedWidthBeyondTheCpuWarnsOnce() throws Exception {
        int widest = FloatVector.SPECIES_MAX.vectorBitSize();
        assumeTrue(widest < 512, "this CPU has 512-bit vector registers: no width the property accepts is wider");
        String[] outErr = runChild("--add-modules", Kernels.VECTOR_MODULE, "-D" + Kernels.BIT_SIZE_PROPERTY + "=512");
        String out = outErr[0];
        String err = outErr[1];
        assertTrue(out.contains("kernel=vector bits=512"), "stdout: " + out + " stderr: " + err);
        long warnings = err.lines().filter(l -> l.contains("wider than the " + widest + " bits")).count();
        assertEquals(1, warnings, "expected one warning naming the CPU's " + widest + " bits, stderr was:\n" + err);
    }

    /** Runs {@link NoVectorModuleMain} in a child JVM with these options; its stdout and stderr, once it exited 0. */
    private static String[] runChild(String... jvmOptions) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = location(Kernels.class) + File.pathSeparator + location(NoVectorModuleMain.class);
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classpath, NoVectorModuleMain.class.getName()));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "child JVM failed: " + out + err);
        return new String[] {out, err};
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
