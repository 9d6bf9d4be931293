package org.bigstep.data;

import java.util.Locale;

/**
 * The heap a process can still use, and a refusal that says how to get more: run-size guards call
 * {@link #require} before allocating, so that an absurd size is a clear error instead of an
 * {@link OutOfMemoryError} half way through.
 */
public final class Heap {

    /** Launchers pass JVM flags through this variable (see ./bigstep). */
    public static final String JAVA_OPTS = "BIGSTEP_JAVA_OPTS";

    private Heap() {
    }

    /** Bytes the JVM can still allocate: the maximum heap minus what is in use now. */
    public static long available() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * @param bytes what {@code what} is about to allocate
     * @throws IllegalArgumentException naming what, the bytes needed, the heap available and the -Xmx to pass
     */
    public static void require(long bytes, String what) {
        long available = available();
        if (bytes > available) {
            // "in use" counts garbage not yet collected (e.g. a parser's strings): ask once for a collection
            System.gc();
            available = available();
        }
        if (bytes > available) {
            throw new IllegalArgumentException(refusal(bytes, available, what));
        }
    }

    /** The message of {@link #require}: needed vs available, and a heap size that would do. */
    public static String refusal(long bytes, long available, String what) {
        long max = Runtime.getRuntime().maxMemory();
        // what is in use now stays in use, plus headroom for the collector
        long want = (max - available) + bytes + bytes / 4 + (64L << 20);
        long gib = (want + (1L << 30) - 1) >> 30;
        return String.format(Locale.ROOT, "%s needs about %s of heap but only %s is available (max heap %s); "
                        + "run with a larger heap, e.g. %s=-Xmx%dg, or make the run smaller",
                what, mib(bytes), mib(available), mib(max), JAVA_OPTS, gib);
    }

    /**
     * The message for a reader that ran out of heap anyway (a parser's per-value objects are hard to
     * estimate before reading): twice the current maximum is the heap to try.
     */
    public static String exhausted(String what) {
        long max = Runtime.getRuntime().maxMemory();
        long gib = Math.max(1, (2 * max + (1L << 30) - 1) >> 30);
        return String.format(Locale.ROOT, "%s ran out of heap (max heap %s); run with a larger heap, e.g. %s=-Xmx%dg",
                what, mib(max), JAVA_OPTS, gib);
    }

    public static String mib(long bytes) {
        if (bytes >= 10L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
