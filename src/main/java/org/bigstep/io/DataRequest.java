package org.bigstep.io;

import java.nio.file.Path;
import java.util.List;

/**
 * What data to load and how to select and preprocess it (the CLI's data options, engine-independent).
 *
 * @param format        csv, idx or cifar10; null to detect from the name and magic bytes
 * @param data          the training file(s) (empty when the sources are opened elsewhere): one CSV, one IDX images file, or CIFAR-10 batches / their folder
 * @param labels        the IDX labels file (IDX only)
 * @param testData      held-out test file(s) in the same format, or empty
 * @param testLabels    the IDX labels of the test images
 * @param classes       "A,B" (A -> +1, B -> -1), numbers or names; null for data already labelled -1/+1 (or 0/1)
 * @param subset        draw this many training samples; 0 for all
 * @param stratified    draws keep each label's share
 * @param testFraction  hold out this fraction of the data as the test set (0 for none; not with testData)
 * @param seed          the seed of the draws
 * @param preprocess    "none" or a comma list of scale, center, standardize, unit-norm; null for the format's default
 */
public record DataRequest(DataFormat format, List<Path> data, Path labels, List<Path> testData, Path testLabels,
                          String classes, int subset, boolean stratified, double testFraction, long seed,
                          String preprocess) {

    public DataRequest {
        data = List.copyOf(data);
        testData = testData == null ? List.of() : List.copyOf(testData);
        if (subset < 0) {
            throw new InputException("--subset: expected N >= 1, found " + subset);
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new InputException("--test-fraction: expected 0 < F < 1, found " + testFraction);
        }
        if (testFraction > 0 && !testData.isEmpty()) {
            throw new InputException("--test-fraction and --test-data both give a test set; use one");
        }
    }

    /** Just a file, everything else default. */
    public static DataRequest of(Path file) {
        return new DataRequest(null, List.of(file), null, List.of(), null, null, 0, true, 0, 0, null);
    }

    /** Builds a request step by step; unset values are the defaults of {@link #of}. */
    public static final class Builder {
        private DataFormat format;
        private final List<Path> data;
        private Path labels;
        private List<Path> testData = List.of();
        private Path testLabels;
        private String classes;
        private int subset;
        private boolean stratified = true;
        private double testFraction;
        private long seed;
        private String preprocess;

        public Builder(Path... data) {
            this.data = List.of(data);
        }

        public Builder format(DataFormat f) { format = f; return this; }
        public Builder labels(Path p) { labels = p; return this; }
        public Builder testData(Path images, Path labelsOrNull) { testData = List.of(images); testLabels = labelsOrNull; return this; }
        public Builder classes(String c) { classes = c; return this; }
        public Builder subset(int n) { subset = n; return this; }
        public Builder stratified(boolean on) { stratified = on; return this; }
        public Builder testFraction(double f) { testFraction = f; return this; }
        public Builder seed(long s) { seed = s; return this; }
        public Builder preprocess(String p) { preprocess = p; return this; }

        public DataRequest build() {
            return new DataRequest(format, data, labels, testData, testLabels, classes, subset, stratified, testFraction, seed, preprocess);
        }
    }
}
