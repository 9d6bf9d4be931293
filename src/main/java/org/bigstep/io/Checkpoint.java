package org.bigstep.io;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.bigstep.margin.PhaseTracker;

/**
 * The complete state of a training run before step {@code step} is evaluated: W_step, the phase state
 * after steps 0 .. step-1, how much of the trace belongs to steps before {@code step}, and everything
 * needed to run the rest (options, data identity, outputs). Resuming evaluates step {@code step} first,
 * so no trace row is written twice or skipped.
 *
 * <p>Format (version 1), UTF-8 text, one {@code key=value} per line:
 * <pre>
 * bigstep-checkpoint 1
 * # comment lines
 * option.KEY=VALUE          the resolved command-line options (see TrainCommand)
 * run.KEY=VALUE             the run metadata written into the trace header and summary
 * data.hash / data.n / data.d
 * step, diverged_step
 * phase.threshold, phase.last_increase_step, phase.first_below_threshold_step, phase.increases, phase.previous_loss
 * trace.bytes, trace.rows, trace.last_row_step
 * network.width, network.dimension, network.scale, network.signs (a string of + and -)
 * w=H H ... H               m lines, neuron j's d weights as the 16 hex digits of their IEEE-754 bits
 * end=crc32:XXXXXXXX        CRC-32 of every byte before this line
 * </pre>
 * Doubles other than the weights are written with {@link Double#toHexString}, so every value reads back
 * bit for bit. Files are replaced atomically ({@link AtomicFiles}): a reader sees the old or the new one.
 */
