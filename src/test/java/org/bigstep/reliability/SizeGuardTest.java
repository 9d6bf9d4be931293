package org.bigstep.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bigstep.cli.CliResult;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.training.MemoryEstimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs and generated datasets too large for the heap are refused up front with exit 2, never an OutOfMemoryError. */
class SizeGuardTest {

    @TempDir
    Path dir;

    @Test
    void estimateCountsEveryPart() {
        // n = 2048: 8 partitions of 256; m*d = 1000
        MemoryEstimate e = MemoryEstimate.of(2048, 10, 100, 2);
        assertEquals(4L * 2048 * 10 + 4 * 2048, e.data());
        assertEquals(1000L * 16, e.weights());
        assertEquals(7L * 1000 * 4, e.partitions());
        assertEquals(4L * 2048, e.margins());
        assertEquals(e.data() + e.weights() + e.partitions() + e.margins() + e.scratch() + MemoryEstimate.BASE, e.total());
        // a narrow layer (X read in place from a padded copy), tiny d (X kept by columns) and, for wider layers,
        // d from TRANSPOSED_MIN_D (X^T for the transposed forward) count a copy of X
        long wide = MemoryEstimate.of(100_000, 1500, 64, 1).scratch();
        assertTrue(MemoryEstimate.of(100_000, 1500, 16, 1).scratch() >= 4L * 100_000 * 1500, "copy for m <= 32");
        assertTrue(wide < 4L * 100_000 * 1500, "no copy for m > 32, d = 1500: " + wide);
        assertTrue(MemoryEstimate.of(100_000, MemoryEstimate.TRANSPOSED_MIN_D, 64, 1).scratch()
                >= 4L * 100_000 * MemoryEstimate.TRANSPOSED_MIN_D, "copy of X^T for m > 32, d >= TRANSPOSED_MIN_D");
        // there X is also packed into panels once, where X^T and the panels fit a quarter of the heap
        long quarter = Runtime.getRuntime().maxMemory() / 4;
        int d = MemoryEstimate.TRANSPOSED_MIN_D;
        long fits = quarter / (4L * (2 * d + 64)) - 128;
        long over = quarter / (4L * 2 * d) + 1;
        assertTrue(MemoryEstimate.of(fits, d, 64, 1).scratch() >= 2 * 4L * fits * d, "X^T and panels");
        long xtOnly = MemoryEstimate.of(over, d, 64, 1).scratch();
        assertTrue(xtOnly >= 4L * over * d && xtOnly < 2 * 4L * over * d, "X^T alone beyond a quarter: " + xtOnly);
        assertTrue(MemoryEstimate.of(10_000_000, 2, 64, 1).scratch() >= 4L * 10_000_000 * 2, "copy for d <= 8");
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> MemoryEstimate.of(1000, 1000, 10_000_000, 2).require(0));
        assertTrue(x.getMessage().contains("BIGSTEP_JAVA_OPTS=-Xmx") && x.getMessage().contains("max heap"), x.getMessage());
    }

    @Test
    void aRunWiderThanTheHeapExitsTwoBeforeAllocating() {
        long width = Math.min(Runtime.getRuntime().maxMemory() / 8, Integer.MAX_VALUE / 2 - 1);
        CliResult r = CliResult.run("train", "--dataset", "xor", "--width", Long.toString(width), "--steps", "1",
                "--trace", dir.resolve("t.csv").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("heap") && r.err().contains("-Xmx"), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("bigstep:") && !l.contains("WARNING")).count(), r.err());
        assertFalse(Files.exists(dir.resolve("t.csv")), "no file is created for a refused run");
    }

    @Test
    void generatorsRefuseAbsurdSizes() {
        IllegalArgumentException cap = assertThrows(IllegalArgumentException.class,
                () -> BuiltinDatasets.create("separable:n=1000000000,d=1000"));
        assertTrue(cap.getMessage().contains("values"), cap.getMessage());
    }

    @Test
    void aGeneratedDatasetLargerThanASmallHeapExitsTwoWithTheXmxToPass() throws Exception {
        // a separate JVM with a 64 MiB heap asked for 24 M values (96 MiB): below the generator's cap, above the heap
        Path log = dir.resolve("log");
        Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), "org.bigstep.cli.Main", "train",
                "--dataset", "separable:n=12000000,d=2", "--steps", "1").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = Files.readString(log);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("heap") && out.contains("BIGSTEP_JAVA_OPTS=-Xmx"), out);
        assertFalse(out.contains("OutOfMemoryError"), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("bigstep:") && !l.contains("WARNING")).toList();
        assertEquals(1, lines.size(), out);
    }
}
