package org.bigstep.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bigstep.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvDatasetReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsFeaturesAndLabelsWithTheLabelColumnAnywhere() throws IOException {
        Path p = write("a.csv", "x1, label ,x2\n0.5,1,-2\n# a comment\n\n1e-3,0,3.25\n-1,-1,0\n");
        Dataset d = CsvDatasetReader.read(p);
        assertEquals(3, d.size());
        assertEquals(2, d.dimension());
        assertArrayEquals(new float[] {0.5f, -2f, 1e-3f, 3.25f, -1f, 0f}, d.features());
        assertArrayEquals(new float[] {1, -1, -1}, d.labels());
    }

    @Test
    void roundTripsThroughTheCsvFormat() throws IOException {
        float[] x = {0.1f, -3.4028235e38f, 1.4e-45f, 7f, 123456.79f, -0f};
        StringBuilder sb = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 3; i++) {
            sb.append(Numbers.format(x[2 * i])).append(',').append(Numbers.format(x[2 * i + 1])).append(',').append(i % 2 == 0 ? "+1" : "-1").append('\n');
        }
        Dataset d = CsvDatasetReader.read(write("r.csv", sb.toString()));
        assertArrayEquals(x, d.features());
        assertArrayEquals(new float[] {1, -1, 1}, d.labels());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty file|''|0|empty file",
        "header only|'x,label\n'|1|expected data rows after the header",
        "no label column|'x,y\n1,2\n'|1|'label' column",
        "two label columns|'label,x,label\n1,2,1\n'|1|one 'label' column",
        "only a label column|'label\n1\n'|1|at least one feature column",
        "ragged row, short|'x,y,label\n1,2,1\n3,1\n'|3|expected 3 values as in the header, found 2",
        "ragged row, long|'x,label\n1,1\n1,1,1\n'|3|expected 2 values as in the header, found 3",
        "non-numeric|'x,label\n1,1\nabc,1\n'|3|column 'x': expected a number, found 'abc'",
        "NaN|'x,label\nNaN,1\n'|2|expected a finite number, found 'NaN'",
        "Infinity|'x,label\n-Infinity,1\n'|2|expected a finite number",
        "hex float|'x,label\n0x1p3,1\n'|2|expected a number, found '0x1p3'",
        "float suffix|'x,label\n1.5f,1\n'|2|expected a number",
        "empty value|'x,label\n,1\n'|2|expected a number, found ''",
        "out of float range|'x,label\n1e39,1\n'|2|outside the float32 range",
        "label 2|'x,label\n1,2\n'|2|column 'label': expected -1, +1, 0 or 1, found '2'",
        "label text|'x,label\n1,yes\n'|2|found 'yes'",
        "label 0.5|'x,label\n1,0.5\n'|2|found '0.5'",
    })
    void malformedInputNamesFileLineAndExpectation(String what, String content, int line, String expected) throws IOException {
        Path p = write("bad.csv", content);
        InputException e = assertThrows(InputException.class, () -> CsvDatasetReader.read(p), what);
        String prefix = line > 0 ? p + ":" + line + ": " : p + ": ";
        assertTrue(e.getMessage().startsWith(prefix), what + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
    }

    @Test
    void missingFileAndDirectoryAreInputErrors() {
        Path missing = dir.resolve("nope.csv");
        assertEquals(missing + ": no such file", assertThrows(InputException.class, () -> CsvDatasetReader.read(missing)).getMessage());
        assertTrue(assertThrows(InputException.class, () -> CsvDatasetReader.read(dir)).getMessage().contains("is a directory"));
    }

    @Test
    void unterminatedQuoteIsAnInputError() throws IOException {
        Path p = write("q.csv", "x,label\n\"1,1\n");
        InputException e = assertThrows(InputException.class, () -> CsvDatasetReader.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
    }
}
