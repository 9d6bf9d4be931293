package org.bigstep.data;

import java.util.Arrays;

/**
 * n samples in R^d with labels in {-1, +1}: features float32 row-major (sample i at {@code i * d}),
 * validated on construction. The arrays are owned by the dataset; {@link #features()} and
 * {@link #labels()} return them without copying so kernels can read them in place; do not modify them.
 */
public final class Dataset {

    private final String name;
    private final int n;
    private final int d;
    private final float[] x;
    private final float[] y;

    /**
     * @param name     what the data is (a file, a built-in spec), written into every output
     * @param features n * d values, row-major; taken, not copied
     * @param labels   n values, each -1 or +1; taken, not copied
     * @throws IllegalArgumentException naming the first bad sample or the sizes that disagree
     */
    public Dataset(String name, float[] features, float[] labels, int d) {
        if (d < 1) {
            throw new IllegalArgumentException("dataset '" + name + "': expected d >= 1, found d=" + d);
        }
        if (labels.length < 1) {
            throw new IllegalArgumentException("dataset '" + name + "': expected at least one sample, found none");
        }
        if ((long) labels.length * d != features.length) {
            throw new IllegalArgumentException("dataset '" + name + "': expected n*d = " + labels.length + "*" + d + " = "
                    + (long) labels.length * d + " features, found " + features.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 1f && labels[i] != -1f) {
                throw new IllegalArgumentException("dataset '" + name + "': sample " + i + ": expected label -1 or +1, found " + labels[i]);
            }
        }
        for (int k = 0; k < features.length; k++) {
            if (!Float.isFinite(features[k])) {
                throw new IllegalArgumentException("dataset '" + name + "': sample " + k / d + ", feature " + k % d
                        + ": expected a finite number, found " + features[k]);
            }
        }
        this.name = name;
        this.n = labels.length;
        this.d = d;
        this.x = features;
        this.y = labels;
    }

    /** Builds a dataset from rows of doubles (converted to float32) and +-1 labels. */
    public static Dataset of(String name, double[][] rows, double[] labels) {
        if (rows.length != labels.length) {
            throw new IllegalArgumentException("dataset '" + name + "': " + rows.length + " rows but " + labels.length + " labels");
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("dataset '" + name + "': expected at least one sample, found none");
        }
        int d = rows[0].length;
        float[] x = new float[rows.length * d];
        float[] y = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("dataset '" + name + "': row " + i + " has " + rows[i].length + " values, expected " + d);
            }
            for (int k = 0; k < d; k++) {
                x[i * d + k] = (float) rows[i][k];
            }
            y[i] = (float) labels[i];
        }
        return new Dataset(name, x, y, d);
    }

    public String name() {
        return name;
    }

    public int size() {
        return n;
    }

    public int dimension() {
        return d;
    }

    /** Row-major n x d features, not a copy. */
    public float[] features() {
        return x;
    }

    /** n labels in {-1, +1}, not a copy. */
    public float[] labels() {
        return y;
    }

    public float feature(int i, int k) {
        return x[i * d + k];
    }

    public float label(int i) {
        return y[i];
    }

    /** max_i ||x_i||, in double: the theory's constants scale with it (it assumes at most 1). */
    public double radius() {
        double max = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                double v = x[i * d + k];
                s += v * v;
            }
            max = Math.max(max, s);
        }
        return Math.sqrt(max);
    }

    /** A 64-bit FNV-1a hash of d, the labels and the feature bits: the data's identity in checkpoints. */
    public long contentHash() {
        long h = 0xcbf29ce484222325L;
        h = mix(h, n);
        h = mix(h, d);
        for (float v : y) {
            h = mix(h, Float.floatToIntBits(v));
        }
        for (float v : x) {
            h = mix(h, Float.floatToIntBits(v));
        }
        return h;
    }

    private static long mix(long h, int v) {
        for (int s = 0; s < 32; s += 8) {
            h ^= (v >>> s) & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A new dataset of the samples at the given indices, in that order. */
    public Dataset select(String newName, int[] indices) {
        float[] nx = new float[indices.length * d];
        float[] ny = new float[indices.length];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(x, indices[r] * d, nx, r * d, d);
            ny[r] = y[indices[r]];
        }
        return new Dataset(newName, nx, ny, d);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", n=" + n + ", d=" + d + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset && ((Dataset) o).d == d && Arrays.equals(((Dataset) o).x, x) && Arrays.equals(((Dataset) o).y, y);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(contentHash());
    }
}
