package org.bigstep.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes IDX images (0x00000803) and labels (0x00000801), gzipped when the name ends in {@code .gz}
 * (Java's gzip header has no timestamp, so the same bytes in give the same file out). Atomic: a file
 * is either complete or absent (the small files this writes are built in memory).
 */
public final class IdxWriter {

    private IdxWriter() {
    }

    /** @param pixels n * rows * cols unsigned bytes, image-major */
    public static void writeImages(Path file, byte[] pixels, int n, int rows, int cols) throws IOException {
        if ((long) n * rows * cols != pixels.length) {
            throw new IllegalArgumentException("expected n*rows*cols = " + (long) n * rows * cols + " bytes, found " + pixels.length);
        }
        write(file, out -> {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(n);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        });
    }

    public static void writeLabels(Path file, byte[] labels) throws IOException {
        write(file, out -> {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(labels);
        });
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static void write(Path file, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream os = file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(bytes, DataFile.BUFFER) : bytes;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, DataFile.BUFFER))) {
            body.write(out);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }
}
