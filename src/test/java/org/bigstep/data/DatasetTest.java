package org.bigstep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DatasetTest {

    private static void assertRejected(String expected, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expected), "message should contain '" + expected + "': " + ex.getMessage());
    }

    @Test
    void validDataIsKeptInPlace() {
        float[] x = {1, 2, 3, 4, 5, 6};
        float[] y = {1, -1, 1};
        Dataset ds = new Dataset("t", x, y, 2);
        assertEquals(3, ds.size());
        assertEquals(2, ds.dimension());
        assertTrue(ds.features() == x && ds.labels() == y, "arrays are taken, not copied");
        assertEquals(4f, ds.feature(1, 1));
        assertEquals(-1f, ds.label(1));
        assertEquals(Math.sqrt(25 + 36), ds.radius(), 1e-12);
        assertEquals("t", ds.name());
    }

    @Test
    void badLabelsAreRejectedNamingTheSample() {
        assertRejected("sample 1: expected label -1 or +1, found 0.0", () -> new Dataset("t", new float[] {1, 2}, new float[] {1, 0}, 1));
        assertRejected("sample 0", () -> new Dataset("t", new float[] {1}, new float[] {Float.NaN}, 1));
        assertRejected("sample 0", () -> new Dataset("t", new float[] {1}, new float[] {2}, 1));
    }

    @Test
    void nonFiniteFeaturesAreRejectedNamingSampleAndFeature() {
        assertRejected("sample 1, feature 0: expected a finite number, found NaN",
                () -> new Dataset("t", new float[] {1, 2, Float.NaN, 4}, new float[] {1, -1}, 2));
        assertRejected("sample 0, feature 1", () -> new Dataset("t", new float[] {1, Float.POSITIVE_INFINITY}, new float[] {1}, 2));
        assertRejected("feature", () -> Dataset.of("t", new double[][] {{1e39}}, new double[] {1})); // overflows float
    }

    @Test
    void sizeMismatchesAreRejected() {
        assertRejected("expected n*d = 2*2 = 4 features, found 3", () -> new Dataset("t", new float[3], new float[] {1, 1}, 2));
        assertRejected("expected d >= 1", () -> new Dataset("t", new float[0], new float[] {1}, 0));
        assertRejected("at least one sample", () -> new Dataset("t", new float[0], new float[0], 3));
        assertRejected("2 rows but 1 labels", () -> Dataset.of("t", new double[][] {{1}, {2}}, new double[] {1}));
        assertRejected("row 1 has 1 values, expected 2", () -> Dataset.of("t", new double[][] {{1, 2}, {3}}, new double[] {1, 1}));
        assertRejected("at least one sample", () -> Dataset.of("t", new double[0][], new double[0]));
    }

    @Test
    void selectEqualityAndHash() {
        Dataset ds = Dataset.of("t", new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {1, -1, 1});
        Dataset s = ds.select("s", new int[] {2, 0});
        assertArrayEquals(new float[] {5, 6, 1, 2}, s.features());
        assertArrayEquals(new float[] {1, 1}, s.labels());
        Dataset same = Dataset.of("other name", new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {1, -1, 1});
        assertEquals(ds, same);
        assertEquals(ds.contentHash(), same.contentHash());
        assertNotEquals(ds.contentHash(), ds.select("p", new int[] {0, 2, 1}).contentHash());
        assertNotEquals(ds.contentHash(), Dataset.of("t", new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {1, 1, 1}).contentHash());
        // same values, different shape
        assertNotEquals(Dataset.of("a", new double[][] {{1, 2}}, new double[] {1}).contentHash(),
                Dataset.of("b", new double[][] {{1}, {2}}, new double[] {1, 1}).contentHash());
    }
}
