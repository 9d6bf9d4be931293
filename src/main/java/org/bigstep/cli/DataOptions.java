package org.bigstep.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.io.DataFormat;
import org.bigstep.io.DataLoader;
import org.bigstep.io.DataRequest;
import org.bigstep.io.DatasetSource;
import org.bigstep.io.InputException;
import org.bigstep.io.LoadedData;
import org.bigstep.io.ShippedData;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where the training (and test) data comes from and how it is selected and preprocessed: a file in CSV, IDX
 * or CIFAR-10 binary, a built-in dataset, or the shipped real data.
 */
public final class DataOptions {

    static final class Source {
        @Option(names = "--data", paramLabel = "FILE", arity = "1..*",
                description = "Training data: CSV with a header and a 'label' column (-1/+1 or 0/1); IDX images "
                    + "(MNIST/Fashion-MNIST, raw or .gz, with --labels); or CIFAR-10 binary batches (one or more "
                    + "files, or the cifar-10-batches-bin folder).")
        List<Path> files;

        @Option(names = "--dataset", paramLabel = "NAME[:k=v,...]",
                description = "A built-in dataset: xor, fig4, twopoint[:gamma=G], separable:n=N,d=D,seed=S[,margin=G]; "
                    + "or the shipped real data: fashion-pair (Fashion-MNIST pullover vs coat, 3000 training images, its "
                    + "1000 test images as the held-out set) or fashion-pair-test (the test images alone).")
        String builtin;
    }

    // 0..1 so that 'train --resume' can go without; load() insists on one
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Option(names = "--labels", paramLabel = "FILE", description = "The IDX labels file of the --data images.")
    Path labels;

    @Option(names = "--format", paramLabel = "csv|idx|cifar10",
            description = "The --data format (default: from the name and the first bytes).")
    String format;

    @Option(names = "--classes", paramLabel = "A,B",
            description = "Make a binary task of multi-class data: class A -> +1, class B -> -1, by number or name "
                + "(Fashion-MNIST: t-shirt/top, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag, ankle-boot; "
                + "CIFAR-10: airplane, automobile, bird, cat, deer, dog, frog, horse, ship, truck).")
    String classes;

    @Option(names = "--subset", paramLabel = "N", defaultValue = "0",
            description = "Train on N samples drawn at random (seeded by --data-seed, stratified by label).")
    int subset;

    @Option(names = "--no-stratify", description = "Draw --subset and --test-fraction uniformly instead of per label.")
    boolean noStratify;

    @Option(names = "--test-data", paramLabel = "FILE", arity = "1..*",
            description = "A held-out test set in the --data format; the trace and summary then report test_accuracy.")
    List<Path> testData;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "The IDX labels file of the --test-data images.")
    Path testLabels;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0",
            description = "Hold out this fraction of the data (after --classes) as the test set, seeded and stratified.")
    double testFraction;

    @Option(names = "--test-every", paramLabel = "K",
            description = "Evaluate test_accuracy at steps with step %% K == 0 and the last step (default: --trace-every, "
                + "at least 10); other trace rows show NaN. Accuracy = fraction of test samples with y f(x) > 0.")
    Long testEvery;

    @Option(names = "--data-seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of --subset and --test-fraction draws (default: ${DEFAULT-VALUE}; independent of --seed).")
    long dataSeed;

    @Option(names = "--preprocess", paramLabel = "STEPS",
            description = "none, or a comma list of scale (pixels / 255, other data / max |x|), center, standardize "
                + "(training-set statistics, applied to the test set too), unit-norm (each row to norm 1; the theory "
                + "assumes ||x|| <= 1). Default: scale,unit-norm for IDX and CIFAR-10 images, none for CSV and built-ins.")
    String preprocess;

    /** Loads the training set and any test set; bad input becomes an {@link InputException}. */
    public LoadedData load() {
        if (source == null) {
            throw new InputException("expected the training data: --data FILE or --dataset NAME[:k=v,...]");
        }
        if (source.files == null && (labels != null || format != null)) {
            throw new InputException((labels != null ? "--labels" : "--format") + " goes with --data, not --dataset");
        }
        DataRequest request = new DataRequest(format == null ? null : parseFormat(format),
                source.files == null ? List.of() : source.files, labels, testData, testLabels, classes, subset,
                !noStratify, testFraction, dataSeed, preprocess);
        if (source.files != null) {
            return DataLoader.load(request);
        }
        if (ShippedData.isShipped(source.builtin)) {
            if (!request.testData().isEmpty()) {
                throw new InputException("--test-data goes with --data; --dataset " + source.builtin + " has its own test split");
            }
            return ShippedData.load(source.builtin, request);
        }
        if (!request.testData().isEmpty()) {
            throw new InputException("--test-data goes with --data; use --test-fraction with a built-in dataset");
        }
        try {
            return DataLoader.select(new DatasetSource(BuiltinDatasets.create(source.builtin), "builtin"), null, request);
        } catch (IllegalArgumentException e) {
            throw new InputException("--dataset " + e.getMessage());
        }
    }

    /** Steps at which test accuracy is evaluated. */
    public long testEvery(long traceEvery) {
        if (testEvery != null) {
            if (testEvery < 1) {
                throw new InputException("--test-every: expected at least 1, found " + testEvery);
            }
            return testEvery;
        }
        return Math.max(traceEvery, 10);
    }

    private static DataFormat parseFormat(String text) {
        try {
            return DataFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    /** How the data was named on the command line, for metadata. */
    public String description() {
        return source.files != null ? source.files.stream().map(Path::toString).collect(Collectors.joining(" ")) : source.builtin;
    }
}
