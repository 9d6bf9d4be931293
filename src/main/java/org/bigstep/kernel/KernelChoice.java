package org.bigstep.kernel;

import java.util.Locale;

/** Which kernel to run: the fastest available, the scalar reference, or the vector kernel (an error if unavailable). */
public enum KernelChoice {
    AUTO, SCALAR, VECTOR;

    public static KernelChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown kernel '" + text + "'; expected auto, scalar or vector");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
