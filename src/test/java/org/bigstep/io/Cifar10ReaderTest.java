package org.bigstep.io;

import static org.bigstep.io.BinaryFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {

    @TempDir
    Path dir;

    @Test
    void severalFilesConcatenateInOrder() throws IOException {
        Path a = write(dir, "a.bin", cifar(0, 0, 9, 1));
        Path b = write(dir, "b.bin", cifar(3, 7, 1));
        LabeledSource s = Cifar10Reader.open(Cifar10Reader.expand(List.of(a, b), false));
        assertEquals(5, s.size());
        assertEquals(3072, s.dimension());
        assertArrayEquals(new int[] {0, 9, 1, 7, 1}, s.classes());
        float[] rows = s.rows(new int[] {4, 0, 2});
        for (int k = 0; k < 3072; k += 97) {
            assertEquals(pixel(4, k), rows[k]);
            assertEquals(pixel(0, k), rows[3072 + k]);
            assertEquals(pixel(2, k), rows[2 * 3072 + k]);
        }
    }

    @Test
    void folderMeansTrainingBatchesOrTheTestBatch() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("cifar-10-batches-bin"));
        write(folder, "data_batch_2.bin", cifar(1, 2));
        write(folder, "data_batch_1.bin", cifar(0, 1));
        write(folder, "test_batch.bin", cifar(5, 3, 4));
        write(folder, "batches.meta.txt", "airplane\n".getBytes());
        LabeledSource train = Cifar10Reader.open(Cifar10Reader.expand(List.of(folder), false));
        assertArrayEquals(new int[] {1, 2}, train.classes());
        LabeledSource test = Cifar10Reader.open(Cifar10Reader.expand(List.of(folder), true));
        assertArrayEquals(new int[] {3, 4}, test.classes());
        assertEquals(DataFormat.CIFAR10, DataFormat.detect(folder));
    }

    @Test
    void gzippedBatchReads() throws IOException {
        Path gz = write(dir, "data_batch_1.bin.gz", gzip(cifar(0, 6, 8)));
        LabeledSource s = Cifar10Reader.open(List.of(DataFile.of(gz)));
        assertArrayEquals(new int[] {6, 8}, s.classes());
        assertEquals(pixel(1, 5), s.rows(new int[] {1})[5]);
    }

    @Test
    void truncatedRecordNamesRecordAndOffset() throws IOException {
        byte[] bytes = cifar(0, 1, 2, 3);
        Path p = write(dir, "cut.bin", truncate(bytes, 2 * Cifar10Reader.RECORD + 100));
        InputException e = assertThrows(InputException.class, () -> Cifar10Reader.open(List.of(DataFile.of(p))));
        assertTrue(e.getMessage().contains("cut.bin: record 2 (byte 6146): truncated: expected 3073-byte records"), e.getMessage());
    }

    @Test
    void labelOutsideTheTenClasses() throws IOException {
        byte[] bytes = cifar(0, 1, 2);
        bytes[Cifar10Reader.RECORD] = 10;
        Path p = write(dir, "bad.bin", bytes);
        InputException e = assertThrows(InputException.class, () -> Cifar10Reader.open(List.of(DataFile.of(p))));
        assertTrue(e.getMessage().contains("bad.bin: record 1 (byte 3073): expected a label byte 0..9, found 10"), e.getMessage());
    }

    @Test
    void emptyFileAndEmptyFolder() throws IOException {
        Path p = write(dir, "empty.bin", new byte[0]);
        InputException e = assertThrows(InputException.class, () -> Cifar10Reader.open(List.of(DataFile.of(p))));
        assertTrue(e.getMessage().contains("empty.bin: byte 0: empty file"), e.getMessage());
        Path folder = Files.createDirectory(dir.resolve("nothing"));
        e = assertThrows(InputException.class, () -> Cifar10Reader.expand(List.of(folder), false));
        assertTrue(e.getMessage().contains("expected a CIFAR-10 binary folder with data_batch_1.bin"), e.getMessage());
    }

    @Test
    void classNamesAndNumbersBothWork() {
        assertEquals(0, ClassNames.CIFAR10.parse("airplane", 10));
        assertEquals(1, ClassNames.CIFAR10.parse("Automobile", 10));
        assertEquals(9, ClassNames.CIFAR10.parse("9", 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassNames.CIFAR10.parse("zebra", 10));
        assertTrue(e.getMessage().contains("unknown class 'zebra'; expected a number 0..9 or one of airplane, automobile"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassNames.CIFAR10.parse("10", 10));
        assertEquals(0, ClassNames.FASHION_MNIST.parse("T-shirt/top", 10));
        assertEquals(0, ClassNames.FASHION_MNIST.parse("tshirt", 10));
        assertEquals(6, ClassNames.FASHION_MNIST.parse("shirt", 10));
        assertEquals(9, ClassNames.FASHION_MNIST.parse("ankle boot", 10));
    }
}
