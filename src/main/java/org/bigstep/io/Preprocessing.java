package org.bigstep.io;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Feature preprocessing, fitted on the training rows and applied unchanged to the test rows. Steps run in a
 * fixed order whatever order they are written in: {@code scale} (pixels / 255; other data / max |x| of the
 * training set), then {@code center} (subtract the training mean of each feature) or {@code standardize}
 * (center, then divide by the training standard deviation; constant features are only centered), then
 * {@code unit-norm} (each row to Euclidean norm 1, as the theory assumes ||x|| <= 1; zero rows stay zero).
 */
public final class Preprocessing {

    public enum Step {
        SCALE("scale"), CENTER("center"), STANDARDIZE("standardize"), UNIT_NORM("unit-norm");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The default for image formats (idx, cifar10). */
    public static final String IMAGE_DEFAULT = "scale,unit-norm";
    /** The default for CSV and built-in data: the values as given. */
    public static final String NONE = "none";

    private final Set<Step> steps;

    private Preprocessing(Set<Step> steps) {
        this.steps = steps;
    }

    /** "none" or a comma list of scale, center, standardize, unit-norm. */
    public static Preprocessing parse(String text) {
        EnumSet<Step> steps = EnumSet.noneOf(Step.class);
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.equals(NONE) && !t.isEmpty()) {
            for (String part : t.split(",")) {
                Step step = null;
                for (Step s : Step.values()) {
                    if (s.label.equals(part.trim()) || s.label.replace("-", "").equals(part.trim())) {
                        step = s;
                    }
                }
                if (step == null) {
                    throw new IllegalArgumentException("--preprocess: unknown step '" + part.trim()
                            + "'; expected none or a comma list of scale, center, standardize, unit-norm");
                }
                steps.add(step);
            }
        }
        if (steps.contains(Step.STANDARDIZE)) {
            steps.remove(Step.CENTER); // standardize centers first
        }
        return new Preprocessing(steps);
    }

    /** The default for a format: scale,unit-norm for images, none otherwise. */
    public static Preprocessing defaultFor(LabeledSource source) {
        return parse(source.pixels() ? IMAGE_DEFAULT : NONE);
    }

    public Set<Step> steps() {
        return EnumSet.copyOf(steps.isEmpty() ? EnumSet.noneOf(Step.class) : steps);
    }

    public boolean isNone() {
        return steps.isEmpty();
    }

    /** The canonical spelling, e.g. "scale,unit-norm" or "none"; written into trace headers. */
    @Override
    public String toString() {
        if (steps.isEmpty()) {
            return NONE;
        }
        List<String> names = new ArrayList<>();
        steps.forEach(s -> names.add(s.label));
        return String.join(",", names);
    }

    /**
     * Fits on {@code train} (n x d row-major) and transforms it and {@code test} (may be null) in place.
     *
     * @param pixels whether values are 8-bit pixels (scale divides by 255)
     * @return the fitted parameters in words, e.g. "scale=1/255,unit-norm"
     */
    public String apply(float[] train, float[] test, int d, boolean pixels) {
        List<String> done = new ArrayList<>();
        if (steps.contains(Step.SCALE)) {
            double max = pixels ? 255 : maxAbs(train);
            if (max > 0) {
                multiply(train, 1 / max);
                if (test != null) {
                    multiply(test, 1 / max);
                }
            }
            done.add(pixels ? "scale=1/255" : "scale=1/" + (float) max);
        }
        if (steps.contains(Step.CENTER) || steps.contains(Step.STANDARDIZE)) {
            boolean standardize = steps.contains(Step.STANDARDIZE);
            double[] mean = new double[d];
            double[] inv = new double[d];
            fitMoments(train, d, mean, inv, standardize);
            shift(train, d, mean, inv);
            if (test != null) {
                shift(test, d, mean, inv);
            }
            done.add(standardize ? "standardize(train mean, sd)" : "center(train mean)");
        }
        if (steps.contains(Step.UNIT_NORM)) {
            unitNorm(train, d);
            if (test != null) {
                unitNorm(test, d);
            }
            done.add("unit-norm");
        }
        return done.isEmpty() ? NONE : String.join(",", done);
    }

    private static double maxAbs(float[] x) {
        double max = 0;
        for (float v : x) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static void multiply(float[] x, double factor) {
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) (x[k] * factor);
        }
    }

    /** Per-feature mean and, when standardizing, 1/sd (1 for constant features), in double (two passes). */
    static void fitMoments(float[] x, int d, double[] mean, double[] inv, boolean standardize) {
        int n = x.length / d;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                mean[k] += x[i * d + k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= n;
            inv[k] = 1;
        }
        if (!standardize) {
            return;
        }
        double[] var = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                double c = x[i * d + k] - mean[k];
                var[k] += c * c;
            }
        }
        for (int k = 0; k < d; k++) {
            double sd = Math.sqrt(var[k] / n);
            inv[k] = sd > 0 ? 1 / sd : 1;
        }
    }

    private static void shift(float[] x, int d, double[] mean, double[] inv) {
        int n = x.length / d;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i * d + k] = (float) ((x[i * d + k] - mean[k]) * inv[k]);
            }
        }
    }

    private static void unitNorm(float[] x, int d) {
        int n = x.length / d;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                double v = x[i * d + k];
                s += v * v;
            }
            if (s > 0) {
                double inv = 1 / Math.sqrt(s);
                for (int k = 0; k < d; k++) {
                    x[i * d + k] = (float) (x[i * d + k] * inv);
                }
            }
        }
    }
}
