package org.bigstep.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 *
 * <p>It counts the bytes it has written (rows are ASCII, the metadata is counted in UTF-8) and the step of
 * the last row, so that a checkpoint can record exactly how much of the trace belongs to it and a resumed
 * run can cut the file back to that length ({@link #append}).
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
    private final FileChannel channel;
    private final long every;
    private final long lastStep;
    private final List<Column> extras;
    private final StringBuilder row = new StringBuilder(256);
    private long lastFlush = System.nanoTime();
    private long rowsWritten;
    private long bytesWritten;
    private long lastRowStep = -1;

    /**
     * @param metadata written as {@code # key=value} lines, in map order
     * @param every    write rows with step % every == 0
     * @param lastStep the final step T, always written
     */
    public TraceWriter(Writer out, Map<String, String> metadata, long every, long lastStep, List<Column> extras)
            throws IOException {
        this(out, (FileChannel) null, every, lastStep, extras);
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            write("# " + e.getKey() + "=" + e.getValue().replace('\n', ' ') + "\n");
        }
        write(header() + "\n");
        out.flush();
    }

    private TraceWriter(Writer out, FileChannel channel, long every, long lastStep, List<Column> extras) {
        if (every < 1) {
            throw new IllegalArgumentException("trace: expected every >= 1, found " + every);
        }
        this.out = out;
        this.channel = channel;
        this.every = every;
        this.lastStep = lastStep;
        this.extras = new ArrayList<>(extras);
    }

    /** Creates (or replaces) {@code file} and writes the metadata and header; {@link #sync} can make it durable. */
    public static TraceWriter create(Path file, Map<String, String> metadata, long every, long lastStep, List<Column> extras)
            throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        TraceWriter w = new TraceWriter(writer(ch), ch, every, lastStep, extras);
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            w.write("# " + e.getKey() + "=" + e.getValue().replace('\n', ' ') + "\n");
        }
        w.write(w.header() + "\n");
        w.out.flush();
        return w;
    }

    /**
     * Continues an existing trace: cuts {@code file} back to {@code length} bytes (what a checkpoint
     * recorded; the caller has checked that it ends with the row of {@code lastRowStep}) and appends.
     */
    public static TraceWriter append(Path file, long length, long rows, long lastRowStep, long every, long lastStep,
                                     List<Column> extras) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            ch.truncate(length);
            ch.position(length);
            ch.force(false);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        TraceWriter w = new TraceWriter(writer(ch), ch, every, lastStep, extras);
        w.bytesWritten = length;
        w.rowsWritten = rows;
        w.lastRowStep = lastRowStep;
        return w;
    }

    /**
     * Checks that {@code file} starts with the trace a checkpoint describes: at least {@code length} bytes,
     * and the line ending at byte {@code length} is the row of {@code lastRowStep} (or the header when
     * {@code lastRowStep} is -1).
     *
     * @throws InputException naming the file and what does not match
     */
    public static void checkResumable(Path file, long length, long lastRowStep) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, 0, "the trace of the checkpointed run is missing; it is needed to continue it");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < length) {
                throw new InputException(file, 0, "the trace has " + size + " bytes but the checkpoint covers its first " + length
                        + "; it was changed or replaced since the checkpoint");
            }
            int window = (int) Math.min(length, 1 << 20);
            ByteBuffer buf = ByteBuffer.allocate(window);
            ch.position(length - window);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read the window that ends at the checkpoint's length
            }
            byte[] b = buf.array();
            int end = buf.position();
            if (end == 0 || b[end - 1] != '\n') {
                throw new InputException(file, "byte " + length, "the trace does not end a line where the checkpoint says it does");
            }
            int start = end - 1;
            while (start > 0 && b[start - 1] != '\n') {
                start--;
            }
            String line = new String(b, start, end - 1 - start, StandardCharsets.UTF_8);
            boolean ok = lastRowStep >= 0 ? line.startsWith(lastRowStep + ",") : line.startsWith(BASE_COLUMNS.get(0) + ",");
            if (!ok) {
                throw new InputException(file, "byte " + length, "expected the " + (lastRowStep >= 0 ? "row of step " + lastRowStep : "header")
                        + " to end here (as the checkpoint records), found '" + (line.length() > 40 ? line.substring(0, 40) + "..." : line) + "'");
            }
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read the trace: " + e.getMessage());
        }
    }

    private static Writer writer(FileChannel ch) {
        return new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8), 1 << 16);
    }

    private void write(String text) throws IOException {
        out.write(text);
        bytesWritten += text.getBytes(StandardCharsets.UTF_8).length;
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
            bytesWritten += row.length(); // numbers and commas: one byte per char
            lastRowStep = r.step();
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

    /**
     * Flushes and, for a file opened by {@link #create} or {@link #append}, forces the bytes to the disk:
     * after it, the file on disk holds exactly {@link #bytesWritten} bytes of trace.
     */
    public void sync() throws IOException {
        flush();
        if (channel != null) {
            channel.force(false);
        }
    }

    public long rowsWritten() {
        return rowsWritten;
    }

    /** Bytes written so far, metadata and header included (on disk after {@link #sync}). */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** The step of the last row written, -1 before the first row. */
    public long lastRowStep() {
        return lastRowStep;
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
