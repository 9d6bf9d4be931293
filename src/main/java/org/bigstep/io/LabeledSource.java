package org.bigstep.io;

import java.util.Arrays;

/**
 * Labelled samples not yet turned into a {@link org.bigstep.data.Dataset}: integer classes are known up front,
 * feature rows are materialised only for the samples selected, straight into one float32 array.
 */
public interface LabeledSource {

    /** What the data is, for outputs (file names). */
    String name();

    /** "csv", "idx" or "cifar10". */
    String format();

    int size();

    int dimension();

    /** The class of each sample, 0-based; owned by the source, do not modify. */
    int[] classes();

    /** The names the classes may be given by (besides their numbers). */
    ClassNames classNames();

    /** Whether the values are 8-bit pixels in 0..255 (so {@code scale} divides by 255). */
    boolean pixels();

    /**
     * The features of the samples at {@code indices} (distinct, each in 0..size-1), row-major in that order.
     *
     * @throws InputException when the file turns out to be truncated or malformed
     */
    float[] rows(int[] indices);

    /** Checks that {@code indices} are distinct and in range; returns them sorted with their output positions. */
    static long[] sortedWithPositions(int[] indices, int size) {
        long[] packed = new long[indices.length];
        for (int r = 0; r < indices.length; r++) {
            if (indices[r] < 0 || indices[r] >= size) {
                throw new IllegalArgumentException("sample index " + indices[r] + " outside 0.." + (size - 1));
            }
            packed[r] = ((long) indices[r] << 32) | r;
        }
        Arrays.sort(packed);
        for (int r = 1; r < packed.length; r++) {
            if ((packed[r] >>> 32) == (packed[r - 1] >>> 32)) {
                throw new IllegalArgumentException("sample index " + (packed[r] >>> 32) + " selected twice");
            }
        }
        return packed;
    }
}
