package org.bigstep.training;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.bigstep.activation.Activations;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.data.Dataset;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.kernel.Kernels;
import org.bigstep.model.TwoLayerNetwork;
import org.junit.jupiter.api.Test;

/**
 * The gradient descent loop around the kernel (weight update in double, margins, step record, phases) allocates
 * nothing per step once compiled, so a run of a million steps (the paper's XOR) makes no garbage. The kernel's own
 * threads are StepAllocationTest's; here one thread, counted by a listener that reads the thread's allocation
 * counter at every step into a preallocated array. The loop runs in one call, so C2 compiles it on stack
 * replacement, after tens of thousands of steps: before that it allocated 64 bytes a step here (its listener
 * iterators), hence the long run and only its last steps checked.
 */
class DriverAllocationTest {

    static final int STEPS = 200_000;
    /** The last steps, long after compilation, must allocate less than this in all (no object per step). */
    static final int CHECKED = 2_000;
    static final long TRANSIENT_BYTES = 1024;

    @Test
    void theLoopAllocatesNothingPerStep() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocation per thread");
        Dataset data = BuiltinDatasets.create("xor");
        KernelChoice[] kernels = Kernels.availability().vector()
                ? new KernelChoice[] {KernelChoice.SCALAR, KernelChoice.VECTOR}
                : new KernelChoice[] {KernelChoice.SCALAR};
        for (KernelChoice kernel : kernels) {
            long[] allocated = new long[STEPS + 1];
            TwoLayerNetwork net = TwoLayerNetwork.initialize(5, data.dimension(), 8, 1.0, 1.0);
            TrainingOptions o = new TrainingOptions(Activations.parse("gelu"), 2.0, STEPS, 1, kernel);
            new GradientDescent(o).train(net, data,
                    (r, n) -> allocated[(int) r.step()] = mx.getCurrentThreadAllocatedBytes());
            long bytes = allocated[STEPS] - allocated[STEPS - CHECKED];
            assertTrue(bytes < TRANSIENT_BYTES,
                    kernel + ": " + bytes + " bytes allocated by the last " + CHECKED + " steps");
        }
    }
}
