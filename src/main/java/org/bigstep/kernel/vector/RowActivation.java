package org.bigstep.kernel.vector;

/** phi and phi' of one activation over a run of floats, vectorised at one width. */
interface RowActivation {

    /**
     * value[i] = phi(z[i]) and slope[i] = phi'(z[i]) for i in [from, to); {@code to - from} must be a
     * multiple of the lane count, and the three arrays distinct (value and slope serve as scratch).
     */
    void apply(float[] z, float[] value, float[] slope, int from, int to);
}
