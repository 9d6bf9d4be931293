package org.bigstep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bigstep.io.InputException;
import picocli.CommandLine.Option;

/** What a training run writes. */
public final class OutputOptions {

    @Option(names = "--trace", paramLabel = "FILE", description = "Write the per-step trace CSV here.")
    Path trace;

    @Option(names = "--trace-every", paramLabel = "K", defaultValue = "1",
            description = "Write trace rows with step %% K == 0, and the last step (default: ${DEFAULT-VALUE}).")
    long traceEvery;

    @Option(names = "--summary", paramLabel = "FILE.json", description = "Write the run summary JSON here (atomically, at the end).")
    Path summary;

    @Option(names = "--save-model", paramLabel = "FILE", description = "Write the final signs and weights here (the --init format).")
    Path saveModel;

    /** Checks every output before anything is written, so bad options leave no file behind. */
    public void validate() {
        if (traceEvery < 1) {
            throw new InputException("--trace-every: expected at least 1, found " + traceEvery);
        }
        checkTarget("--trace", trace);
        checkTarget("--summary", summary);
        checkTarget("--save-model", saveModel);
    }

    static void checkTarget(String option, Path p) {
        if (p == null) {
            return;
        }
        if (Files.isDirectory(p)) {
            throw new InputException(option + " " + p + ": is a directory, expected a file name");
        }
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new InputException(option + " " + p + ": " + parent + " is not a directory");
        }
        if (parent != null && Files.isDirectory(parent) && !Files.isWritable(parent)) {
            throw new InputException(option + " " + p + ": cannot write in " + parent);
        }
    }
}
