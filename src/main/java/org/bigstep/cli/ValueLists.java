package org.bigstep.cli;

import java.util.ArrayList;
import java.util.List;
import org.bigstep.io.InputException;
import org.bigstep.io.Numbers;

/**
 * The LIST syntax of {@code sweep}: comma-separated values. A stepsize item may also be a log range
 * {@code A..B:K}, K values from A to B evenly spaced in log (both ends included), e.g. {@code 1e-1..1e3:9}
 * gives 0.1, 1, 10, 100, 1000 at half decades. Activation names that carry parameters keep their commas:
 * an item of the form {@code key=value} continues the previous one ({@code leaky:c=0.6,base=softplus}).
 */
final class ValueLists {

    /** More values than this in one list is a typo, not a sweep. */
    static final int MAX_VALUES = 10_000;

    private ValueLists() {
    }

    /** Positive finite stepsizes, with log ranges. */
    static List<Double> stepsizes(String option, String text) {
        List<Double> out = new ArrayList<>();
        for (String item : items(option, text)) {
            int dots = item.indexOf("..");
            if (dots >= 0) {
                out.addAll(logRange(option, item, dots));
            } else {
                out.add(positive(option, item, item));
            }
        }
        return distinct(option, out);
    }

    private static List<Double> logRange(String option, String item, int dots) {
        int colon = item.indexOf(':', dots);
        if (colon < 0) {
            throw new InputException(option + ": '" + item + "': expected a log range A..B:K (K values from A to B), found no ':K'");
        }
        double a = positive(option, item, item.substring(0, dots));
        double b = positive(option, item, item.substring(dots + 2, colon));
        long k = integer(option, item, item.substring(colon + 1));
        if (k < 1 || k > MAX_VALUES) {
            throw new InputException(option + ": '" + item + "': expected 1 <= K <= " + MAX_VALUES + " values, found " + k);
        }
        if (k == 1 && a != b) {
            throw new InputException(option + ": '" + item + "': a range from " + a + " to " + b + " needs K >= 2 values");
        }
        if (b < a) {
            throw new InputException(option + ": '" + item + "': expected A <= B in A..B:K, found " + a + " > " + b);
        }
        List<Double> out = new ArrayList<>();
        double la = Math.log10(a);
        double lb = Math.log10(b);
        for (long i = 0; i < k; i++) {
            // the ends exactly as written; inside, 10^(la + i (lb - la) / (K-1)) rounded to 12 significant digits
            double v = i == 0 ? a : i == k - 1 ? b : round12(Math.pow(10, la + i * (lb - la) / (k - 1)));
            out.add(v);
        }
        return out;
    }

    static double round12(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.11e", v));
    }

    /** Widths: integers >= 1. */
    static List<Integer> widths(String option, String text) {
        List<Integer> out = new ArrayList<>();
        for (String item : items(option, text)) {
            long v = integer(option, item, item);
            if (v < 1 || v > Integer.MAX_VALUE) {
                throw new InputException(option + ": expected a width >= 1, found '" + item + "'");
            }
            out.add((int) v);
        }
        return distinct(option, out);
    }

    /** Seeds: any 64-bit integers. */
    static List<Long> seeds(String option, String text) {
        List<Long> out = new ArrayList<>();
        for (String item : items(option, text)) {
            out.add(integer(option, item, item));
        }
        return distinct(option, out);
    }

    /** Names, where a {@code key=value} item continues the previous one. */
    static List<String> names(String option, String text) {
        List<String> out = new ArrayList<>();
        for (String item : items(option, text)) {
            boolean continuation = item.contains("=") && !item.contains(":");
            if (continuation) {
                if (out.isEmpty()) {
                    throw new InputException(option + ": '" + item + "': a parameter with no name before it");
                }
                out.set(out.size() - 1, out.get(out.size() - 1) + "," + item);
            } else {
                out.add(item);
            }
        }
        return distinct(option, out);
    }

    private static List<String> items(String option, String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw new InputException(option + ": '" + text + "': expected comma-separated values, found an empty item");
            }
            out.add(item);
        }
        if (out.size() > MAX_VALUES) {
            throw new InputException(option + ": expected at most " + MAX_VALUES + " values, found " + out.size());
        }
        return out;
    }

    private static double positive(String option, String item, String text) {
        Double v = Numbers.parseDecimal(text);
        if (v == null || !(v > 0) || Double.isInfinite(v)) {
            throw new InputException(option + ": '" + item + "': expected a positive finite number, found '" + text.strip() + "'");
        }
        return v;
    }

    private static long integer(String option, String item, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InputException(option + ": '" + item + "': expected an integer, found '" + text.strip() + "'");
        }
    }

    private static <T> List<T> distinct(String option, List<T> values) {
        if (values.size() > MAX_VALUES) {
            throw new InputException(option + ": expected at most " + MAX_VALUES + " values, found " + values.size());
        }
        java.util.Set<T> seen = new java.util.HashSet<>();
        for (T v : values) {
            if (!seen.add(v)) {
                throw new InputException(option + ": value " + v + " appears twice; each run must be distinct");
            }
        }
        return List.copyOf(values);
    }
}
