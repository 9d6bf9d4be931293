package org.bigstep.repro;

import java.io.IOException;

/** One experiment of the paper: runs its trainings, draws its figures, and writes its report section. */
public interface Experiment {

    /** The name on the command line: xor, images, fig4, acceleration. */
    String name();

    /** What the paper shows, one line (the report's section title). */
    String title();

    /** Runs it in {@code context.out()}; the returned section's numbers come from the traces it wrote. */
    Report run(Context context) throws IOException;
}
