package org.bigstep.training;

import java.util.Locale;
import org.bigstep.data.Heap;
import org.bigstep.kernel.PartitionedStepKernel;

/**
 * The heap a training run needs, by part, estimated before anything is allocated.
 *
 * @param data        n*d float32 features and n labels
 * @param weights     m*d double master weights, the float32 copy the kernel reads and the float32 gradient
 * @param partitions  the kernel driver's per-partition gradient buffers (all partitions but the first)
 * @param margins     n float32 margins
 * @param scratch     kernel scratch, generously: per thread one float32 gradient (m*d, both rounded up to whole
 *                    vectors), block buffers for up to {@link #BLOCK_ROWS} samples (Z, phi and phi', 3 m floats a
 *                    sample plus a vector's padding, and C, whose groups of 5 neurons are stored up to 8 floats apart:
 *                    at most 2 m; X panels or a padded copy of the block: 2 d) and n doubles; and once, for the
 *                    vector layouts that keep one ({@link #COPY_MAX_M}, {@link #COPY_MAX_D}), a copy of X with
 *                    padded rows, or where AVX-512 makes the forward transposed ({@link #mayTranspose})
 *                    a copy of X^T and of W, X in panels (rows padded by up to 63 floats) where X^T and the panels
 *                    fit a quarter of the heap, and per thread 64 floats per neuron for the forward's tiles
 */
public record MemoryEstimate(long data, long weights, long partitions, long margins, long scratch) {

    /** JVM and library overhead that is there whatever the run (classes, picocli, buffers). */
    public static final long BASE = 32L << 20;
    /** Rows of the vector kernel's largest block buffer (1.5 blocks of at most 256, rounded up to 10). */
    public static final long BLOCK_ROWS = 390;
    /**
     * Up to this width the vector kernel reads X in place, from a copy with rows padded by up to 64 floats when d
     * is not a whole number of its tiles (the vector package's limit, which this package cannot import; a test
     * there checks that the two agree).
     */
    public static final int COPY_MAX_M = 32;
    /** Up to this dimension the vector kernel keeps X by columns, a copy padded by up to 64 samples. */
    public static final int COPY_MAX_D = 8;
    /** From this dimension (and above {@link #COPY_MAX_M}) the vector kernel may copy X^T, padded by 64 samples. */
    public static final int TRANSPOSED_MIN_D = 2048;

    public static MemoryEstimate of(long n, long d, long m, int threads) {
        long md = m * d;
        long parts = PartitionedStepKernel.partitionBounds((int) Math.min(n, Integer.MAX_VALUE)).length - 1;
        return new MemoryEstimate(4 * n * d + 4 * n, md * (8 + 4 + 4), (parts - 1) * md * 4, 4 * n,
                (long) threads * ((m + 16) * (d + 64) * 4 + BLOCK_ROWS * (5 * m + 48 + 2 * d) * 4 + n * 8
                        + (mayTranspose(d, m) ? 64 * (m + 5) * 4 : 0))
                        + copyOfX(n, d, m));
    }

    private static long copyOfX(long n, long d, long m) {
        if (d <= COPY_MAX_D) {
            return 4 * (n + 64) * d;
        }
        if (m <= COPY_MAX_M) {
            return 4 * n * (d + 64);
        }
        if (!mayTranspose(d, m)) {
            return 0;
        }
        long xt = 4 * (n + 64) * (d + 1); // groups of a vector of samples, d + 1 vectors apart, 3 more after the last
        long panels = 4 * (n + 10) * (d + 63);
        // X in panels too, where it fits beside X^T the kernel's bound on its copies: a quarter of the heap
        long packed = xt + panels <= Runtime.getRuntime().maxMemory() / 4 ? panels : 0;
        return xt + packed + 4 * (m + 5) * d; // and W with m rounded up to 5
    }

    /**
     * Whether the vector kernel may copy X^T for d and m: from {@link #TRANSPOSED_MIN_D} on, and from 3/8 of it where
     * strips of 16 neurons would pad m by 15% or more over groups of 5. This mirrors the vector package's rule at its
     * widest vectors, which pad the most, so it is true wherever the rule is at any width (a test there checks it).
     */
    public static boolean mayTranspose(long d, long m) {
        if (m <= COPY_MAX_M) {
            return false;
        }
        return d >= TRANSPOSED_MIN_D
                || d >= TRANSPOSED_MIN_D * 3L / 8 && 20 * roundUp(m, 16) >= 23 * roundUp(m, 5);
    }

    private static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    public long total() {
        return data + weights + partitions + margins + scratch + BASE;
    }

    /** The parts, for a refusal message. */
    public String describe() {
        return String.format(Locale.ROOT, "data %s, weights %s, partition buffers %s, kernel scratch %s",
                Heap.mib(data), Heap.mib(weights + margins), Heap.mib(partitions), Heap.mib(scratch));
    }

    /**
     * Refuses a run that does not fit.
     *
     * @param allocated bytes of this estimate that are already on the heap (the loaded data)
     * @throws IllegalArgumentException with needed vs available heap and the -Xmx to pass
     */
    public void require(long allocated) {
        long more = total() - allocated;
        long available = Heap.available();
        if (more > available) {
            throw new IllegalArgumentException(Heap.refusal(more, available, "this run (" + describe() + ")"));
        }
    }
}
