package org.bigstep.io;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ShippedDataTest {

    @Test
    void fashionPairLoadsWithItsTestSplitFromTheClassPath() {
        assertTrue(ShippedData.file("train-images-idx3-ubyte.gz").name().startsWith("classpath:"),
                "the build packs data/fashion-pair into the jar");
        LoadedData d = ShippedData.load(ShippedData.FASHION_PAIR, new DataRequest.Builder().build());
        assertEquals(3000, d.train().size());
        assertEquals(784, d.train().dimension());
        assertEquals(1500, SampleSelection.positives(d.train().labels()));
        assertEquals(1000, d.test().size());
        assertEquals(500, SampleSelection.positives(d.test().labels()));
        assertEquals(1.0, d.train().radius(), 1e-6);
        assertEquals("pullover(+1) vs coat(-1)", d.provenance().get("classes"));
    }

    @Test
    void selectionOptionsApplyToShippedData() {
        LoadedData d = ShippedData.load("fashion-pair-test", new DataRequest.Builder().subset(100).seed(1).preprocess("none").build());
        assertEquals(100, d.train().size());
        assertNull(d.test());
        assertEquals(255f, max(d.train().features()), "raw pixels without preprocessing");
    }

    private static float max(float[] v) {
        float m = 0;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
