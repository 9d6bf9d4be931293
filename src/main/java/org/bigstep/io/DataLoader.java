package org.bigstep.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigstep.data.Dataset;

/**
 * Loads a {@link DataRequest}: opens the source(s), chooses the two classes, holds out the test set, draws the
 * training subset, reads only the chosen rows into float32 and preprocesses them with training statistics.
 */
public final class DataLoader {

    /** Seeds of the two draws, derived from the one seed so that the test set does not depend on --subset. */
    private static final long TEST_STREAM = 0x7465737400000000L;
    private static final long SUBSET_STREAM = 0x7375627300000000L;

    private DataLoader() {
    }

    /** @throws InputException for bad files or option values that do not fit the data */
    public static LoadedData load(DataRequest request) {
        if (request.data().isEmpty()) {
            throw new InputException("--data: expected at least one file");
        }
        DataFormat format = request.format() != null ? request.format() : DataFormat.detect(request.data().get(0));
        LabeledSource train = open(format, request.data(), request.labels(), false, "--data", "--labels");
        LabeledSource test = request.testData().isEmpty() ? null
                : open(format, request.testData(), request.testLabels(), true, "--test-data", "--test-labels");
        return select(train, test, request);
    }

    /** Opens files in {@code format}; {@code test} picks test_batch.bin from a CIFAR-10 folder. */
    public static LabeledSource open(DataFormat format, List<Path> files, Path labels, boolean test,
                                     String dataOption, String labelsOption) {
        switch (format) {
            case CSV:
                single(files, dataOption, "a CSV file");
                noLabels(labels, labelsOption, "CSV data has a 'label' column");
                return new DatasetSource(CsvDatasetReader.read(files.get(0)), "csv");
            case IDX:
                single(files, dataOption, "an IDX images file");
                if (labels == null) {
                    throw new InputException(dataOption + " " + files.get(0) + " is IDX images; give their labels with "
                            + labelsOption + " FILE (e.g. train-labels-idx1-ubyte.gz)");
                }
                return IdxReader.open(DataFile.of(files.get(0)), DataFile.of(labels));
            default:
                noLabels(labels, labelsOption, "CIFAR-10 records carry their labels");
                return Cifar10Reader.open(Cifar10Reader.expand(files, test));
        }
    }

    private static void single(List<Path> files, String option, String what) {
        if (files.size() != 1) {
            throw new InputException(option + ": expected " + what + ", found " + files.size() + " files");
        }
    }

    private static void noLabels(Path labels, String option, String why) {
        if (labels != null) {
            throw new InputException(option + " is for IDX images only; " + why);
        }
    }

    /**
     * Selection and preprocessing on open sources; {@code test} may be null (then {@code testFraction} may hold
     * one out). The request's files are not used here.
     */
    public static LoadedData select(LabeledSource train, LabeledSource test, DataRequest request) {
        SampleSelection.Labeling labeling = labeling(train, request.classes());
        SampleSelection.Part all = SampleSelection.all(train, labeling);
        SampleSelection.Part trainPart = all;
        SampleSelection.Part testPart = null;
        LabeledSource testSource = test;
        if (test != null) {
            if (test.dimension() != train.dimension()) {
                throw new InputException(test.name() + ": test samples have d=" + test.dimension() + " features, expected d="
                        + train.dimension() + " as in the training data " + train.name());
            }
            SampleSelection.Labeling testLabeling = labeling(test, request.classes());
            if (testLabeling.positive() != labeling.positive() || testLabeling.negative() != labeling.negative()) {
                throw new InputException(test.name() + ": the test labels do not match the training classes");
            }
            testPart = SampleSelection.all(test, testLabeling);
            if (testPart.size() == 0) {
                throw new InputException(test.name() + ": no test sample of " + labeling.description());
            }
        } else if (request.testFraction() > 0) {
            long count = Math.round(request.testFraction() * all.size());
            if (count < 1 || count > all.size() - 1) {
                throw new InputException("--test-fraction " + request.testFraction() + " of " + all.size()
                        + " samples leaves " + count + " for testing and " + (all.size() - count)
                        + " for training; expected at least one of each");
            }
            SampleSelection.Part[] parts = SampleSelection.draw(all, (int) count, request.stratified(), request.seed() ^ TEST_STREAM);
            trainPart = parts[0];
            testPart = parts[1];
            testSource = train;
        }
        if (request.subset() > 0) {
            if (request.subset() > trainPart.size()) {
                throw new InputException("--subset " + request.subset() + " is larger than the " + trainPart.size()
                        + " training samples (" + labeling.description() + (testPart != null && test == null ? ", after the test split" : "")
                        + ") in " + train.name());
            }
            trainPart = SampleSelection.draw(trainPart, request.subset(), request.stratified(), request.seed() ^ SUBSET_STREAM)[1];
        }
        if (trainPart.size() == 0) {
            throw new InputException(train.name() + ": no training sample of " + labeling.description());
        }

        Preprocessing preprocessing = request.preprocess() == null ? Preprocessing.defaultFor(train)
                : parsePreprocessing(request.preprocess());
        int d = train.dimension();
        float[] trainX = train.rows(trainPart.indices());
        float[] testX = testPart == null ? null : testSource.rows(testPart.indices());
        String fitted = preprocessing.apply(trainX, testX, d, train.pixels());

        String suffix = labeling.positive() == 1 && labeling.negative() == 0 && request.classes() == null ? "" : " [" + labeling.description() + "]";
        Dataset trainSet = new Dataset(train.name() + suffix, trainX, trainPart.labels(), d);
        Dataset testSet = testPart == null ? null : new Dataset(testSource.name() + suffix + " (test)", testX, testPart.labels(), d);

        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("data_format", train.format());
        provenance.put("data_source", train.name());
        provenance.put("classes", labeling.description());
        provenance.put("train_positive", Integer.toString(SampleSelection.positives(trainPart.labels())));
        if (request.subset() > 0) {
            provenance.put("subset", request.subset() + (request.stratified() ? " stratified" : " uniform"));
        }
        if (testPart != null) {
            provenance.put("test_source", test != null ? test.name() : "held out from " + train.name() + " (fraction " + request.testFraction() + ")");
            provenance.put("n_test", Integer.toString(testPart.size()));
            provenance.put("test_positive", Integer.toString(SampleSelection.positives(testPart.labels())));
        }
        if (request.subset() > 0 || (test == null && testPart != null)) {
            provenance.put("data_seed", Long.toString(request.seed()));
        }
        provenance.put("preprocess", preprocessing + (preprocessing.isNone() ? "" : " (" + fitted + ")"));
        return new LoadedData(trainSet, testSet, provenance);
    }

    private static SampleSelection.Labeling labeling(LabeledSource source, String classes) {
        try {
            return SampleSelection.labeling(source, classes);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    private static Preprocessing parsePreprocessing(String text) {
        try {
            return Preprocessing.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }
}
