package org.bigstep.io;

import static org.bigstep.io.BinaryFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private LabeledSource open(byte[] images, byte[] labels) throws IOException {
        return IdxReader.open(DataFile.of(write(dir, "images", images)), DataFile.of(write(dir, "labels", labels)));
    }

    private InputException failure(byte[] images, byte[] labels) {
        return assertThrows(InputException.class, () -> open(images, labels).rows(new int[] {0}));
    }

    @Test
    void readsHeaderLabelsAndSelectedRowsInTheOrderAsked() throws IOException {
        LabeledSource s = open(idxImages(5, 2, 3), idxLabels(3, 1, 4, 1, 5));
        assertEquals(5, s.size());
        assertEquals(6, s.dimension());
        assertArrayEquals(new int[] {3, 1, 4, 1, 5}, s.classes());
        assertTrue(s.pixels());
        float[] rows = s.rows(new int[] {4, 1});
        for (int k = 0; k < 6; k++) {
            assertEquals(pixel(4, k), rows[k]);
            assertEquals(pixel(1, k), rows[6 + k]);
        }
    }

    @Test
    void gzippedFilesReadTheSameAsRaw() throws IOException {
        byte[] images = idxImages(40, 5, 7);
        byte[] labels = idxLabels(new int[40]);
        float[] raw = open(images, labels).rows(new int[] {0, 17, 39});
        LabeledSource gz = IdxReader.open(DataFile.of(write(dir, "i.gz", gzip(images))), DataFile.of(write(dir, "l.gz", gzip(labels))));
        assertArrayEquals(raw, gz.rows(new int[] {0, 17, 39}));
    }

    @Test
    void writerRoundTrips() throws IOException {
        byte[] pixels = new byte[3 * 4];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) (250 + k);
        }
        Path images = dir.resolve("x-images-idx3-ubyte.gz");
        Path labels = dir.resolve("x-labels-idx1-ubyte.gz");
        IdxWriter.writeImages(images, pixels, 3, 2, 2);
        IdxWriter.writeLabels(labels, new byte[] {9, 0, (byte) 200});
        LabeledSource s = IdxReader.open(DataFile.of(images), DataFile.of(labels));
        assertArrayEquals(new int[] {9, 0, 200}, s.classes());
        float[] rows = s.rows(new int[] {0, 1, 2});
        for (int k = 0; k < pixels.length; k++) {
            assertEquals(pixels[k] & 0xff, rows[k]);
        }
    }

    @Test
    void wrongImagesMagicNamesFileOffsetAndExpectation() {
        byte[] images = idxImages(2, 2, 2);
        images[3] = 0x04;
        InputException e = failure(images, idxLabels(0, 1));
        assertTrue(e.getMessage().contains("images: byte 0: expected an IDX images file (magic 0x00000803), found 0x00000804"), e.getMessage());
    }

    @Test
    void swappedFilesAreRecognised() {
        InputException e = failure(idxLabels(0, 1), idxImages(2, 2, 2));
        assertTrue(e.getMessage().contains("labels: byte 0") && e.getMessage().contains("swap --data and --labels"), e.getMessage());
    }

    @Test
    void emptyAndTruncatedHeaders() {
        assertTrue(failure(idxImages(2, 2, 2), new byte[0]).getMessage().contains("labels: byte 0: empty file"));
        assertTrue(failure(truncate(idxImages(2, 2, 2), 9), idxLabels(0, 1)).getMessage().contains("images: byte 8: truncated header"));
    }

    @Test
    void truncatedLabels() {
        InputException e = failure(idxImages(3, 2, 2), truncate(idxLabels(0, 1, 0), 10));
        assertTrue(e.getMessage().contains("labels: byte 10: truncated: expected 3 labels"), e.getMessage());
    }

    @Test
    void truncatedImagesNameTheImageAndOffset() {
        byte[] images = truncate(idxImages(3, 2, 2), 16 + 4 + 4 + 1);
        InputException e = failure(images, idxLabels(0, 1, 0));
        assertTrue(e.getMessage().contains("images: byte 25: truncated in image 2: expected 3 images of 4 bytes"), e.getMessage());
    }

    @Test
    void trailingBytesAreAnError() {
        byte[] images = java.util.Arrays.copyOf(idxImages(2, 2, 2), 16 + 8 + 3);
        InputException e = failure(images, idxLabels(0, 1));
        assertTrue(e.getMessage().contains("images: byte 24: expected the end of the file after 2 images"), e.getMessage());
    }

    @Test
    void countMismatchNamesBothFiles() {
        InputException e = failure(idxImages(3, 2, 2), idxLabels(0, 1));
        assertTrue(e.getMessage().contains("image count 3 does not match the label count 2 in " + dir.resolve("labels")), e.getMessage());
    }

    @Test
    void missingFile() {
        InputException e = assertThrows(InputException.class,
                () -> IdxReader.open(DataFile.of(dir.resolve("nope")), DataFile.of(dir.resolve("nope-labels"))));
        assertTrue(e.getMessage().contains("nope-labels: file not found"), e.getMessage());
    }

    @Test
    void corruptGzipIsAnInputError() throws IOException {
        byte[] gz = gzip(idxImages(50, 4, 4));
        byte[] bad = truncate(gz, gz.length / 2);
        InputException e = failure(bad, idxLabels(new int[50]));
        assertTrue(e.getMessage().startsWith(dir.resolve("images").toString()), e.getMessage());
    }
}
