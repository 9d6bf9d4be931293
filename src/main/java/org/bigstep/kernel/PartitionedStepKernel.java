package org.bigstep.kernel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link RangeEvaluator} over fixed sample partitions and sums their gradients in partition order.
 *
 * <p>Determinism: the partitions depend on n only, never on the thread count, and each has its own
 * gradient buffer and loss sum, reduced in a fixed order; so the result is bit-identical for any
 * number of threads. Threads are persistent and meet at a barrier three times per step (start, partitions
 * done, reduction done); nothing is allocated per step, by the kernels or the barrier ({@link StepBarrier}).
 */
public final class PartitionedStepKernel implements StepKernel {

    /** Fewer samples than this per partition are not worth a private gradient buffer. */
    static final int MIN_PARTITION = 256;
    /** Enough partitions to balance two to eight cores without making the reduction costly. */
    static final int MAX_PARTITIONS = 8;

    private final RangeEvaluator evaluator;
    private final String name;
    private final int vectorBits;
    private final int n;
    private final int m;
    private final int size;
    private final int[] bounds;
    private final float[][] partial;
    private final double[] partialLoss;
    private final int threads;
    private final Thread[] workers;
    private final StepBarrier barrier;
    private final AtomicInteger nextPartition = new AtomicInteger();
    private volatile boolean closed;
    private volatile Throwable failure;

    // the current step's arguments, published to workers by the barrier
    private float[] stepWeights;
    private float[] stepMargins;
    private float[] stepGradient;
    private double stepShift;

    public PartitionedStepKernel(KernelSpec spec, RangeEvaluator.Factory factory) {
        this.n = spec.data().size();
        this.m = spec.width();
        this.size = spec.width() * spec.data().dimension();
        this.bounds = partitionBounds(n);
        int partitions = bounds.length - 1;
        this.threads = Math.min(spec.threads(), partitions);
        this.evaluator = factory.create(spec, threads);
        this.name = factory.name();
        this.vectorBits = factory.vectorBits();
        this.partial = new float[partitions][];
        for (int p = 0; p < partitions; p++) {
            // in the evaluator's layout: the one pass that sums them also converts, so no range copies its result
            partial[p] = new float[evaluator.partialLength()];
        }
        this.partialLoss = new double[partitions];
        this.barrier = threads > 1 ? new StepBarrier(threads) : null;
        this.workers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            final int worker = t;
            workers[t - 1] = new Thread(() -> workerLoop(worker), "bigstep-kernel-" + t);
            workers[t - 1].setDaemon(true);
            workers[t - 1].start();
        }
    }

    /** Partition boundaries for n samples: a function of n alone, so results never depend on threads. */
    public static int[] partitionBounds(int n) {
        int partitions = Math.max(1, Math.min(MAX_PARTITIONS, n / MIN_PARTITION));
        int chunk = (n + partitions - 1) / partitions;
        chunk = (chunk + 15) & ~15; // multiples of 16 keep partition starts aligned to every vector width
        int[] b = new int[partitions + 1];
        for (int p = 1; p <= partitions; p++) {
            b[p] = Math.min(n, b[p - 1] + chunk);
        }
        b[partitions] = n;
        return b;
    }

    @Override
    public double evaluate(float[] weights, float[] margins, float[] gradient, double shift) {
        if (closed) {
            throw new IllegalStateException("kernel is closed");
        }
        if (weights.length < size || gradient.length < size || margins.length < n) {
            throw new IllegalArgumentException("kernel: expected weights and gradient of length " + size + " and margins of length "
                    + n + ", found " + weights.length + ", " + gradient.length + ", " + margins.length);
        }
        evaluator.prepare(weights);
        stepShift = shift;
        stepWeights = weights;
        stepMargins = margins;
        stepGradient = gradient;
        nextPartition.set(0);
        if (barrier == null) {
            computePartitions(0);
            evaluator.reduce(partial, gradient, 0, m);
        } else {
            failure = null;
            barrier.await(0); // the caller's thread is party 0, worker t party t
            try {
                computePartitions(0);
            } catch (Throwable t) {
                failure = t;
            }
            barrier.await(0);
            reduceShare(0);
            barrier.await(0);
            Throwable f = failure;
            if (f != null) {
                throw new IllegalStateException("kernel worker failed: " + f, f);
            }
        }
        double loss = 0;
        for (double l : partialLoss) {
            loss += l;
        }
        return loss / n;
    }

    private void workerLoop(int worker) {
        try {
            while (true) {
                barrier.await(worker);
                if (closed) {
                    return;
                }
                try {
                    computePartitions(worker);
                } catch (Throwable t) {
                    failure = t;
                }
                barrier.await(worker);
                reduceShare(worker);
                barrier.await(worker);
            }
        } catch (IllegalStateException e) {
            // barrier broken by close()
        }
    }

    private void computePartitions(int worker) {
        for (int p = nextPartition.getAndIncrement(); p < partialLoss.length; p = nextPartition.getAndIncrement()) {
            partialLoss[p] = evaluator.evaluate(worker, stepWeights, bounds[p], bounds[p + 1], stepMargins, partial[p], stepShift);
        }
    }

    /** This worker's rows of the gradient: partition 0 + partition 1 + ... in partition order. */
    private void reduceShare(int worker) {
        int chunk = (m + threads - 1) / threads;
        int from = Math.min(m, worker * chunk);
        int to = Math.min(m, from + chunk);
        if (from < to) {
            evaluator.reduce(partial, stepGradient, from, to);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int vectorBits() {
        return vectorBits;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (barrier != null) {
            barrier.breakBarrier();
            for (Thread w : workers) {
                w.interrupt();
            }
        }
    }
}
