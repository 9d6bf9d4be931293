package org.bigstep.io;

import java.util.Arrays;

/** A growable float32 array for streaming readers: no boxing, one trim at the end. */
final class FloatBuffer {

    private float[] values;
    private int size;

    FloatBuffer(int initialCapacity) {
        values = new float[Math.max(16, initialCapacity)];
    }

    void add(float v) {
        if (size == values.length) {
            grow(size + 1);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    private void grow(int min) {
        long next = Math.max((long) values.length * 2, min);
        if (next > Integer.MAX_VALUE - 16) {
            throw new InputException("the data has more than " + (Integer.MAX_VALUE - 16) + " values, more than one Java array holds");
        }
        values = Arrays.copyOf(values, (int) next);
    }

    /** The values, trimmed to size (no copy when already exact). */
    float[] toArray() {
        return size == values.length ? values : Arrays.copyOf(values, size);
    }
}
