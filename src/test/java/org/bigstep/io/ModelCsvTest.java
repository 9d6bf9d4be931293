package org.bigstep.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bigstep.model.TwoLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCsvTest {

    @TempDir
    Path dir;

    @Test
    void writeThenReadGivesTheSameDoublesBitForBit() throws IOException {
        TwoLayerNetwork net = TwoLayerNetwork.initialize(5, 3, 7, 1.3, 2.0);
        net.weights()[4] = Math.nextUp(1.0);
        net.weights()[5] = -Double.MIN_VALUE;
        net.weights()[6] = 1e300;
        Path p = dir.resolve("m.csv");
        ModelCsv.write(p, net);
        assertTrue(Files.readAllLines(p).get(0).equals("sign,w0,w1,w2"));
        ModelCsv.Weights w = ModelCsv.read(p);
        assertEquals(5, w.width());
        assertEquals(3, w.dimension());
        assertArrayEquals(net.signs(), w.signs());
        assertArrayEquals(net.weights(), w.weights());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the atomic write leaves no temporary file");
        }
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)),
                    "outputs are readable like any other file, not owner-only like a temp file");
        }
    }

    @Test
    void badModelFilesAreLocatedErrors() throws IOException {
        String[][] cases = {
            {"", "empty file"},
            {"sign,w0\n", ":1: expected one row per neuron"},
            {"s,w0\n1,2\n", ":1: expected a header 'sign,w0,...,w{d-1}'"},
            {"sign,w1\n1,2\n", ":1: expected column 2 of the header to be 'w0'"},
            {"sign,w0\n2,1\n", ":2: column 'sign': expected -1 or +1"},
            {"sign,w0\n1,x\n", ":2: column 'w0': expected a number"},
            {"sign,w0\n1,NaN\n", ":2: column 'w0': expected a finite number"},
            {"sign,w0,w1\n1,2\n", ":2: expected 3 values"},
        };
        for (String[] c : cases) {
            Path p = dir.resolve("bad.csv");
            Files.writeString(p, c[0]);
            InputException e = assertThrows(InputException.class, () -> ModelCsv.read(p), c[0]);
            assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
        }
    }
}
