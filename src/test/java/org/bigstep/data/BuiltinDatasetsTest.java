package org.bigstep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuiltinDatasetsTest {

    @Test
    void xor() {
        Dataset ds = BuiltinDatasets.create("xor");
        assertEquals(4, ds.size());
        assertEquals(2, ds.dimension());
        assertArrayEquals(new float[] {-1, -1, 1, 1, 1, -1, -1, 1}, ds.features());
        assertArrayEquals(new float[] {1, 1, -1, -1}, ds.labels());
        for (int i = 0; i < 4; i++) {
            assertEquals(ds.label(i), ds.feature(i, 0) * ds.feature(i, 1), "xor label is x0 * x1");
        }
    }

    @Test
    void fig4() {
        Dataset ds = BuiltinDatasets.create("fig4");
        assertEquals(5, ds.size());
        assertEquals(3, ds.dimension());
        assertArrayEquals(new float[] {0.05f, 1, 2, 0.05f, -2, 1, -1, 0, 2, 0.05f, -2, -2, 0.05f, 1, -2}, ds.features());
        assertArrayEquals(new float[] {1, 1, -1, 1, 1}, ds.labels());
        // max-margin direction (1,0,0) with margin 0.05 (in float32: 0.05f)
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 5; i++) {
            min = Math.min(min, ds.label(i) * ds.feature(i, 0));
        }
        assertEquals(0.05f, min, 0.0);
    }

    @Test
    void twoPoint() {
        Dataset ds = BuiltinDatasets.create("twopoint:gamma=0.05");
        double r = Math.sqrt(1 - 0.0025);
        assertArrayEquals(new float[] {0.05f, (float) r, 0.05f, (float) (-r / 2)}, ds.features());
        assertArrayEquals(new float[] {1, 1}, ds.labels());
        assertEquals(ds, BuiltinDatasets.create("twopoint"), "default gamma is 0.05");
        assertEquals(1.0, ds.radius(), 1e-7);
    }

    /** The generator's label direction, re-derived: the first d Gaussians of Random(seed), normalised. */
    private static double[] labelDirection(long seed, int d) {
        Random r = new Random(seed);
        double[] u = new double[d];
        double s = 0;
        for (int k = 0; k < d; k++) {
            u[k] = r.nextGaussian();
            s += u[k] * u[k];
        }
        for (int k = 0; k < d; k++) {
            u[k] /= Math.sqrt(s);
        }
        return u;
    }

    @ParameterizedTest
    @CsvSource({"50,5,1,0.1", "200,2,7,0.3", "1,1,3,0.5", "37,3,0,0", "500,20,42,0.02"})
    void separableHasExactlyNUnitRowsAtTheMarginFromTheLabelHyperplane(int n, int d, long seed, double margin) {
        Dataset ds = BuiltinDatasets.create("separable:n=" + n + ",d=" + d + ",seed=" + seed + ",margin=" + margin);
        assertEquals(n, ds.size());
        assertEquals(d, ds.dimension());
        double[] u = labelDirection(seed, d);
        for (int i = 0; i < n; i++) {
            double norm = 0;
            double p = 0;
            for (int k = 0; k < d; k++) {
                norm += (double) ds.feature(i, k) * ds.feature(i, k);
                p += u[k] * ds.feature(i, k);
            }
            assertEquals(1.0, Math.sqrt(norm), 1e-6, "row " + i + " norm");
            // float32 storage moves the point by at most ~1e-7 per coordinate
            assertTrue(ds.label(i) * p >= margin - 1e-6, "row " + i + ": signed distance " + ds.label(i) * p + " < margin " + margin);
            assertTrue(p != 0);
        }
    }

    @Test
    void separableIsLinearlySeparableByAPerceptron() {
        // independent of the generator's internals: the perceptron converges on separable data
        Dataset ds = BuiltinDatasets.create("separable:n=300,d=4,seed=5,margin=0.1");
        int d = ds.dimension();
        double[] w = new double[d];
        boolean clean = false;
        for (int epoch = 0; epoch < 1000 && !clean; epoch++) {
            clean = true;
            for (int i = 0; i < ds.size(); i++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += w[k] * ds.feature(i, k);
                }
                if (ds.label(i) * s <= 0) {
                    clean = false;
                    for (int k = 0; k < d; k++) {
                        w[k] += ds.label(i) * ds.feature(i, k);
                    }
                }
            }
        }
        assertTrue(clean, "perceptron did not separate the data in 1000 epochs (bound: 1/margin^2 = 100 mistakes)");
        // both classes are present
        float sum = 0;
        for (float y : ds.labels()) {
            sum += y;
        }
        assertTrue(Math.abs(sum) < ds.size(), "only one class");
    }

    @Test
    void separableIsDeterministicInTheSeed() {
        Dataset a = BuiltinDatasets.create("separable:n=100,d=3,seed=9");
        Dataset b = BuiltinDatasets.create("separable:n=100,d=3,seed=9");
        Dataset c = BuiltinDatasets.create("separable:n=100,d=3,seed=10");
        assertArrayEquals(a.features(), b.features());
        assertArrayEquals(a.labels(), b.labels());
        assertEquals(a.contentHash(), b.contentHash());
        assertNotEquals(a.contentHash(), c.contentHash());
        // default margin is 0.1/sqrt(d) and the name carries everything needed to regenerate
        assertEquals(a, BuiltinDatasets.create("separable:n=100,d=3,seed=9,margin=" + 0.1 / Math.sqrt(3)));
        assertEquals(a, BuiltinDatasets.create(a.name()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nope                                     | unknown dataset 'nope'; expected one of xor, fig4, twopoint, separable",
        "xor:n=3                                  | xor takes none",
        "fig4:seed=1                              | fig4 takes none",
        "twopoint:gamma=0.2                       | expected 0 < gamma < 0.1",
        "twopoint:gamma=0                         | expected 0 < gamma < 0.1",
        "twopoint:gamma=abc                       | expected a finite number for gamma",
        "twopoint:gamma=NaN                       | expected a finite number for gamma",
        "twopoint:g=0.05                          | unknown parameter 'g'",
        "separable:n=0,d=2                        | expected n >= 1 and d >= 1",
        "separable:n=10,d=-1                      | expected n >= 1 and d >= 1",
        "separable:n=1.5                          | expected an integer for n",
        "separable:n=10,margin=1                  | expected 0 <= margin < 1",
        "separable:n=10,margin=-0.1               | expected 0 <= margin < 1",
        "separable:n=10,d=50,margin=0.9           | expected a margin well below 1/sqrt(d)",
        "separable:n=10,dim=3                     | unknown parameter 'dim'",
        "separable:n                              | expected key=value",
        "separable:n=100000000,d=100              | write the data to a file instead",
        "separable:n=4611686018427387905,d=4      | write the data to a file instead",
        "separable:n=9223372036854775807,d=9223372036854775807 | write the data to a file instead",
        "separable:n=99999999999999999999         | expected an integer for n",
    })
    void badSpecsAreRejectedClearly(String spec, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BuiltinDatasets.create(spec));
        assertTrue(e.getMessage().contains(expected.trim()), "'" + spec + "' should say '" + expected.trim() + "': " + e.getMessage());
    }

    @Test
    void isBuiltin() {
        assertTrue(BuiltinDatasets.isBuiltin("xor"));
        assertTrue(BuiltinDatasets.isBuiltin("separable:n=3"));
        assertFalse(BuiltinDatasets.isBuiltin("data.csv"));
    }
}
