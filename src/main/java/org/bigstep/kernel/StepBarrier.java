package org.bigstep.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a fixed set of parties, each a thread with its own slot, that allocates nothing per
 * use: {@link java.util.concurrent.CyclicBarrier} allocates a generation object per trip and its lock a
 * condition node per waiting thread, about 70 bytes per thread per step at three trips per step. A waiting
 * thread spins briefly (steps of small problems take microseconds, less than a park and unpark) and then parks.
 */
final class StepBarrier {

    /** Spin-wait iterations before parking: tens of microseconds. */
    static final int SPINS = 1 << 12;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private final Thread[] waiting;
    private volatile int phase;
    private volatile boolean broken;

    StepBarrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("barrier: expected at least one party, found " + parties);
        }
        this.parties = parties;
        this.waiting = new Thread[parties];
    }

    /**
     * Returns once all parties have arrived in this phase.
     *
     * @param party this thread's slot, 0 to parties - 1, one per thread
     * @throws IllegalStateException when the barrier is broken ({@link #breakBarrier}) or the thread interrupted
     */
    void await(int party) {
        int p = phase;
        if (broken) {
            throw new IllegalStateException("kernel barrier broken");
        }
        // written before the increment, so the last party to arrive (which increments after) sees it
        waiting[party] = Thread.currentThread();
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0); // before the new phase is visible: nobody arrives for it until then
            phase = p + 1;
            for (Thread t : waiting) {
                LockSupport.unpark(t);
            }
            return;
        }
        for (int spin = 0; phase == p; spin++) {
            if (broken) {
                throw new IllegalStateException("kernel barrier broken");
            }
            if (spin < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    breakBarrier();
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("kernel interrupted");
                }
            }
        }
    }

    /** Releases every waiting party with an exception, now and in every later {@link #await}. */
    void breakBarrier() {
        broken = true;
        for (Thread t : waiting) {
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }
}
