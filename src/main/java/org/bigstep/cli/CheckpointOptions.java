package org.bigstep.cli;

import java.nio.file.Path;
import org.bigstep.io.InputException;
import picocli.CommandLine.Option;

/** Checkpointing a run, and resuming one. */
public final class CheckpointOptions {

    public static final long DEFAULT_EVERY = 1000;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Save the complete state of the run here (atomically) every --checkpoint-every steps, and on divergence.")
    Path checkpoint;

    @Option(names = "--checkpoint-every", paramLabel = "K",
            description = "Steps between checkpoints (default " + DEFAULT_EVERY + "); a checkpoint at step t is taken before step t is evaluated.")
    Long every;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the run saved in this checkpoint, writing the same files; takes no other option but --threads.")
    Path resume;

    public void validate() {
        if (every != null && checkpoint == null) {
            throw new InputException("--checkpoint-every needs --checkpoint FILE");
        }
        if (every != null && every < 1) {
            throw new InputException("--checkpoint-every: expected at least 1, found " + every);
        }
        if (checkpoint != null) {
            OutputOptions.checkTarget("--checkpoint", checkpoint);
        }
    }

    public long every() {
        return every == null ? DEFAULT_EVERY : every;
    }
}
