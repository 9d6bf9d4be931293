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
}