public record Checkpoint(Map<String, String> options, Map<String, String> run, long dataHash, int n, int d,
                         long step, long divergedStep, Phases phases, TraceState trace,
                         double scale, double[] signs, double[] weights) {

    public static final String MAGIC = "bigstep-checkpoint";
    public static final int VERSION = 1;
    private static final String END = "end=crc32:";

    /** The phase tracker's state: restore with {@link #tracker()}. */
    public record Phases(double threshold, long lastIncreaseStep, long firstBelowThresholdStep, long increases,
                         double previousLoss) {
        public static Phases of(PhaseTracker t) {
            return new Phases(t.threshold(), t.lastIncreaseStep(), t.firstBelowThresholdStep(), t.increases(), t.previousLoss());
        }

        public PhaseTracker tracker() {
            return PhaseTracker.restore(threshold, lastIncreaseStep, firstBelowThresholdStep, increases, previousLoss);
        }
    }

    /** The trace up to the checkpoint: its length in bytes, its rows, the step of its last row (-1: none). */
    public record TraceState(long bytes, long rows, long lastRowStep) {
        public static final TraceState NONE = new TraceState(0, 0, -1);
    }

    public int width() {
        return signs.length;
    }

    /** Writes the checkpoint atomically: a crash at any moment leaves the previous file or this one. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, this::writeTo);
    }

    void writeTo(OutputStream target) throws IOException {
        CRC32 crc = new CRC32();
        OutputStream out = new CheckedOutputStream(new BufferedOutputStream(target, 1 << 16), crc);
        StringBuilder head = new StringBuilder(4096);
        head.append(MAGIC).append(' ').append(VERSION).append('\n');
        head.append("# The state of a bigstep train run before step ").append(step)
                .append(" is evaluated; continue it with: ./bigstep train --resume FILE\n");
        for (Map.Entry<String, String> e : options.entrySet()) {
            line(head, "option." + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : run.entrySet()) {
            line(head, "run." + e.getKey(), e.getValue());
        }
        line(head, "data.hash", Long.toHexString(dataHash));
        line(head, "data.n", Integer.toString(n));
        line(head, "data.d", Integer.toString(d));
        line(head, "step", Long.toString(step));
        line(head, "diverged_step", Long.toString(divergedStep));
        line(head, "phase.threshold", Double.toHexString(phases.threshold()));
        line(head, "phase.last_increase_step", Long.toString(phases.lastIncreaseStep()));
        line(head, "phase.first_below_threshold_step", Long.toString(phases.firstBelowThresholdStep()));
        line(head, "phase.increases", Long.toString(phases.increases()));
        line(head, "phase.previous_loss", Double.toHexString(phases.previousLoss()));
        line(head, "trace.bytes", Long.toString(trace.bytes()));
        line(head, "trace.rows", Long.toString(trace.rows()));
        line(head, "trace.last_row_step", Long.toString(trace.lastRowStep()));
        int m = signs.length;
        line(head, "network.width", Integer.toString(m));
        line(head, "network.dimension", Integer.toString(d));
        line(head, "network.scale", Double.toHexString(scale));
        StringBuilder s = new StringBuilder(m);
        for (double a : signs) {
            s.append(a > 0 ? '+' : '-');
        }
        line(head, "network.signs", s.toString());
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        byte[] row = new byte[2 + 17 * d + 1];
        row[0] = 'w';
        row[1] = '=';
        for (int j = 0; j < m; j++) {
            int p = 2;
            for (int k = 0; k < d; k++) {
                if (k > 0) {
                    row[p++] = ' ';
                }
                long bits = Double.doubleToRawLongBits(weights[j * d + k]);
                for (int shift = 60; shift >= 0; shift -= 4) {
                    row[p++] = (byte) HEX[(int) (bits >>> shift) & 15];
                }
            }
            row[p++] = '\n';
            out.write(row, 0, p);
        }
        out.flush();
        target.write((END + String.format("%08x", crc.getValue()) + "\n").getBytes(StandardCharsets.US_ASCII));
        target.flush();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void line(StringBuilder sb, String key, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("checkpoint: the value of " + key + " contains a line break");
        }
        sb.append(key).append('=').append(value).append('\n');
    }

    /**
     * Reads and verifies a checkpoint.
     *
     * @throws InputException naming the file and what is wrong (not a checkpoint, truncated, checksum mismatch, a bad value)
     */
    public static Checkpoint read(Path file) {
        CsvDatasetReader.requireReadable(file);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 16) {
                throw new InputException(file, 0, "is " + size + " bytes, larger than any checkpoint bigstep writes");
            }
            // the bytes, then the weights they hold (8 bytes for every 17 characters)
            long need = size + size / 2;
            if (need > org.bigstep.data.Heap.available()) {
                throw new InputException(file, 0, org.bigstep.data.Heap.refusal(need, org.bigstep.data.Heap.available(),
                        "reading this " + size + "-byte checkpoint"));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + CsvDatasetReader.rootMessage(e));
        }
        String magic = MAGIC + " ";
        if (bytes.length < magic.length() || !new String(bytes, 0, magic.length(), StandardCharsets.US_ASCII).equals(magic)) {
            throw new InputException(file, 1, "not a bigstep checkpoint (expected a first line '" + MAGIC + " " + VERSION + "')");
        }
        int endLine = lastLineStart(bytes);
        String last = new String(bytes, endLine, bytes.length - endLine, StandardCharsets.US_ASCII).trim();
        if (!last.startsWith(END)) {
            throw new InputException(file, 0, "truncated or damaged checkpoint: expected a last line '" + END + "...'");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, endLine);
        String expected = String.format("%08x", crc.getValue());
        if (!last.substring(END.length()).equals(expected)) {
            throw new InputException(file, 0, "damaged checkpoint: its CRC-32 is " + expected + " but its last line says "
                    + last.substring(END.length()));
        }
        try {
            return parse(file, new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes, 0, endLine),
                    StandardCharsets.UTF_8), 1 << 16));
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static int lastLineStart(byte[] b) {
        int end = b.length;
        if (end > 0 && b[end - 1] == '\n') {
            end--;
        }
        int i = end;
        while (i > 0 && b[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    private static Checkpoint parse(Path file, BufferedReader in) throws IOException {
        String first = in.readLine();
        if (!(MAGIC + " " + VERSION).equals(first)) {
            throw new InputException(file, 1, "checkpoint format '" + first + "' is not supported; expected '" + MAGIC + " " + VERSION + "'");
        }
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> run = new LinkedHashMap<>();
        Map<String, String> fields = new LinkedHashMap<>();
        Fields f = new Fields(file, fields);
        double[] weights = null;
        int row = 0;
        int m = -1;
        int d = -1;
        long lineNo = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InputException(file, lineNo, "expected key=value, found '" + abbreviate(line) + "'");
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            if (key.equals("w")) {
                if (weights == null) {
                    f.line = lineNo;
                    m = f.positiveInt("network.width");
                    d = f.positiveInt("network.dimension");
                    if ((long) m * d > Integer.MAX_VALUE - 16) {
                        throw new InputException(file, lineNo, "network.width*network.dimension = " + (long) m * d + " is too large");
                    }
                    weights = new double[m * d];
                }
                if (row >= m) {
                    throw new InputException(file, lineNo, "expected " + m + " weight rows (network.width), found more");
                }
                parseRow(file, lineNo, value, weights, row * d, d);
                row++;
                continue;
            }
            if (weights != null) {
                throw new InputException(file, lineNo, "expected only weight rows 'w=' after the first one, found '" + key + "'");
            }
            Map<String, String> target = key.startsWith("option.") ? options : key.startsWith("run.") ? run : fields;
            String name = target == fields ? key : key.substring(key.indexOf('.') + 1);
            if (target.put(name, value) != null) {
                throw new InputException(file, lineNo, "key '" + key + "' appears twice");
            }
        }
        f.line = 0;
        if (weights == null || row != m) {
            throw new InputException(file, 0, "expected " + (m < 0 ? "network.width" : Integer.toString(m)) + " weight rows 'w=', found " + row);
        }
        String signText = f.text("network.signs");
        if (signText.length() != m) {
            throw new InputException(file, 0, "network.signs: expected " + m + " signs, found " + signText.length());
        }
        double[] signs = new double[m];
        for (int j = 0; j < m; j++) {
            char c = signText.charAt(j);
            if (c != '+' && c != '-') {
                throw new InputException(file, 0, "network.signs: expected only '+' and '-', found '" + c + "'");
            }
            signs[j] = c == '+' ? 1 : -1;
        }
        long hash;
        try {
            hash = Long.parseUnsignedLong(f.text("data.hash"), 16);
        } catch (NumberFormatException e) {
            throw new InputException(file, 0, "data.hash: expected a hexadecimal number, found '" + f.text("data.hash") + "'");
        }
        int n = f.positiveInt("data.n");
        if (f.positiveInt("data.d") != d) {
            throw new InputException(file, 0, "data.d is " + f.text("data.d") + " but network.dimension is " + d);
        }
        long step = f.integer("step", 0);
        Phases phases = new Phases(f.decimal("phase.threshold"), f.integer("phase.last_increase_step", -1),
                f.integer("phase.first_below_threshold_step", -1), f.integer("phase.increases", 0), f.decimal("phase.previous_loss"));
        TraceState trace = new TraceState(f.integer("trace.bytes", 0), f.integer("trace.rows", 0), f.integer("trace.last_row_step", -1));
        double scale = f.decimal("network.scale");
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new InputException(file, 0, "network.scale: expected a positive finite number, found " + scale);
        }
        return new Checkpoint(options, run, hash, n, d, step, f.integer("diverged_step", -1), phases, trace, scale, signs, weights);
    }

    private static void parseRow(Path file, long line, String value, double[] w, int offset, int d) {
        if (value.length() != 17 * d - 1) {
            throw new InputException(file, line, "expected " + d + " weights of 16 hex digits separated by spaces");
        }
        for (int k = 0; k < d; k++) {
            int p = 17 * k;
            if (k > 0 && value.charAt(p - 1) != ' ') {
                throw new InputException(file, line, "expected " + d + " weights of 16 hex digits separated by spaces");
            }
            long bits = 0;
            for (int i = 0; i < 16; i++) {
                int digit = Character.digit(value.charAt(p + i), 16);
                if (digit < 0) {
                    throw new InputException(file, line, "weight " + k + ": expected 16 hex digits, found '" + value.substring(p, p + 16) + "'");
                }
                bits = bits << 4 | digit;
            }
            double v = Double.longBitsToDouble(bits);
            if (!Double.isFinite(v)) {
                throw new InputException(file, line, "weight " + k + ": expected a finite number, found " + v);
            }
            w[offset + k] = v;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** Typed access to the scalar fields, with located errors. */
    private static final class Fields {
        final Path file;
        final Map<String, String> map;
        long line;

        Fields(Path file, Map<String, String> map) {
            this.file = file;
            this.map = map;
        }

        String text(String key) {
            String v = map.get(key);
            if (v == null) {
                throw new InputException(file, line, "expected a line '" + key + "=...', found none");
            }
            return v;
        }

        long integer(String key, long min) {
            String v = text(key);
            try {
                long x = Long.parseLong(v);
                if (x < min) {
                    throw new InputException(file, line, key + ": expected at least " + min + ", found " + x);
                }
                return x;
            } catch (NumberFormatException e) {
                throw new InputException(file, line, key + ": expected an integer, found '" + abbreviate(v) + "'");
            }
        }

        int positiveInt(String key) {
            long x = integer(key, 1);
            if (x > Integer.MAX_VALUE) {
                throw new InputException(file, line, key + ": " + x + " is too large");
            }
            return (int) x;
        }

        double decimal(String key) {
            String v = text(key);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new InputException(file, line, key + ": expected a number, found '" + abbreviate(v) + "'");
            }
        }
    }
}
