package org.bigstep.io;

/** Parsing and printing numbers in files: strict decimal input, round-trip output. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Parses a decimal number as written in CSV files (digits, sign, point, exponent). Rejects what
     * Java's parser would also accept but a data file should not contain: NaN, Infinity, hex, 'f'/'d' suffixes.
     *
     * @return the value, or null when the text is not such a number
     */
    public static Double parseDecimal(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!ok) {
                return null;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True when the text spells a non-finite value (so the error can say "finite" rather than "a number"). */
    public static boolean spellsNonFinite(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        return s.equals("nan") || s.endsWith("infinity") || s.endsWith("inf");
    }

    /** The shortest decimal that reads back as the same double. */
    public static String format(double v) {
        return Double.toString(v);
    }

    /** The shortest decimal that reads back as the same float. */
    public static String format(float v) {
        return Float.toString(v);
    }
}
