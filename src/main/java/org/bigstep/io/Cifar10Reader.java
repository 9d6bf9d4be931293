package org.bigstep.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CIFAR-10 binary batches ({@code data_batch_N.bin}, {@code test_batch.bin}): records of 1 label byte (0..9)
 * and 3072 pixel bytes (1024 red, 1024 green, 1024 blue, row-major 32 x 32), no header. One file, several
 * (concatenated in the order given), or the {@code cifar-10-batches-bin} folder.
 *
 * <p>{@link #open} streams the files once for the labels; {@link LabeledSource#rows} streams them again and
 * converts only the selected records, so a 50000-image set costs no more memory than the pair chosen from it.
 */
public final class Cifar10Reader {

    public static final int PIXELS = 3072;
    public static final int RECORD = 1 + PIXELS;
    public static final int CLASSES = 10;

    private Cifar10Reader() {
    }

    /**
     * Expands a folder to its batches: {@code data_batch_*.bin} for training, or {@code test_batch.bin} when
     * {@code test} is set; files are kept as given.
     */
    public static List<DataFile> expand(List<Path> paths, boolean test) {
        List<DataFile> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                files.add(DataFile.of(p));
                continue;
            }
            List<Path> batches;
            try (Stream<Path> list = Files.list(p)) {
                batches = list.filter(f -> {
                    String name = f.getFileName().toString();
                    return test ? name.equals("test_batch.bin") : name.startsWith("data_batch_") && name.endsWith(".bin");
                }).sorted().collect(Collectors.toList());
            } catch (IOException e) {
                throw DataFile.error(p.toString(), null, "cannot list the folder: " + e.getMessage());
            }
            if (batches.isEmpty()) {
                throw DataFile.error(p.toString(), null, "expected a CIFAR-10 binary folder with "
                        + (test ? "test_batch.bin" : "data_batch_1.bin ... data_batch_5.bin") + ", found none");
            }
            batches.forEach(b -> files.add(DataFile.of(b)));
        }
        return files;
    }

    /** @throws InputException on an empty or truncated file or a label outside 0..9 */
    public static LabeledSource open(List<DataFile> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("cifar10: expected at least one file");
        }
        int[] counts = new int[files.size()];
        int total = 0;
        int[] classes = new int[1024];
        byte[] pixels = new byte[PIXELS];
        for (int f = 0; f < files.size(); f++) {
            DataFile file = files.get(f);
            try (InputStream in = file.open()) {
                int r = 0;
                for (int label; (label = in.read()) >= 0; r++) {
                    if (label >= CLASSES) {
                        throw DataFile.error(file.name(), "record " + r + " (byte " + (long) r * RECORD + ")",
                                "expected a label byte 0..9, found " + label + "; is this a CIFAR-10 binary batch?");
                    }
                    int got = in.readNBytes(pixels, 0, PIXELS);
                    if (got < PIXELS) {
                        throw DataFile.error(file.name(), "record " + r + " (byte " + (long) r * RECORD + ")",
                                "truncated: expected " + RECORD + "-byte records (1 label + 3072 pixels), the last has " + (1 + got));
                    }
                    if (total == classes.length) {
                        classes = java.util.Arrays.copyOf(classes, classes.length * 2);
                    }
                    classes[total++] = label;
                }
                if (r == 0) {
                    throw DataFile.error(file.name(), "byte 0", "empty file: expected " + RECORD + "-byte CIFAR-10 records");
                }
                counts[f] = r;
            } catch (IOException e) {
                throw DataFile.error(file.name(), null, "read failed: " + e.getMessage());
            }
        }
        return new Source(List.copyOf(files), counts, java.util.Arrays.copyOf(classes, total));
    }

    private static final class Source implements LabeledSource {
        private final List<DataFile> files;
        private final int[] counts;
        private final int[] classes;

        Source(List<DataFile> files, int[] counts, int[] classes) {
            this.files = files;
            this.counts = counts;
            this.classes = classes;
        }

        @Override
        public String name() {
            return files.size() == 1 ? files.get(0).name()
                    : files.stream().map(DataFile::fileName).collect(Collectors.joining("+"));
        }

        @Override
        public String format() {
            return "cifar10";
        }

        @Override
        public int size() {
            return classes.length;
        }

        @Override
        public int dimension() {
            return PIXELS;
        }

        @Override
        public int[] classes() {
            return classes;
        }

        @Override
        public ClassNames classNames() {
            return ClassNames.CIFAR10;
        }

        @Override
        public boolean pixels() {
            return true;
        }

        @Override
        public float[] rows(int[] indices) {
            long[] wanted = LabeledSource.sortedWithPositions(indices, classes.length);
            float[] out = new float[Math.multiplyExact(indices.length, PIXELS)];
            byte[] record = new byte[RECORD];
            int next = 0;
            int first = 0;
            for (int f = 0; f < files.size() && next < wanted.length; f++) {
                DataFile file = files.get(f);
                try (InputStream in = file.open()) {
                    for (int r = 0; r < counts[f] && next < wanted.length; r++) {
                        if (in.readNBytes(record, 0, RECORD) < RECORD) {
                            throw DataFile.error(file.name(), "record " + r, "truncated since it was first read");
                        }
                        if ((int) (wanted[next] >>> 32) == first + r) {
                            int base = (int) wanted[next] * PIXELS;
                            for (int k = 0; k < PIXELS; k++) {
                                out[base + k] = record[1 + k] & 0xff;
                            }
                            next++;
                        }
                    }
                } catch (IOException e) {
                    throw DataFile.error(file.name(), null, "read failed: " + e.getMessage());
                }
                first += counts[f];
            }
            return out;
        }

        @Override
        public String toString() {
            return "cifar10[" + name() + ", n=" + classes.length + "]";
        }
    }
}
