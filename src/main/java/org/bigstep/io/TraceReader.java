package org.bigstep.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a trace CSV as {@link TraceWriter} writes it: {@code # key=value} metadata lines, a header whose
 * first column is {@code step} and which contains {@code loss}, then rows of numbers with strictly
 * increasing integer steps. Strict: any other content is an {@link InputException} naming the file, the
 * line and what was expected. {@code NaN} and {@code Infinity} are accepted (undefined margins, divergence).
 */
public final class TraceReader {

    private TraceReader() {
    }

    /** A trace in memory: its metadata, column names and one array per column. */
    public record Trace(Path file, Map<String, String> metadata, List<String> columns, double[][] values) {

        public int rows() {
            return values.length == 0 ? 0 : values[0].length;
        }

        public boolean has(String column) {
            return columns.contains(column);
        }

        /** The column's values (live array). */
        public double[] column(String name) {
            int k = columns.indexOf(name);
            if (k < 0) {
                throw new InputException(file, 0, "has no column '" + name + "'; its columns are " + String.join(",", columns));
            }
            return values[k];
        }

        public double[] steps() {
            return values[0];
        }

        /** A metadata value, or null. */
        public String meta(String key) {
            return metadata.get(key);
        }

        /** A numeric metadata value; an {@link InputException} when missing or not a number. */
        public double metaNumber(String key) {
            String v = metadata.get(key);
            Double d = v == null ? null : parse(v);
            if (d == null) {
                throw new InputException(file, 0, "expected a metadata line '# " + key + "=NUMBER', found "
                        + (v == null ? "none" : "'" + v + "'"));
            }
            return d;
        }
    }

    public static Trace read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file, in);
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(file, 0, "is not UTF-8 text; expected a trace CSV");
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    static Trace read(Path file, BufferedReader in) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        List<String> columns = null;
        int width = 0;
        double[][] cols = null;
        int rows = 0;
        double lastStep = Double.NEGATIVE_INFINITY;
        long lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (columns == null) {
                if (line.startsWith("#")) {
                    String body = line.substring(1).strip();
                    int eq = body.indexOf('=');
                    if (eq <= 0) {
                        throw new InputException(file, lineNo, "expected a metadata line '# key=value', found '" + clip(line) + "'");
                    }
                    meta.put(body.substring(0, eq).strip(), body.substring(eq + 1).strip());
                    continue;
                }
                if (line.isBlank()) {
                    throw new InputException(file, lineNo, "expected the header 'step,loss,...', found an empty line");
                }
                columns = List.of(line.strip().split(",", -1));
                checkHeader(file, lineNo, columns);
                width = columns.size();
                cols = new double[width][1024];
                continue;
            }
            if (line.isEmpty()) {
                throw new InputException(file, lineNo, "expected a row of " + width + " numbers, found an empty line");
            }
            String[] fields = line.split(",", -1);
            if (fields.length != width) {
                throw new InputException(file, lineNo, "expected " + width + " fields (" + String.join(",", columns)
                        + "), found " + fields.length);
            }
            if (rows == cols[0].length) {
                for (int k = 0; k < width; k++) {
                    cols[k] = Arrays.copyOf(cols[k], rows * 2);
                }
            }
            for (int k = 0; k < width; k++) {
                Double v = parse(fields[k]);
                if (v == null) {
                    throw new InputException(file, lineNo, "column '" + columns.get(k) + "': expected a number, found '" + clip(fields[k]) + "'");
                }
                cols[k][rows] = v;
            }
            double step = cols[0][rows];
            if (step != Math.rint(step) || step < 0) {
                throw new InputException(file, lineNo, "expected a step that is an integer >= 0, found '" + fields[0] + "'");
            }
            if (step <= lastStep) {
                throw new InputException(file, lineNo, "expected steps in increasing order, found " + (long) step + " after " + (long) lastStep);
            }
            lastStep = step;
            rows++;
        }
        if (columns == null) {
            throw new InputException(file, lineNo + 1, "expected the header 'step,loss,...', found the end of the file");
        }
        if (rows == 0) {
            throw new InputException(file, lineNo + 1, "expected at least one row after the header, found the end of the file");
        }
        double[][] values = new double[width][];
        for (int k = 0; k < width; k++) {
            values[k] = Arrays.copyOf(cols[k], rows);
        }
        return new Trace(file, java.util.Collections.unmodifiableMap(meta), columns, values);
    }

    private static void checkHeader(Path file, long lineNo, List<String> columns) {
        if (!columns.get(0).equals("step") || !columns.contains("loss")) {
            throw new InputException(file, lineNo, "expected a header starting 'step,loss,...' (a bigstep trace), found '"
                    + clip(String.join(",", columns)) + "'");
        }
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (c.isBlank() || !seen.add(c)) {
                throw new InputException(file, lineNo, "expected distinct non-empty column names, found '" + clip(c) + "' "
                        + (c.isBlank() ? "(empty)" : "twice"));
            }
        }
    }

    /** A decimal number, or NaN / Infinity / -Infinity as Java prints them; null otherwise. */
    static Double parse(String text) {
        String s = text.strip();
        switch (s) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return Numbers.parseDecimal(s);
        }
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
