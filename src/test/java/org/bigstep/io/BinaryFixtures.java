package org.bigstep.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Byte-level IDX and CIFAR-10 files built in the test: pixel k of image i is (7 i + k) mod 256. */
final class BinaryFixtures {

    private BinaryFixtures() {
    }

    static int pixel(int i, int k) {
        return (7 * i + k) & 0xff;
    }

    static byte[] idxImages(int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < rows * cols; k++) {
                b.put((byte) pixel(i, k));
            }
        }
        return b.array();
    }

    static byte[] idxLabels(int... classes) {
        ByteBuffer b = ByteBuffer.allocate(8 + classes.length);
        b.putInt(IdxReader.LABELS_MAGIC).putInt(classes.length);
        for (int c : classes) {
            b.put((byte) c);
        }
        return b.array();
    }

    /** CIFAR-10 records; image i's pixels offset by {@code first} so several files differ. */
    static byte[] cifar(int first, int... classes) {
        ByteBuffer b = ByteBuffer.allocate(classes.length * Cifar10Reader.RECORD);
        for (int r = 0; r < classes.length; r++) {
            b.put((byte) classes[r]);
            for (int k = 0; k < Cifar10Reader.PIXELS; k++) {
                b.put((byte) pixel(first + r, k));
            }
        }
        return b.array();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static byte[] truncate(byte[] bytes, int length) {
        return java.util.Arrays.copyOf(bytes, length);
    }
}
