package org.bigstep.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST (raw or gzipped): an images file with magic 0x00000803
 * (unsigned bytes, 3 big-endian int32 dimensions n, rows, cols; 0x00000802, n x d, is accepted too) and a
 * labels file with magic 0x00000801 (n, then n class bytes).
 *
 * <p>{@link #open} reads the headers and the labels; {@link LabeledSource#rows} streams the images once and
 * converts only the selected rows, so memory is the selected float32 rows and nothing else.
 */
public final class IdxReader {

    public static final int LABELS_MAGIC = 0x00000801;
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Unsigned-byte matrices n x d: the same layout without the image shape. */
    public static final int MATRIX_MAGIC = 0x00000802;

    private IdxReader() {
    }

    /** Whether {@code head} starts like an IDX file of unsigned bytes (00 00 08 dims). */
    public static boolean looksLikeIdx(byte[] head) {
        return head.length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 8 && head[3] >= 1 && head[3] <= 3;
    }

    /**
     * @throws InputException on a wrong magic, a truncated header or labels file, or counts that disagree
     */
    public static LabeledSource open(DataFile images, DataFile labels) {
        int[] classes = readLabels(labels);
        Header header = readImagesHeader(images);
        if (header.count != classes.length) {
            throw DataFile.error(images.name(), "byte 4", "image count " + header.count + " does not match the label count "
                    + classes.length + " in " + labels.name() + "; expected the labels file that belongs to these images");
        }
        requireLength(images, header);
        return new Source(images, labels, header, classes);
    }

    /**
     * An uncompressed file must be as long as its header says, checked before the rows are allocated: a
     * damaged header claiming huge images would otherwise cost gigabytes before the truncation shows.
     */
    private static void requireLength(DataFile images, Header header) {
        if (images.path() == null) {
            return;
        }
        byte[] magic;
        try (InputStream raw = images.openRaw()) {
            magic = raw.readNBytes(2);
        } catch (IOException e) {
            throw DataFile.error(images.name(), null, "read failed: " + e.getMessage());
        }
        if (magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return; // gzipped: the length is known only after reading; rows() checks the heap instead
        }
        long expected = header.headerBytes + (long) header.count * header.dimension;
        try {
            long size = java.nio.file.Files.size(images.path());
            if (size < expected) {
                long body = size - header.headerBytes;
                throw DataFile.error(images.name(), "byte " + size, "truncated in image " + body / header.dimension + ": expected "
                        + header.count + " images of " + header.dimension + " bytes, the file ends after "
                        + body % header.dimension + " bytes of this one");
            }
        } catch (IOException e) {
            throw DataFile.error(images.name(), null, "read failed: " + e.getMessage());
        }
    }

    static int[] readLabels(DataFile labels) {
        try (InputStream in = labels.open()) {
            int magic = readInt(in, labels, 0, "the magic number 0x00000801");
            if (magic != LABELS_MAGIC) {
                throw DataFile.error(labels.name(), "byte 0", "expected an IDX labels file (magic 0x00000801), found 0x"
                        + hex(magic) + (magic == IMAGES_MAGIC ? " (an images file: swap --data and --labels?)" : ""));
            }
            int n = readInt(in, labels, 4, "the label count");
            if (n < 0) {
                throw DataFile.error(labels.name(), "byte 4", "expected a label count >= 0, found " + n);
            }
            if (n == 0) {
                throw DataFile.error(labels.name(), "byte 4", "expected at least one label, found a count of 0");
            }
            byte[] bytes = in.readNBytes(n);
            if (bytes.length < n) {
                throw DataFile.error(labels.name(), "byte " + (8 + bytes.length), "truncated: expected " + n
                        + " labels after the 8-byte header, found " + bytes.length);
            }
            if (in.read() >= 0) {
                throw DataFile.error(labels.name(), "byte " + (8 + n), "expected the end of the file after " + n + " labels, found more bytes");
            }
            int[] classes = new int[n];
            for (int i = 0; i < n; i++) {
                classes[i] = bytes[i] & 0xff;
            }
            return classes;
        } catch (IOException e) {
            throw DataFile.error(labels.name(), null, "read failed: " + e.getMessage());
        }
    }

    private static Header readImagesHeader(DataFile images) {
        try (InputStream in = images.open()) {
            return readImagesHeader(in, images);
        } catch (IOException e) {
            throw DataFile.error(images.name(), null, "read failed: " + e.getMessage());
        }
    }

    private static Header readImagesHeader(InputStream in, DataFile images) throws IOException {
        int magic = readInt(in, images, 0, "the magic number 0x00000803");
        if (magic != IMAGES_MAGIC && magic != MATRIX_MAGIC) {
            throw DataFile.error(images.name(), "byte 0", "expected an IDX images file (magic 0x00000803), found 0x"
                    + hex(magic) + (magic == LABELS_MAGIC ? " (a labels file: swap --data and --labels?)" : ""));
        }
        int dims = magic & 0xff;
        int n = readInt(in, images, 4, "the image count");
        long d = 1;
        for (int k = 1; k < dims; k++) {
            int size = readInt(in, images, 4 + 4 * k, "dimension " + k);
            if (size < 1) {
                throw DataFile.error(images.name(), "byte " + (4 + 4 * k), "expected dimension " + k + " >= 1, found " + size);
            }
            d *= size;
        }
        if (n < 1) {
            throw DataFile.error(images.name(), "byte 4", "expected an image count >= 1, found " + n);
        }
        if (d > Integer.MAX_VALUE / 8) {
            throw DataFile.error(images.name(), "byte 8", "an image of " + d + " values is larger than this reader supports");
        }
        return new Header(n, (int) d, 4 + 4 * dims);
    }

    private static int readInt(InputStream in, DataFile file, long offset, String what) throws IOException {
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        int b3 = in.read();
        if ((b0 | b1 | b2 | b3) < 0) {
            throw DataFile.error(file.name(), "byte " + offset, (offset == 0 && b0 < 0 ? "empty file: " : "truncated header: ")
                    + "expected " + what + " (4 bytes, big-endian)");
        }
        return (b0 << 24) | (b1 << 16) | (b2 << 8) | b3;
    }

    private static String hex(int v) {
        return String.format("%08x", v);
    }

    private record Header(int count, int dimension, int headerBytes) {
    }

    private static final class Source implements LabeledSource {
        private final DataFile images;
        private final DataFile labels;
        private final Header header;
        private final int[] classes;

        Source(DataFile images, DataFile labels, Header header, int[] classes) {
            this.images = images;
            this.labels = labels;
            this.header = header;
            this.classes = classes;
        }

        @Override
        public String name() {
            return images.name() + "+" + labels.fileName();
        }

        @Override
        public String format() {
            return "idx";
        }

        @Override
        public int size() {
            return header.count;
        }

        @Override
        public int dimension() {
            return header.dimension;
        }

        @Override
        public int[] classes() {
            return classes;
        }

        @Override
        public ClassNames classNames() {
            // MNIST digits are known by number; Fashion-MNIST names are accepted as aliases for 0..9
            return ClassNames.FASHION_MNIST;
        }

        @Override
        public boolean pixels() {
            return true;
        }

        @Override
        public float[] rows(int[] indices) {
            long[] wanted = LabeledSource.sortedWithPositions(indices, header.count);
            int d = header.dimension;
            // the header's sizes are claims: refuse what no array or heap can hold before allocating
            long values = (long) indices.length * d;
            if (values > Integer.MAX_VALUE - 16) {
                throw DataFile.error(images.name(), "byte 8", indices.length + " images of " + d
                        + " values are more than one Java array holds");
            }
            try {
                org.bigstep.data.Heap.require(4 * values + d, indices.length + " images of " + d + " values");
            } catch (IllegalArgumentException e) {
                throw DataFile.error(images.name(), "byte 8", e.getMessage());
            }
            float[] out = new float[(int) values];
            byte[] record = new byte[d];
            try (InputStream in = images.open()) {
                readImagesHeader(in, images);
                int next = 0;
                for (int i = 0; i < header.count; i++) {
                    int got = in.readNBytes(record, 0, d);
                    if (got < d) {
                        long offset = header.headerBytes + (long) i * d + got;
                        throw DataFile.error(images.name(), "byte " + offset, "truncated in image " + i + ": expected "
                                + header.count + " images of " + d + " bytes, the file ends after " + got + " bytes of this one");
                    }
                    // indices are sorted, so one comparison per record decides whether to keep it
                    while (next < wanted.length && (int) (wanted[next] >>> 32) == i) {
                        int base = (int) wanted[next] * d;
                        for (int k = 0; k < d; k++) {
                            out[base + k] = record[k] & 0xff;
                        }
                        next++;
                    }
                }
                if (in.read() >= 0) {
                    throw DataFile.error(images.name(), "byte " + (header.headerBytes + (long) header.count * d),
                            "expected the end of the file after " + header.count + " images, found more bytes");
                }
            } catch (EOFException e) {
                throw DataFile.error(images.name(), null, "truncated: " + e.getMessage());
            } catch (IOException e) {
                throw DataFile.error(images.name(), null, "read failed: " + e.getMessage());
            }
            return out;
        }

        @Override
        public String toString() {
            return "idx[" + name() + ", n=" + header.count + ", d=" + header.dimension + "]";
        }
    }
}
