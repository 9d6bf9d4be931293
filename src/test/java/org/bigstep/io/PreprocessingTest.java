package org.bigstep.io;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PreprocessingTest {

    @Test
    void parsesInAnyOrderAndPrintsCanonically() {
        assertEquals("scale,unit-norm", Preprocessing.parse("unit-norm, scale").toString());
        assertEquals("standardize", Preprocessing.parse("center,standardize").toString());
        assertEquals("none", Preprocessing.parse("none").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.parse("scale,whiten"));
        assertTrue(e.getMessage().contains("unknown step 'whiten'"), e.getMessage());
    }

    @Test
    void scalePixelsBy255AndOtherDataByTrainingMaxAbs() {
        float[] px = {0, 51, 255, 102};
        Preprocessing.parse("scale").apply(px, null, 2, true);
        assertArrayEquals(new float[] {0, 0.2f, 1, 0.4f}, px, 1e-7f);
        float[] train = {-4, 2};
        float[] test = {8, 1};
        Preprocessing.parse("scale").apply(train, test, 1, false);
        assertArrayEquals(new float[] {-1, 0.5f}, train);
        assertArrayEquals(new float[] {2, 0.25f}, test, "the test set uses the training maximum");
    }

    @Test
    void centerAndStandardizeUseTrainingStatisticsOnly() {
        // feature 0: 1, 3, 5 (mean 3, sd sqrt(8/3)); feature 1 constant 7
        float[] train = {1, 7, 3, 7, 5, 7};
        float[] test = {3, 8};
        Preprocessing.parse("standardize").apply(train, test, 2, false);
        double sd = Math.sqrt(8.0 / 3);
        assertArrayEquals(new float[] {(float) (-2 / sd), 0, 0, 0, (float) (2 / sd), 0}, train, 1e-6f);
        assertArrayEquals(new float[] {0, 1}, test, 1e-6f, "constant feature: centered, not divided");

        float[] t2 = {1, 7, 3, 7, 5, 7};
        float[] s2 = {10, 0};
        Preprocessing.parse("center").apply(t2, s2, 2, false);
        assertArrayEquals(new float[] {-2, 0, 0, 0, 2, 0}, t2);
        assertArrayEquals(new float[] {7, -7}, s2);
    }

    @Test
    void unitNormMakesEveryNonZeroRowNormOne() {
        float[] x = {3, 4, 0, 0, 255, 255};
        Preprocessing.parse("scale,unit-norm").apply(x, null, 2, true);
        assertArrayEquals(new float[] {0.6f, 0.8f, 0, 0, (float) Math.sqrt(0.5), (float) Math.sqrt(0.5)}, x, 1e-6f);
    }

    @Test
    void stepsRunInCanonicalOrder() {
        // unit-norm after centering: the centered rows get norm 1
        float[] x = {1, 1, 3, 1};
        Preprocessing.parse("unit-norm,center").apply(x, null, 2, false);
        assertArrayEquals(new float[] {-1, 0, 1, 0}, x);
    }
}
