package org.bigstep.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import org.bigstep.model.TwoLayerNetwork;

/**
 * Runs a {@link RangeEvaluator} over fixed sample partitions and sums their gradients in partition order.
 *
 * <p>Determinism: the partitions depend on n only, never on the thread count, and each has its own
 * gradient buffer and loss sum, reduced in a fixed order; so the result is bit-identical for any
 * number of threads. Threads are persistent and meet at a barrier three times per evaluation (start, partitions
 * done, reduction done), four for a large W, which they prepare together first (at 1024x3072x256 packing W alone
 * took 3% of a one-thread step), and twice per {@link #update} of a large W; nothing is allocated per step, by the
 * kernels or the barrier ({@link StepBarrier}). Norms are summed per neuron row, each row by one thread, and the rows in
 * order ({@link TwoLayerNetwork#sumOfSquares}), so they too are the same for any thread count.
 */
public final class PartitionedStepKernel implements StepKernel {

    /** Fewer samples than this per partition are not worth a private gradient buffer. */
    static final int MIN_PARTITION = 256;
    /** Enough partitions to balance two to eight cores without making the reduction costly. */
    static final int MAX_PARTITIONS = 8;
    /**
     * Weights (m d) from which {@link #update} and the evaluator's {@link RangeEvaluator#prepare} run on all
     * threads: below this a pass over W takes microseconds, less than waking the workers or one more barrier.
     */
    public static final int PARALLEL_UPDATE_MIN = 1 << 15;
    /** Rows per thread of the parallel {@link RangeEvaluator#prepare} start at multiples of this (16 lanes at most). */
    public static final int PREPARE_ROW_MULTIPLE = 16;
    /** Floats of gradient (128 KiB) reduced before their sums of squares are taken ({@link #reduceRows}). */
    static final int REDUCE_RUN_FLOATS = 32 * 1024;

    private final RangeEvaluator evaluator;
    private final String name;
    private final int vectorBits;
    private final int n;
    private final int m;
    private final int d;
    private final int size;
    private final int[] bounds;
    private final float[][] partial;
    private final double[] partialLoss;
    /** Per neuron row: the gradient's sum of squares after an evaluation, the weights' after an update. */
    private final double[] rowSquares;
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
    private boolean stepIsUpdate;
    /** Whether this evaluation's W is prepared by every thread (its rows), with a barrier before the partitions. */
    private boolean stepPrepareShared;
    private double[] updateMaster;
    private float[] updateCopy;
    private double updateRate;
    private double gradientSquares;

    public PartitionedStepKernel(KernelSpec spec, RangeEvaluator.Factory factory) {
        this.n = spec.data().size();
        this.m = spec.width();
        this.d = spec.data().dimension();
        this.size = spec.width() * spec.data().dimension();
        this.rowSquares = new double[m];
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
        requireOpen();
        if (weights.length < size || gradient.length < size || margins.length < n) {
            throw new IllegalArgumentException("kernel: expected weights and gradient of length " + size + " and margins of length "
                    + n + ", found " + weights.length + ", " + gradient.length + ", " + margins.length);
        }
        stepShift = shift;
        stepWeights = weights;
        stepMargins = margins;
        stepGradient = gradient;
        stepIsUpdate = false;
        nextPartition.set(0);
        if (barrier == null) {
            evaluator.prepare(weights, 0, m);
            computePartitions(0);
            reduceRows(0, m);
        } else {
            failure = null;
            stepPrepareShared = size >= PARALLEL_UPDATE_MIN;
            if (!stepPrepareShared) {
                evaluator.prepare(weights, 0, m);
            }
            barrier.await(0); // the caller's thread is party 0, worker t party t
            try {
                prepareShare(0);
                computePartitions(0);
            } catch (Throwable t) {
                failure = t;
            }
            barrier.await(0);
            reduceShare(0);
            barrier.await(0);
            rethrowFailure();
        }
        gradientSquares = sumRows();
        double loss = 0;
        for (double l : partialLoss) {
            loss += l;
        }
        return loss / n;
    }

    @Override
    public double gradientSumOfSquares() {
        return gradientSquares;
    }

