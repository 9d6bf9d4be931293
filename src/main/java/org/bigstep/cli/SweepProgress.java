package org.bigstep.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.bigstep.margin.StepRecord;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.StepListener;
import org.bigstep.training.TrainingResult;

/**
 * The overall progress bar of a sweep on stderr (only when it is a terminal, as the launcher tells): steps
 * done over all runs, runs finished, ETA. Runs report from their own threads; each counts locally and
 * publishes every few hundred steps so the shared counter is not a hot spot.
 */
final class SweepProgress implements AutoCloseable {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final int WIDTH = 30;
    private static final int PUBLISH_EVERY = 256;

    private final PrintStream out;
    private final long totalSteps;
    private final int runs;
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong finishedRuns = new AtomicLong();
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    private SweepProgress(PrintStream out, long totalSteps, int runs) {
        this.out = out;
        this.totalSteps = totalSteps;
        this.runs = runs;
    }

    /** A bar when -Dbigstep.progress=true (the launcher sets it when stderr is a terminal), else null. */
    static SweepProgress open(long totalSteps, int runs) {
        return Boolean.getBoolean("bigstep.progress") ? new SweepProgress(System.err, totalSteps, runs) : null;
    }

    /** A listener for one run (not shared between runs). */
    StepListener listener() {
        return new StepListener() {
            private long pending;

            @Override
            public void onStep(StepRecord record, TwoLayerNetwork network) {
                if (++pending == PUBLISH_EVERY) {
                    steps.addAndGet(pending);
                    pending = 0;
                    maybeDraw();
                }
            }

            @Override
            public void onFinish(TrainingResult result) {
                steps.addAndGet(pending);
                pending = 0;
                finishedRuns.incrementAndGet();
                maybeDraw();
            }
        };
    }

    /** Counts the steps a diverged run will never take. */
    void finished(long skippedSteps) {
        steps.addAndGet(Math.max(0, skippedSteps));
    }

    private synchronized void maybeDraw() {
        long now = System.nanoTime();
        if (now - start < SHOW_AFTER_NANOS || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double done = totalSteps > 0 ? Math.min(1, (double) steps.get() / totalSteps) : 1;
        out.print(ProgressBar.render(done, start, now, String.format(" runs %d/%d", finishedRuns.get(), runs)));
        out.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            out.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            out.flush();
            drawn = false;
        }
    }
}
