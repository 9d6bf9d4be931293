package org.bigstep.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigstep.margin.StepRecord;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.StepListener;
import org.bigstep.training.TrainingResult;

/**
 * Writes the trace CSV: {@code # key=value} metadata lines, a header, then one row per written step
 * (t % every == 0, the last step, and a non-finite step). Row t holds the values at W_t. Numbers are
 * printed so they read back as the same double. Rows are flushed at least every second and at the end,
 * so a crash loses little.
 */
public final class TraceWriter implements StepListener, AutoCloseable {

    /** The columns every trace has, in order; later columns are extensions. */
    public static final List<String> BASE_COLUMNS = List.of("step", "loss", "min_margin", "normalized_margin",
            "smoothed_margin", "modified_margin", "weight_norm", "grad_norm");

    /** A column beyond the base ones, computed only for the rows that are written. */
    public interface Column {
        String name();

        double value(StepRecord record, TwoLayerNetwork network);
    }

    private static final long FLUSH_NANOS = 1_000_000_000L;

    private final Writer out;
    private final long every;
    private final long lastStep;
    private final List<Column> extras;
    private final StringBuilder row = new StringBuilder(256);
    private long lastFlush = System.nanoTime();
    private long rowsWritten;

    /**
     * @param metadata written as {@code # key=value} lines, in map order
     * @param every    write rows with step % every == 0
     * @param lastStep the final step T, always written
     */
    public TraceWriter(Writer out, Map<String, String> metadata, long every, long lastStep, List<Column> extras)
            throws IOException {
        if (every < 1) {
            throw new IllegalArgumentException("trace: expected every >= 1, found " + every);
        }
        this.out = out;
        this.every = every;
        this.lastStep = lastStep;
        this.extras = new ArrayList<>(extras);
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            out.write("# " + e.getKey() + "=" + e.getValue().replace('\n', ' ') + "\n");
        }
        out.write(header() + "\n");
        out.flush();
    }

    /** The header line for these extras. */
    public String header() {
        List<String> names = new ArrayList<>(BASE_COLUMNS);
        for (Column c : extras) {
            names.add(c.name());
        }
        return String.join(",", names);
    }

    public boolean writes(long step, boolean finite) {
        return step % every == 0 || step == lastStep || !finite;
    }

    @Override
    public void onStep(StepRecord r, TwoLayerNetwork network) {
        if (!writes(r.step(), r.finite())) {
            return;
        }
        row.setLength(0);
        row.append(r.step()).append(',')
                .append(Numbers.format(r.loss())).append(',')
                .append(Numbers.format(r.minMargin())).append(',')
                .append(Numbers.format(r.normalizedMargin())).append(',')
                .append(Numbers.format(r.smoothedMargin())).append(',')
                .append(Numbers.format(r.modifiedMargin())).append(',')
                .append(Numbers.format(r.weightNorm())).append(',')
                .append(Numbers.format(r.gradNorm()));
        for (Column c : extras) {
            row.append(',').append(Numbers.format(c.value(r, network)));
        }
        row.append('\n');
        try {
            out.append(row);
            rowsWritten++;
            long now = System.nanoTime();
            if (now - lastFlush > FLUSH_NANOS) {
                out.flush();
                lastFlush = now;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace: " + e.getMessage(), e);
        }
    }

    /** Pushes buffered rows to the operating system (checkpoints call this before saving state). */
    public void flush() throws IOException {
        out.flush();
        lastFlush = System.nanoTime();
    }

    public long rowsWritten() {
        return rowsWritten;
    }

    @Override
    public void onFinish(TrainingResult result) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
