package org.bigstep.io;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.bigstep.data.Dataset;
import org.junit.jupiter.api.Test;

class SampleSelectionTest {

    /** A number-only source with the given classes (features unused here). */
    private static LabeledSource source(ClassNames names, int... classes) {
        return new LabeledSource() {
            public String name() { return "fixture"; }
            public String format() { return "idx"; }
            public int size() { return classes.length; }
            public int dimension() { return 1; }
            public int[] classes() { return classes; }
            public ClassNames classNames() { return names; }
            public boolean pixels() { return true; }
            public float[] rows(int[] indices) { return new float[indices.length]; }
        };
    }

    private static int[] manyClasses(int n) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = (i * 7 + i / 3) % 10;
        }
        return c;
    }

    @Test
    void classesByNameOrNumberMapToPlusAndMinusOne() {
        LabeledSource s = source(ClassNames.FASHION_MNIST, 2, 4, 0, 4, 2, 9);
        SampleSelection.Labeling l = SampleSelection.labeling(s, "pullover,coat");
        SampleSelection.Part all = SampleSelection.all(s, l);
        assertArrayEquals(new int[] {0, 1, 3, 4}, all.indices());
        assertArrayEquals(new float[] {1, -1, -1, 1}, all.labels());
        assertEquals("pullover(+1) vs coat(-1)", l.description());
    }

    @Test
    void badClassOptionsSayWhatWasExpected() {
        LabeledSource s = source(ClassNames.CIFAR10, 0, 1, 2, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SampleSelection.labeling(s, "cat,zebra"))
                .getMessage().contains("unknown class 'zebra'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SampleSelection.labeling(s, "cat,3"))
                .getMessage().contains("two different classes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SampleSelection.labeling(s, "cat"))
                .getMessage().contains("expected two classes A,B"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SampleSelection.labeling(s, "cat,truck"))
                .getMessage().contains("has no sample of class 9 (truck)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SampleSelection.labeling(s, null))
                .getMessage().contains("4 classes present; choose two with --classes A,B"));
    }

    @Test
    void zeroOneClassesNeedNoOption() {
        SampleSelection.Part all = SampleSelection.all(source(ClassNames.NUMBERS, 1, 0, 0), SampleSelection.labeling(source(ClassNames.NUMBERS, 1, 0, 0), null));
        assertArrayEquals(new float[] {1, -1, -1}, all.labels());
    }

    @Test
    void classesAreRefusedForBinaryData() {
        DatasetSource csv = new DatasetSource(Dataset.of("x.csv", new double[][] {{1}, {2}}, new double[] {1, -1}), "csv");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SampleSelection.labeling(csv, "0,1"))
                .getMessage().contains("--classes needs multi-class data"));
    }

    @Test
    void stratifiedDrawsAreDeterministicInTheSeedAndKeepShares() {
        LabeledSource s = source(ClassNames.NUMBERS, manyClasses(1000));
        SampleSelection.Part all = SampleSelection.all(s, SampleSelection.labeling(s, "3,7"));
        int pos = SampleSelection.positives(all.labels());
        SampleSelection.Part[] a = SampleSelection.draw(all, 50, true, 42);
        SampleSelection.Part[] b = SampleSelection.draw(all, 50, true, 42);
        SampleSelection.Part[] c = SampleSelection.draw(all, 50, true, 43);
        assertArrayEquals(a[1].indices(), b[1].indices());
        assertArrayEquals(a[0].indices(), b[0].indices());
        assertFalse(Arrays.equals(a[1].indices(), c[1].indices()));
        assertEquals(50, a[1].size());
        assertEquals(all.size() - 50, a[0].size());
        long expectedPos = Math.round(50.0 * pos / all.size());
        assertTrue(Math.abs(SampleSelection.positives(a[1].labels()) - expectedPos) <= 1);
        // drawn and rest partition the samples, each in file order
        int[] union = new int[all.size()];
        System.arraycopy(a[0].indices(), 0, union, 0, a[0].size());
        System.arraycopy(a[1].indices(), 0, union, a[0].size(), a[1].size());
        Arrays.sort(union);
        assertArrayEquals(all.indices(), union);
        assertTrue(isSorted(a[1].indices()) && isSorted(a[0].indices()));
    }

    @Test
    void exactSharesWhenTheyDivide() {
        // 3 positive : 1 negative, 40 samples; a draw of 20 takes 15 and 5
        int[] classes = new int[40];
        for (int i = 0; i < 40; i++) {
            classes[i] = i % 4 == 0 ? 1 : 0;
        }
        LabeledSource s = source(ClassNames.NUMBERS, classes);
        SampleSelection.Part all = SampleSelection.all(s, SampleSelection.labeling(s, null));
        for (long seed = 0; seed < 5; seed++) {
            assertEquals(5, SampleSelection.positives(SampleSelection.draw(all, 20, true, seed)[1].labels()));
        }
    }

    @Test
    void uniformDrawsAreDeterministicToo() {
        LabeledSource s = source(ClassNames.NUMBERS, manyClasses(300));
        SampleSelection.Part all = SampleSelection.all(s, SampleSelection.labeling(s, "1,2"));
        assertArrayEquals(SampleSelection.draw(all, 17, false, 5)[1].indices(), SampleSelection.draw(all, 17, false, 5)[1].indices());
        assertEquals(17, SampleSelection.draw(all, 17, false, 5)[1].size());
    }

    private static boolean isSorted(int[] v) {
        for (int i = 1; i < v.length; i++) {
            if (v[i] <= v[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
