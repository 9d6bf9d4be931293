package org.bigstep.io;

import java.nio.file.Path;
import java.util.Arrays;
import org.bigstep.data.Heap;

/** A growable float32 array for streaming readers: no boxing, one trim at the end. */
final class FloatBuffer {

    private float[] values;
    private int size;
    private final Path file;

    FloatBuffer(int initialCapacity) {
        this(initialCapacity, null);
    }

    /** @param file named in the error when the heap cannot hold the data */
    FloatBuffer(int initialCapacity, Path file) {
        values = new float[Math.max(16, initialCapacity)];
        this.file = file;
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
        try {
            // the copy needs the new array while the old one is alive: refuse before an OutOfMemoryError
            Heap.require(4 * next, "reading " + size + "+ values");
        } catch (IllegalArgumentException e) {
            throw file != null ? new InputException(file, "value " + size, e.getMessage()) : new InputException(e.getMessage());
        }
        values = Arrays.copyOf(values, (int) next);
    }

    /** The values, trimmed to size (no copy when already exact). */
    float[] toArray() {
        return size == values.length ? values : Arrays.copyOf(values, size);
    }
}
