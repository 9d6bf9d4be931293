package org.bigstep.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bigstep.data.Dataset;

/**
 * Reads a dataset CSV: a header row, a column {@code label} with -1/+1 (0/1 accepted as -1/+1), every
 * other column a feature. Streams the rows into one float32 array; every row is validated and the first
 * problem is reported with the file, line and what was expected.
 */
public final class CsvDatasetReader {

    public static final String LABEL = "label";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(false)
            .setCommentMarker('#')
            .get();

    private CsvDatasetReader() {
    }

    public static Dataset read(Path file) {
        requireReadable(file);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            return read(file, parser);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports malformed quoting as an unchecked exception carrying the line
            throw new InputException(file, 0, "cannot parse as CSV: " + rootMessage(e));
        } catch (OutOfMemoryError e) {
            // the last resort: Commons CSV holds a whole record as strings (about 50 bytes a value); once this
            // frame unwinds all of it is garbage, so a clean refusal is safe here
            throw new InputException(file, 0, org.bigstep.data.Heap.exhausted("reading the data"));
        }
    }

    private static Dataset read(Path file, CSVParser parser) {
        int labelColumn = -1;
        int columns = -1;
        List<String> header = null;
        FloatBuffer x = null;
        FloatBuffer y = null;
        long headerLine = 0;
        for (CSVRecord record : parser) {
            long line = parser.getCurrentLineNumber();
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // a blank line
            }
            if (header == null) {
                header = record.toList();
                headerLine = line;
                columns = header.size();
                for (int c = 0; c < columns; c++) {
                    String name = header.get(c).trim();
                    if (name.equalsIgnoreCase(LABEL)) {
                        if (labelColumn >= 0) {
                            throw new InputException(file, line, "expected one 'label' column in the header, found two");
                        }
                        labelColumn = c;
                    }
                }
                if (labelColumn < 0) {
                    throw new InputException(file, line, "expected a header row with a 'label' column, found '" + String.join(",", header) + "'");
                }
                if (columns < 2) {
                    throw new InputException(file, line, "expected at least one feature column besides 'label', found none");
                }
                x = new FloatBuffer((int) Math.min(1L << 16, 1024L * (columns - 1)), file); // a huge header must not allocate up front
                y = new FloatBuffer(1024, file);
                continue;
            }
            if (record.size() != columns) {
                throw new InputException(file, line, "expected " + columns + " values as in the header, found " + record.size());
            }
            for (int c = 0; c < columns; c++) {
                String text = record.get(c);
                if (c == labelColumn) {
                    y.add(label(file, line, text));
                } else {
                    x.add(feature(file, line, header.get(c), text));
                }
            }
        }
        if (header == null) {
            throw new InputException(file, 0, "empty file; expected a header row with a 'label' column, then one row per sample");
        }
        if (y.size() == 0) {
            throw new InputException(file, headerLine, "expected data rows after the header, found none");
        }
        return new Dataset(file.toString(), x.toArray(), y.toArray(), columns - 1);
    }

    private static float label(Path file, long line, String text) {
        String s = text.trim();
        switch (s) {
            case "1": case "+1": case "1.0": case "+1.0":
                return 1f;
            case "-1": case "-1.0": case "0": case "0.0":
                return -1f;
            default:
                throw new InputException(file, line, "column 'label': expected -1, +1, 0 or 1, found '" + s + "'");
        }
    }

    private static float feature(Path file, long line, String column, String text) {
        Double v = Numbers.parseDecimal(text);
        if (v == null) {
            String what = Numbers.spellsNonFinite(text) ? "a finite number" : "a number";
            throw new InputException(file, line, "column '" + column + "': expected " + what + ", found '" + text.trim() + "'");
        }
        float f = v.floatValue();
        if (!Float.isFinite(f)) {
            throw new InputException(file, line, "column '" + column + "': " + text.trim() + " is outside the float32 range");
        }
        return f;
    }

    static void requireReadable(Path file) {
        if (!Files.exists(file)) {
            throw new InputException(file, 0, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(file, 0, "is a directory, expected a file");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(file, 0, "not readable");
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof NoSuchFileException) {
            return "no such file";
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
