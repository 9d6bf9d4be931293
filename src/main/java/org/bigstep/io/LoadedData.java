package org.bigstep.io;

import java.util.Map;
import org.bigstep.data.Dataset;

/**
 * The training set, the held-out test set (null when there is none) and how they were made, as
 * {@code key -> value} lines for trace headers and summaries (format, classes, subset, seed, preprocessing).
 */
public record LoadedData(Dataset train, Dataset test, Map<String, String> provenance) {

    public LoadedData {
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
    }

    public boolean hasTest() {
        return test != null;
    }
}
