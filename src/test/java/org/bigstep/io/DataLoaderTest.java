package org.bigstep.io;

import static org.bigstep.io.BinaryFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bigstep.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLoaderTest {

    @TempDir
    Path dir;

    /** 60 images of 2 x 3 pixels; class of image i is i % 3. */
    private DataRequest.Builder idx() throws IOException {
        int[] classes = new int[60];
        for (int i = 0; i < 60; i++) {
            classes[i] = i % 3;
        }
        Path images = write(dir, "train-images-idx3-ubyte.gz", gzip(idxImages(60, 2, 3)));
        Path labels = write(dir, "train-labels-idx1-ubyte.gz", gzip(idxLabels(classes)));
        return new DataRequest.Builder(images).labels(labels);
    }

    @Test
    void rowsFollowTheSelectedSamples() throws IOException {
        LoadedData d = DataLoader.load(idx().classes("2,0").preprocess("none").build());
        Dataset train = d.train();
        assertEquals(40, train.size());
        assertNull(d.test());
        for (int r = 0; r < train.size(); r++) {
            // the r-th kept image in file order: classes 0 and 2 alternate, skipping class 1
            int i = (r / 2) * 3 + (r % 2 == 0 ? 0 : 2);
            assertEquals(i % 3 == 2 ? 1f : -1f, train.label(r));
            for (int k = 0; k < 6; k++) {
                assertEquals(pixel(i, k), train.feature(r, k));
            }
        }
        assertEquals("idx", d.provenance().get("data_format"));
        assertEquals("2(+1) vs 0(-1)", d.provenance().get("classes"));
    }

    @Test
    void imageDefaultIsScaleAndUnitNorm() throws IOException {
        LoadedData d = DataLoader.load(idx().classes("1,2").build());
        assertEquals(1.0, d.train().radius(), 1e-6);
        assertTrue(d.provenance().get("preprocess").startsWith("scale,unit-norm"));
    }

    @Test
    void testFractionAndSubsetAreDisjointDeterministicAndTheTestSetIgnoresTheSubset() throws IOException {
        LoadedData a = DataLoader.load(idx().classes("0,1").testFraction(0.25).subset(10).seed(3).preprocess("none").build());
        LoadedData b = DataLoader.load(idx().classes("0,1").testFraction(0.25).subset(10).seed(3).preprocess("none").build());
        LoadedData c = DataLoader.load(idx().classes("0,1").testFraction(0.25).subset(20).seed(3).preprocess("none").build());
        assertEquals(10, a.train().size());
        assertEquals(10, a.test().size());
        assertEquals(5, SampleSelection.positives(a.test().labels()), "stratified");
        assertEquals(a.train(), b.train());
        assertEquals(a.test(), b.test());
        assertEquals(a.test(), c.test(), "the test split does not depend on --subset");
        // no image is in both: pixel 0 identifies image i (7 i mod 256, distinct for i < 37 ... compare whole rows)
        for (int r = 0; r < a.train().size(); r++) {
            for (int s = 0; s < a.test().size(); s++) {
                assertFalse(rowEquals(a.train(), r, a.test(), s), "train row " + r + " is test row " + s);
            }
        }
    }

    @Test
    void centeringUsesTrainingStatisticsOnTheTestSet() throws IOException {
        LoadedData d = DataLoader.load(idx().classes("0,1").testFraction(0.5).preprocess("center").build());
        double[] mean = new double[6];
        for (int r = 0; r < d.train().size(); r++) {
            for (int k = 0; k < 6; k++) {
                mean[k] += d.train().feature(r, k);
            }
        }
        for (int k = 0; k < 6; k++) {
            assertEquals(0, mean[k] / d.train().size(), 1e-4, "train is centered");
        }
        LoadedData raw = DataLoader.load(idx().classes("0,1").testFraction(0.5).preprocess("none").build());
        double[] rawMean = new double[6];
        for (int r = 0; r < raw.train().size(); r++) {
            for (int k = 0; k < 6; k++) {
                rawMean[k] += raw.train().feature(r, k) / raw.train().size();
            }
        }
        for (int s = 0; s < d.test().size(); s++) {
            for (int k = 0; k < 6; k++) {
                assertEquals(raw.test().feature(s, k) - rawMean[k], d.test().feature(s, k), 1e-3);
            }
        }
    }

    @Test
    void subsetLargerThanTheDataIsAnInputError() throws IOException {
        InputException e = assertThrows(InputException.class, () -> DataLoader.load(idx().classes("0,1").subset(41).build()));
        assertTrue(e.getMessage().contains("--subset 41 is larger than the 40 training samples (0(+1) vs 1(-1))"), e.getMessage());
    }

    @Test
    void idxWithoutLabelsSaysWhichOptionIsMissing() throws IOException {
        DataRequest r = idx().build();
        DataRequest noLabels = new DataRequest(null, r.data(), null, List.of(), null, "0,1", 0, true, 0, 0, null);
        InputException e = assertThrows(InputException.class, () -> DataLoader.load(noLabels));
        assertTrue(e.getMessage().contains("give their labels with --labels FILE"), e.getMessage());
    }

    @Test
    void testDataWithAnotherDimensionIsRefused() throws IOException {
        Path ti = write(dir, "t-images", idxImages(4, 2, 2));
        Path tl = write(dir, "t-labels", idxLabels(0, 1, 0, 1));
        DataRequest r = idx().build();
        DataRequest withTest = new DataRequest(null, r.data(), r.labels(), List.of(ti), tl, "0,1", 0, true, 0, 0, null);
        InputException e = assertThrows(InputException.class, () -> DataLoader.load(withTest));
        assertTrue(e.getMessage().contains("test samples have d=4 features, expected d=6"), e.getMessage());
    }

    @Test
    void csvGoesThroughTheSameSelection() throws IOException {
        StringBuilder csv = new StringBuilder("x0,x1,label\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(',').append(-i).append(',').append(i % 2 == 0 ? "1" : "0").append('\n');
        }
        Path p = dir.resolve("d.csv");
        Files.writeString(p, csv);
        assertEquals(DataFormat.CSV, DataFormat.detect(p));
        LoadedData all = DataLoader.load(DataRequest.of(p));
        assertEquals(20, all.train().size());
        assertEquals(19f, all.train().feature(19, 0), "CSV default preprocessing is none");
        LoadedData split = DataLoader.load(new DataRequest(null, List.of(p), null, List.of(), null, null, 0, true, 0.2, 1, "scale"));
        assertEquals(16, split.train().size());
        assertEquals(4, split.test().size());
        assertTrue(split.train().radius() <= Math.sqrt(2) + 1e-6);
    }

    @Test
    void formatDetectionByMagicAndName() throws IOException {
        assertEquals(DataFormat.IDX, DataFormat.detect(write(dir, "anything", idxImages(1, 1, 1))));
        assertEquals(DataFormat.IDX, DataFormat.detect(write(dir, "gz-anything", gzip(idxLabels(1)))));
        assertEquals(DataFormat.CIFAR10, DataFormat.detect(write(dir, "data_batch_1.bin", cifar(0, 1))));
        assertEquals(DataFormat.CIFAR10, DataFormat.parse("cifar-10"));
        assertThrows(IllegalArgumentException.class, () -> DataFormat.parse("parquet"));
    }

    private static boolean rowEquals(Dataset a, int r, Dataset b, int s) {
        for (int k = 0; k < a.dimension(); k++) {
            if (a.feature(r, k) != b.feature(s, k)) {
                return false;
            }
        }
        return true;
    }
}
