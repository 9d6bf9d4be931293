package org.bigstep.io;

import org.bigstep.data.Dataset;

/** A binary {@link Dataset} (e.g. read from CSV) seen as a source: class 0 is label -1, class 1 is label +1. */
public final class DatasetSource implements LabeledSource {

    private final Dataset data;
    private final String format;
    private final int[] classes;

    public DatasetSource(Dataset data, String format) {
        this.data = data;
        this.format = format;
        this.classes = new int[data.size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = data.label(i) > 0 ? 1 : 0;
        }
    }

    public Dataset dataset() {
        return data;
    }

    @Override
    public String name() {
        return data.name();
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public int dimension() {
        return data.dimension();
    }

    @Override
    public int[] classes() {
        return classes;
    }

    @Override
    public ClassNames classNames() {
        return ClassNames.NUMBERS;
    }

    @Override
    public boolean pixels() {
        return false;
    }

    /**
     * {@inheritDoc} Asked for every sample in order, it hands over the dataset's own array rather than a copy
     * (the data is held once; the caller may preprocess it in place, so do not use the dataset afterwards).
     */
    @Override
    public float[] rows(int[] indices) {
        int d = data.dimension();
        if (isIdentity(indices, data.size())) {
            return data.features();
        }
        float[] x = data.features();
        float[] out = new float[Math.multiplyExact(indices.length, d)];
        LabeledSource.sortedWithPositions(indices, data.size());
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(x, indices[r] * d, out, r * d, d);
        }
        return out;
    }

    private static boolean isIdentity(int[] indices, int n) {
        if (indices.length != n) {
            return false;
        }
        for (int r = 0; r < n; r++) {
            if (indices[r] != r) {
                return false;
            }
        }
        return true;
    }
}
