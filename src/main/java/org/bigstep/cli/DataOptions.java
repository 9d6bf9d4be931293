package org.bigstep.cli;

import java.nio.file.Path;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.data.Dataset;
import org.bigstep.io.CsvDatasetReader;
import org.bigstep.io.InputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where the training data comes from: a file or a built-in dataset. */
public final class DataOptions {

    static final class Source {
        @Option(names = "--data", paramLabel = "FILE", description = "Training data: CSV with a header and a 'label' column (-1/+1 or 0/1).")
        Path file;

        @Option(names = "--dataset", paramLabel = "NAME[:k=v,...]",
                description = "A built-in dataset: xor, fig4, twopoint[:gamma=G], separable:n=N,d=D,seed=S[,margin=G].")
        String builtin;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Loads the training set; bad input becomes an {@link InputException}. */
    public Dataset load() {
        if (source.file != null) {
            return CsvDatasetReader.read(source.file);
        }
        try {
            return BuiltinDatasets.create(source.builtin);
        } catch (IllegalArgumentException e) {
            throw new InputException("--dataset " + e.getMessage());
        }
    }

    /** How the data was named on the command line, for metadata. */
    public String description() {
        return source.file != null ? source.file.toString() : source.builtin;
    }
}
