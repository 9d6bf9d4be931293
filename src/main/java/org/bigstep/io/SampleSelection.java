package org.bigstep.io;

import java.util.Random;

/**
 * Turns integer classes into a binary task and draws the samples: {@code --classes A,B} (A -> +1, B -> -1),
 * a held-out test fraction, then {@code --subset N} of what remains for training. Draws are seeded and,
 * by default, stratified (each label keeps its share, largest remainder), and the chosen indices are returned
 * in file order so readers stream once.
 */
public final class SampleSelection {

    /** Classes -> labels: +1, -1, or 0 for samples left out. */
    public record Labeling(int positive, int negative, String description) {

        public float label(int cls) {
            return cls == positive ? 1f : cls == negative ? -1f : 0f;
        }
    }

    /** Indices into a source with their +-1 labels, in file order. */
    public record Part(int[] indices, float[] labels) {
        public int size() {
            return indices.length;
        }
    }

    private SampleSelection() {
    }

    /**
     * The labelling for {@code classesOption} ("A,B", numbers or names), or when it is null the data's own:
     * classes 0/1 mean labels -1/+1.
     *
     * @throws IllegalArgumentException for an unknown class, a pair that is not two distinct classes, or
     *                                  multi-class data without --classes
     */
    public static Labeling labeling(LabeledSource source, String classesOption) {
        int[] counts = counts(source);
        if (classesOption == null || classesOption.isBlank()) {
            int present = 0;
            int max = -1;
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0) {
                    present++;
                    max = k;
                }
            }
            if (max <= 1) {
                return new Labeling(1, 0, "labels as given");
            }
            throw new IllegalArgumentException(source.name() + ": " + present + " classes present; choose two with --classes A,B"
                    + (source.classNames().names().isEmpty() ? "" : " (numbers or names: " + String.join(", ", source.classNames().names()) + ")"));
        }
        if (source instanceof DatasetSource) {
            throw new IllegalArgumentException("--classes needs multi-class data (idx, cifar10); the labels of " + source.name()
                    + " are already -1/+1");
        }
        String[] parts = classesOption.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--classes: expected two classes A,B (A -> +1, B -> -1), found '" + classesOption + "'");
        }
        int classCount = Math.max(counts.length, source.classNames().names().size());
        int a = source.classNames().parse(parts[0], classCount);
        int b = source.classNames().parse(parts[1], classCount);
        if (a == b) {
            throw new IllegalArgumentException("--classes: expected two different classes, found " + source.classNames().name(a) + " twice");
        }
        for (int k : new int[] {a, b}) {
            if (k >= counts.length || counts[k] == 0) {
                throw new IllegalArgumentException("--classes: " + source.name() + " has no sample of class " + k
                        + " (" + source.classNames().name(k) + ")");
            }
        }
        return new Labeling(a, b, spelled(source, parts[0], a) + "(+1) vs " + spelled(source, parts[1], b) + "(-1)");
    }

    /** A class as the user gave it: its number, or its canonical name (IDX may be MNIST digits, so no names are invented). */
    private static String spelled(LabeledSource source, String text, int k) {
        return text.trim().chars().allMatch(Character::isDigit) ? Integer.toString(k) : source.classNames().name(k);
    }

    /** All samples the labelling keeps, in file order. */
    public static Part all(LabeledSource source, Labeling labeling) {
        int[] classes = source.classes();
        int n = 0;
        for (int c : classes) {
            if (labeling.label(c) != 0) {
                n++;
            }
        }
        int[] idx = new int[n];
        float[] y = new float[n];
        int r = 0;
        for (int i = 0; i < classes.length; i++) {
            float label = labeling.label(classes[i]);
            if (label != 0) {
                idx[r] = i;
                y[r++] = label;
            }
        }
        return new Part(idx, y);
    }

    /**
     * Splits {@code part} into {@code [rest, drawn]} where drawn has {@code count} samples chosen with
     * {@code seed}; stratified keeps each label's share (largest remainder), otherwise uniform.
     */
    public static Part[] draw(Part part, int count, boolean stratified, long seed) {
        int n = part.size();
        if (count < 0 || count > n) {
            throw new IllegalArgumentException("cannot draw " + count + " of " + n + " samples");
        }
        Random random = new Random(seed);
        boolean[] chosen = new boolean[n];
        if (stratified) {
            int pos = 0;
            for (float y : part.labels()) {
                if (y > 0) {
                    pos++;
                }
            }
            int neg = n - pos;
            // largest remainder: floor shares, the leftover sample to the label with the larger fraction
            long posExact = (long) count * pos;
            int posCount = (int) (posExact / Math.max(n, 1));
            int negCount = (int) ((long) count * neg / Math.max(n, 1));
            if (posCount + negCount < count) {
                long posRem = posExact % Math.max(n, 1);
                long negRem = ((long) count * neg) % Math.max(n, 1);
                if (posRem >= negRem && posCount < pos) {
                    posCount++;
                } else {
                    negCount++;
                }
            }
            pick(part.labels(), 1f, posCount, random, chosen);
            pick(part.labels(), -1f, negCount, random, chosen);
        } else {
            int[] order = shuffled(n, random);
            for (int r = 0; r < count; r++) {
                chosen[order[r]] = true;
            }
        }
        return new Part[] {subset(part, chosen, false), subset(part, chosen, true)};
    }

    /** Marks {@code count} random samples with label {@code label}. */
    private static void pick(float[] labels, float label, int count, Random random, boolean[] chosen) {
        int[] members = new int[labels.length];
        int m = 0;
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] == label) {
                members[m++] = r;
            }
        }
        // partial Fisher-Yates: the first count slots become a uniform random subset
        for (int r = 0; r < count; r++) {
            int s = r + random.nextInt(m - r);
            int t = members[r];
            members[r] = members[s];
            members[s] = t;
            chosen[members[r]] = true;
        }
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int r = 0; r < n; r++) {
            order[r] = r;
        }
        for (int r = n - 1; r > 0; r--) {
            int s = random.nextInt(r + 1);
            int t = order[r];
            order[r] = order[s];
            order[s] = t;
        }
        return order;
    }

    private static Part subset(Part part, boolean[] chosen, boolean want) {
        int n = 0;
        for (boolean c : chosen) {
            if (c == want) {
                n++;
            }
        }
        int[] idx = new int[n];
        float[] y = new float[n];
        int r = 0;
        for (int k = 0; k < chosen.length; k++) {
            if (chosen[k] == want) {
                idx[r] = part.indices()[k];
                y[r++] = part.labels()[k];
            }
        }
        return new Part(idx, y);
    }

    /** Counts per class. */
    static int[] counts(LabeledSource source) {
        int max = -1;
        for (int c : source.classes()) {
            max = Math.max(max, c);
        }
        int[] counts = new int[max + 1];
        for (int c : source.classes()) {
            counts[c]++;
        }
        return counts;
    }

    /** How many labels are +1. */
    static int positives(float[] labels) {
        int n = 0;
        for (float y : labels) {
            if (y > 0) {
                n++;
            }
        }
        return n;
    }
}
