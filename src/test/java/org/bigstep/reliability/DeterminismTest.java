package org.bigstep.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.bigstep.activation.Activations;
import org.bigstep.cli.Main;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.data.Dataset;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.kernel.Kernels;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.GradientDescent;
import org.bigstep.training.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same inputs, seed and options give bit-identical results, across runs and for any thread count, for
 * every kernel this JVM offers. With -Dbigstep.requireKernel=vector the vector kernel must be among them,
 * so that CI cannot pass by testing the scalar kernel alone.
 */
class DeterminismTest {

    @TempDir
    Path dir;

    /** The kernels to test here: scalar always, vector when the JVM can run it. */
    static List<KernelChoice> kernels() {
        List<KernelChoice> k = new ArrayList<>(List.of(KernelChoice.SCALAR));
        if (Kernels.availability().vector()) {
            k.add(KernelChoice.VECTOR);
        }
        return k;
    }

    @Test
    void vectorKernelIsCoveredWhenRequired() {
        boolean required = "vector".equalsIgnoreCase(System.getProperty(Kernels.REQUIRE_PROPERTY, ""));
        if (required) {
            assertTrue(kernels().contains(KernelChoice.VECTOR),
                    "bigstep.requireKernel=vector but the vector kernel is not available: " + Kernels.availability().reason());
        }
        assertTrue(kernels().contains(KernelChoice.SCALAR));
    }

    /** Loss, margins and final weights of a run, as bits. */
    private static long[] fingerprint(Dataset data, KernelChoice kernel, int threads, long steps) {
        TwoLayerNetwork net = TwoLayerNetwork.initialize(13, data.dimension(), 7, 1.0, 1.0);
        TrainingOptions o = new TrainingOptions(Activations.parse("leaky-softplus"), 30, steps, threads, kernel);
        List<Long> bits = new ArrayList<>();
        new GradientDescent(o).train(net, data, (r, n) -> {
            bits.add(Double.doubleToRawLongBits(r.loss()));
            bits.add(Double.doubleToRawLongBits(r.gradNorm()));
            for (float q : r.margins()) {
                bits.add((long) Float.floatToRawIntBits(q));
            }
        });
        for (double w : net.weights()) {
            bits.add(Double.doubleToRawLongBits(w));
        }
        return bits.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCountAndEveryKernel() {
        // n = 1037: five partitions with a ragged last one; d = 19 leaves a tail for every vector width
        Dataset data = BuiltinDatasets.create("separable:n=1037,d=19,seed=3");
        for (KernelChoice kernel : kernels()) {
            long[] reference = fingerprint(data, kernel, 1, 25);
            for (int threads : new int[] {1, 2, 3, 8}) {
                assertArrayEquals(reference, fingerprint(data, kernel, threads, 25), kernel + " kernel, " + threads + " threads");
            }
        }
    }

    private static List<String> rows(Path trace) throws IOException {
        return Files.readAllLines(trace).stream().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
    }

    @Test
    void cliTraceRowsAreByteIdenticalAcrossRunsAndThreadsForEveryKernel() throws IOException {
        for (KernelChoice kernel : kernels()) {
            List<String> reference = null;
            for (String threads : List.of("1", "2", "1", "5")) {
                Path trace = dir.resolve(kernel + "-" + threads + "-" + System.nanoTime() + ".csv");
                StringWriter err = new StringWriter();
                int code = Main.execute(new String[] {"train", "--dataset", "separable:n=700,d=6,seed=4", "--width", "11",
                    "--eta", "50", "--steps", "40", "--trace-every", "3", "--kernel", kernel.toString(), "--threads", threads,
                    "--trace", trace.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
                assertEquals(0, code, err.toString());
                List<String> rows = rows(trace);
                assertEquals(1 + 14 + 1, rows.size(), "header, steps 0,3,...,39 and the last step 40");
                if (reference == null) {
                    reference = rows;
                } else {
                    assertEquals(reference, rows, kernel + " kernel, " + threads + " threads");
                }
            }
        }
    }
}