    @Override
    public double update(double[] master, float[] copy, float[] gradient, double rate) {
        requireOpen();
        if (master.length < size || copy.length < size || gradient.length < size) {
            throw new IllegalArgumentException("kernel: expected master, copy and gradient of length " + size
                    + ", found " + master.length + ", " + copy.length + ", " + gradient.length);
        }
        updateMaster = master;
        updateCopy = copy;
        stepGradient = gradient;
        updateRate = rate;
        if (barrier == null || size < PARALLEL_UPDATE_MIN) {
            updateRows(0, m);
        } else {
            stepIsUpdate = true;
            failure = null;
            barrier.await(0);
            try {
                updateShare(0);
            } catch (Throwable t) {
                failure = t;
            }
            barrier.await(0);
            rethrowFailure();
        }
        return sumRows();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("kernel is closed");
        }
    }

    /** Throws what a thread of the last parallel pass threw, if any (after the pass's final barrier). */
    private void rethrowFailure() {
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException("kernel worker failed: " + f, f);
        }
    }

    /** rowSquares summed in row order. */
    private double sumRows() {
        double s = 0;
        for (double r : rowSquares) {
            s += r;
        }
        return s;
    }

    private void workerLoop(int worker) {
        try {
            while (true) {
                barrier.await(worker);
                if (closed) {
                    return;
                }
                if (stepIsUpdate) {
                    try {
                        updateShare(worker);
                    } catch (Throwable t) {
                        failure = t;
                    }
                    barrier.await(worker);
                    continue;
                }
                try {
                    prepareShare(worker);
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

    /** This worker's rows of W's preparation, then the barrier all threads pass before any partition starts. */
    private void prepareShare(int worker) {
        if (!stepPrepareShared) {
            return;
        }
        int chunk = rowShare(PREPARE_ROW_MULTIPLE);
        int from = Math.min(m, worker * chunk);
        try {
            evaluator.prepare(stepWeights, from, Math.min(m, from + chunk));
        } finally {
            barrier.await(worker);
        }
    }

    /** Rows of W per thread in a pass split by rows: m / threads rounded up to a multiple of {@code multiple}. */
    private int rowShare(int multiple) {
        int chunk = (m + threads - 1) / threads;
        return (chunk + multiple - 1) / multiple * multiple;
    }

    private void computePartitions(int worker) {
        for (int p = nextPartition.getAndIncrement(); p < partialLoss.length; p = nextPartition.getAndIncrement()) {
            partialLoss[p] = evaluator.evaluate(worker, stepWeights, bounds[p], bounds[p + 1], stepMargins, partial[p], stepShift);
        }
    }

    /** This worker's rows of the gradient: partition 0 + partition 1 + ... in partition order. */
    private void reduceShare(int worker) {
        int chunk = rowShare(1);
        int from = Math.min(m, worker * chunk);
        int to = Math.min(m, from + chunk);
        if (from < to) {
            reduceRows(from, to);
        }
    }

    /**
     * Gradient rows [from, to) summed over the partitions, and their sums of squares while in cache: by runs of
     * rows of about {@link #REDUCE_RUN_FLOATS}, which the squares then read from L2, not from memory.
     */
    private void reduceRows(int from, int to) {
        int run = Math.max(1, REDUCE_RUN_FLOATS / d);
        for (int j0 = from; j0 < to; j0 += run) {
            int j1 = Math.min(to, j0 + run);
            evaluator.reduce(partial, stepGradient, j0, j1);
            for (int j = j0; j < j1; j++) {
                rowSquares[j] = rowSumOfSquares(stepGradient, j * d, (j + 1) * d);
            }
        }
    }

    /** This worker's rows of an {@link #update}. */
    private void updateShare(int worker) {
        int chunk = rowShare(1);
        int from = Math.min(m, worker * chunk);
        updateRows(from, Math.min(m, from + chunk));
    }

    private void updateRows(int from, int to) {
        for (int j = from; j < to; j++) {
            rowSquares[j] = updateRow(updateMaster, updateCopy, stepGradient, updateRate, j * d, (j + 1) * d);
        }
    }

    /**
     * master[k] -= rate gradient[k] and copy[k] = (float) master[k] for k in [from, to); returns the new values'
     * sum of squares in the order of {@link TwoLayerNetwork#rowSumOfSquares}.
     */
    static double updateRow(double[] master, float[] copy, float[] gradient, double rate, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = from;
        for (; k + 4 <= to; k += 4) {
            double w0 = master[k] - rate * gradient[k];
            double w1 = master[k + 1] - rate * gradient[k + 1];
            double w2 = master[k + 2] - rate * gradient[k + 2];
            double w3 = master[k + 3] - rate * gradient[k + 3];
            master[k] = w0;
            master[k + 1] = w1;
            master[k + 2] = w2;
            master[k + 3] = w3;
            copy[k] = (float) w0;
            copy[k + 1] = (float) w1;
            copy[k + 2] = (float) w2;
            copy[k + 3] = (float) w3;
            s0 += w0 * w0;
            s1 += w1 * w1;
            s2 += w2 * w2;
            s3 += w3 * w3;
        }
        for (; k < to; k++) {
            double w = master[k] - rate * gradient[k];
            master[k] = w;
            copy[k] = (float) w;
            s0 += w * w;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@link TwoLayerNetwork#rowSumOfSquares} of float values, each squared in double. */
    static double rowSumOfSquares(float[] a, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = from;
        for (; k + 4 <= to; k += 4) {
            s0 += (double) a[k] * a[k];
            s1 += (double) a[k + 1] * a[k + 1];
            s2 += (double) a[k + 2] * a[k + 2];
            s3 += (double) a[k + 3] * a[k + 3];
        }
        for (; k < to; k++) {
            s0 += (double) a[k] * a[k];
        }
        return (s0 + s1) + (s2 + s3);
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
