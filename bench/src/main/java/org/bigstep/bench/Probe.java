package org.bigstep.bench;

import java.util.Locale;
import jdk.incubator.vector.FloatVector;
import org.bigstep.kernel.Kernels;

/**
 * Prints what bench/run needs to know about this JVM as one JSON object: the JDK, the preferred vector
 * width, whether the vector kernel is available (and why not), and the ceiling benchmark's constants.
 * Run with --add-modules jdk.incubator.vector.
 */
public final class Probe {

    private Probe() {
    }

    public static void main(String[] args) {
        Kernels.Availability a = Kernels.availability();
        String json = String.format(Locale.ROOT,
                "{\"javaVersion\": \"%s\", \"vmName\": \"%s\", \"vmVersion\": \"%s\", \"javaHome\": \"%s\","
                        + " \"availableProcessors\": %d, \"preferredFloatBits\": %d, \"preferredFloatLanes\": %d,"
                        + " \"vectorKernel\": %b, \"vectorKernelBits\": %d, \"vectorReason\": \"%s\","
                        + " \"fmaChains\": %d, \"fmaReps\": %d, \"triadBytesPerElement\": %d, \"tileK\": %d, \"tilePasses\": %d}",
                esc(System.getProperty("java.version")), esc(System.getProperty("java.vm.name")),
                esc(System.getProperty("java.vm.version")), esc(System.getProperty("java.home")),
                Runtime.getRuntime().availableProcessors(), FloatVector.SPECIES_PREFERRED.vectorBitSize(),
                FloatVector.SPECIES_PREFERRED.length(), a.vector(), a.vectorBits(), esc(a.reason()),
                CeilingBenchmark.CHAINS, CeilingBenchmark.REPS, CeilingBenchmark.TRIAD_BYTES_PER_ELEMENT,
                CeilingBenchmark.TILE_K, CeilingBenchmark.TILE_PASSES);
        System.out.println(json);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
