package org.bigstep.repro;

import java.util.List;
import java.util.Locale;

/** A Markdown document built section by section: headings, text, figures and tables. */
public final class Report {

    private final StringBuilder md = new StringBuilder();

    public Report heading(int level, String text) {
        md.append("#".repeat(level)).append(' ').append(text).append("\n\n");
        return this;
    }

    public Report paragraph(String text) {
        md.append(text).append("\n\n");
        return this;
    }

    public Report figure(String caption, String relativePath) {
        md.append("![").append(caption).append("](").append(relativePath).append(")\n\n");
        return this;
    }

    public Report table(List<String> header, List<List<String>> rows) {
        md.append('|');
        for (String h : header) {
            md.append(' ').append(cell(h)).append(" |");
        }
        md.append("\n|");
        for (int i = 0; i < header.size(); i++) {
            md.append("---|");
        }
        md.append('\n');
        for (List<String> row : rows) {
            md.append('|');
            for (String c : row) {
                md.append(' ').append(cell(c)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        return this;
    }

    public Report append(Report other) {
        md.append(other.md);
        return this;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** A number for a table: 4 significant digits, scientific when small or large. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** A step: -1 (never) as "never". */
    public static String step(long s) {
        return s < 0 ? "never" : Long.toString(s);
    }

    public static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    @Override
    public String toString() {
        return md.toString();
    }
}
