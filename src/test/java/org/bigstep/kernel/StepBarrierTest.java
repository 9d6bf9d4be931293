package org.bigstep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bigstep.activation.Activations;
import org.bigstep.data.BuiltinDatasets;
import org.junit.jupiter.api.Test;

/** The kernel's barrier: nobody passes a phase early, a broken barrier releases everyone, close() ends workers. */
class StepBarrierTest {

    @Test
    void noPartyLeavesAPhaseBeforeAllHaveArrived() throws Exception {
        int parties = 3;
        int phases = 2000;
        StepBarrier barrier = new StepBarrier(parties);
        AtomicInteger arrivals = new AtomicInteger();
        AtomicReference<String> error = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < parties; p++) {
            final int party = p;
            Thread t = new Thread(() -> {
                for (int phase = 1; phase <= phases; phase++) {
                    arrivals.incrementAndGet();
                    barrier.await(party);
                    // everyone has arrived for this phase, and nobody can arrive for the next before we do
                    int seen = arrivals.get();
                    if (seen < phase * parties || seen > phase * parties + parties - 1) {
                        error.compareAndSet(null, "party " + party + " phase " + phase + " saw " + seen + " arrivals");
                    }
                    barrier.await(party);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(60_000);
            assertFalse(t.isAlive(), "a party is stuck");
        }
        assertEquals(null, error.get());
        assertEquals(phases * parties, arrivals.get());
    }

    @Test
    void breakingReleasesAParkedPartyAndEveryLaterAwait() throws Exception {
        StepBarrier barrier = new StepBarrier(2);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                barrier.await(1);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        waiter.start();
        Thread.sleep(200); // long past the spin: parked
        barrier.breakBarrier();
        waiter.join(10_000);
        assertFalse(waiter.isAlive(), "the waiting party was not released");
        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
        assertThrows(IllegalStateException.class, () -> barrier.await(0));
    }

    @Test
    void closingAKernelEndsItsWorkerThreads() throws Exception {
        // n = 1000: three partitions, so two threads and a barrier
        KernelSpec spec = new KernelSpec(BuiltinDatasets.create("separable:n=1000,d=5,seed=2"),
                Activations.parse("relu"), new double[] {1, -1, 1}, 1, 2);
        List<Thread> workers = new ArrayList<>();
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        StepKernel k = Kernels.create(spec, KernelChoice.SCALAR);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.getName().startsWith("bigstep-kernel-")) {
                workers.add(t);
            }
        }
        assertEquals(2, k.threads());
        assertEquals(1, workers.size());
        k.evaluate(new float[15], new float[1000], new float[15]);
        k.close();
        for (Thread t : workers) {
            t.join(10_000);
            assertFalse(t.isAlive(), t.getName() + " still running after close()");
        }
    }
}
