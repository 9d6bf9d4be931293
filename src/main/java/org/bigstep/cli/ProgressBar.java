package org.bigstep.cli;

import java.io.PrintStream;
import org.bigstep.margin.StepRecord;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.StepListener;
import org.bigstep.training.TrainingResult;

/**
 * A one-line progress bar with ETA on stderr, only when it is a terminal (the launcher tells) and only
 * once a run has lasted a second.
 */
final class ProgressBar implements StepListener, AutoCloseable {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long first;
    private final long last;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    private ProgressBar(PrintStream out, long first, long last) {
        this.out = out;
        this.first = first;
        this.last = last;
    }

    /** A bar on stderr when the launcher says it is a terminal (-Dbigstep.progress=true), else null. */
    static ProgressBar open(long first, long last) {
        if (!Boolean.getBoolean("bigstep.progress")) {
            return null;
        }
        return new ProgressBar(System.err, first, last);
    }

    @Override
    public void onStep(StepRecord r, TwoLayerNetwork network) {
        long now = System.nanoTime();
        if (now - start < SHOW_AFTER_NANOS || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        draw(r.step(), r.loss(), now);
    }

    private void draw(long step, double loss, long now) {
        double done = last > first ? (double) (step - first) / (last - first) : 1;
        out.print(render(done, start, now, String.format("step %d/%d  loss %.3e", step, last, loss)));
        out.flush();
        drawn = true;
    }

    /** "\r[####......]  42% DETAIL  ETA m:ss ", the remaining time extrapolated from the time so far. */
    static String render(double done, long startNanos, long now, String detail) {
        int filled = (int) Math.round(done * WIDTH);
        double elapsed = (now - startNanos) / 1e9;
        double eta = done > 0 ? elapsed * (1 - done) / done : Double.NaN;
        return "\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format("%3.0f%% %s  ETA %s ", 100 * done, detail, clock(eta));
    }

    private static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    @Override
    public void onFinish(TrainingResult result) {
        close();
    }

    @Override
    public void close() {
        if (drawn) {
            out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            out.flush();
            drawn = false;
        }
    }
}
