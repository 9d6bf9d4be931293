package org.bigstep.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.bigstep.model.TwoLayerNetwork;

/**
 * Model/init CSV: header {@code sign,w0,...,w{d-1}}, one row per neuron (sign = a_j), weights printed
 * so they read back as the same double.
 */
public final class ModelCsv {

    /** Signs and weights read from a file; the scale b is not part of the format. */
    public record Weights(double[] signs, double[] weights, int dimension) {
        public int width() {
            return signs.length;
        }

        public TwoLayerNetwork toNetwork(double scale) {
            return new TwoLayerNetwork(signs, scale, weights, dimension);
        }
    }

    private ModelCsv() {
    }

    public static Weights read(Path file) {
        CsvDatasetReader.requireReadable(file);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setCommentMarker('#').get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            List<String> header = null;
            Doubles signs = new Doubles();
            Doubles weights = new Doubles();
            long headerLine = 0;
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue;
                }
                if (header == null) {
                    header = r.toList();
                    headerLine = line;
                    checkHeader(file, line, header);
                    continue;
                }
                if (r.size() != header.size()) {
                    throw new InputException(file, line, "expected " + header.size() + " values as in the header, found " + r.size());
                }
                double sign = parse(file, line, "sign", r.get(0));
                if (sign != 1 && sign != -1) {
                    throw new InputException(file, line, "column 'sign': expected -1 or +1, found '" + r.get(0).trim() + "'");
                }
                signs.add(sign);
                for (int c = 1; c < r.size(); c++) {
                    weights.add(parse(file, line, header.get(c), r.get(c)));
                }
            }
            if (header == null) {
                throw new InputException(file, 0, "empty file; expected a header 'sign,w0,...,w{d-1}' and one row per neuron");
            }
            if (signs.size() == 0) {
                throw new InputException(file, headerLine, "expected one row per neuron after the header, found none");
            }
            return new Weights(signs.toArray(), weights.toArray(), header.size() - 1);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InputException(file, 0, "cannot parse as CSV: " + CsvDatasetReader.rootMessage(e));
        } catch (OutOfMemoryError e) {
            // the last resort: Commons CSV holds a whole record as strings (about 50 bytes a value); once this
            // frame unwinds all of it is garbage, so a clean refusal is safe here
            throw new InputException(file, 0, org.bigstep.data.Heap.exhausted("reading the model"));
        }
    }

    private static void checkHeader(Path file, long line, List<String> header) {
        if (header.size() < 2 || !header.get(0).trim().equals("sign")) {
            throw new InputException(file, line, "expected a header 'sign,w0,...,w{d-1}', found '" + String.join(",", header) + "'");
        }
        for (int c = 1; c < header.size(); c++) {
            if (!header.get(c).trim().equals("w" + (c - 1))) {
                throw new InputException(file, line, "expected column " + (c + 1) + " of the header to be 'w" + (c - 1)
                        + "', found '" + header.get(c).trim() + "'");
            }
        }
    }

    private static double parse(Path file, long line, String column, String text) {
        Double v = Numbers.parseDecimal(text);
        if (v == null || !Double.isFinite(v)) {
            String what = Numbers.spellsNonFinite(text) ? "a finite number" : "a number";
            throw new InputException(file, line, "column '" + column + "': expected " + what + ", found '" + text.trim() + "'");
        }
        return v;
    }

    /** Writes the network atomically in the same format. */
    public static void write(Path file, TwoLayerNetwork network) throws IOException {
        StringBuilder sb = new StringBuilder();
        int d = network.dimension();
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            Object[] row = new Object[d + 1];
            row[0] = "sign";
            for (int k = 0; k < d; k++) {
                row[k + 1] = "w" + k;
            }
            p.printRecord(row);
            double[] w = network.weights();
            for (int j = 0; j < network.width(); j++) {
                row[0] = network.sign(j) > 0 ? "1" : "-1";
                for (int k = 0; k < d; k++) {
                    row[k + 1] = Numbers.format(w[j * d + k]);
                }
                p.printRecord(row);
            }
        }
        AtomicFiles.write(file, sb.toString());
    }

    /** A growable double array (model files are small; doubles keep the full precision of saved weights). */
    private static final class Doubles {
        private double[] v = new double[64];
        private int size;

        void add(double x) {
            if (size == v.length) {
                v = java.util.Arrays.copyOf(v, size * 2);
            }
            v[size++] = x;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(v, size);
        }
    }
}
