package org.bigstep.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path dir;

    static Checkpoint sample() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("data.dataset", "separable:n=10,d=3,seed=1");
        options.put("activation", "leaky:c=0.5,base=softplus");
        options.put("trace", "/tmp/a b/t\u00e9.csv");
        Map<String, String> run = new LinkedHashMap<>();
        run.put("command", "train");
        run.put("seed", "-3");
        double[] w = {0.1, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, 1.0 / 3, Math.PI, 1e-300, -7.25, 42};
        return new Checkpoint(options, run, 0x8f00000000000001L, 10, 3, 123456789L, -1,
                new Checkpoint.Phases(0.7529411375, 17, 99, 5, Double.NaN),
                new Checkpoint.TraceState(4242, 37, 120), 0.5, new double[] {1, -1, 1}, w);
    }

    @Test
    void roundTripIsBitExact() throws IOException {
        Checkpoint c = sample();
        Path f = dir.resolve("c.ckpt");
        c.write(f);
        Checkpoint r = Checkpoint.read(f);
        assertEquals(c.options(), r.options());
        assertEquals(c.run(), r.run());
        assertEquals(c.dataHash(), r.dataHash());
        assertEquals(c.n(), r.n());
        assertEquals(c.d(), r.d());
        assertEquals(c.step(), r.step());
        assertEquals(c.divergedStep(), r.divergedStep());
        assertEquals(c.phases(), r.phases()); // records compare doubles by bits: NaN == NaN
        assertEquals(c.trace(), r.trace());
        assertEquals(Double.doubleToRawLongBits(c.scale()), Double.doubleToRawLongBits(r.scale()));
        assertArrayEquals(c.signs(), r.signs());
        for (int k = 0; k < c.weights().length; k++) {
            assertEquals(Double.doubleToRawLongBits(c.weights()[k]), Double.doubleToRawLongBits(r.weights()[k]), "weight " + k);
        }
        // no temporary file is left beside it
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void damageIsDetected() throws IOException {
        Path f = dir.resolve("c.ckpt");
        sample().write(f);
        byte[] good = Files.readAllBytes(f);
        // truncated anywhere
        for (int cut : new int[] {0, 5, good.length / 2, good.length - 2}) {
            Files.write(f, java.util.Arrays.copyOf(good, cut));
            InputException e = assertThrows(InputException.class, () -> Checkpoint.read(f), "cut at " + cut);
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        }
        // one changed digit in a weight
        String text = new String(good, StandardCharsets.UTF_8);
        int w = text.indexOf("\nw=") + 5;
        byte[] flipped = good.clone();
        flipped[w] = (byte) (flipped[w] == '0' ? '1' : '0');
        Files.write(f, flipped);
        InputException e = assertThrows(InputException.class, () -> Checkpoint.read(f));
        assertTrue(e.getMessage().contains("CRC"), e.getMessage());
        // not a checkpoint at all
        Files.writeString(f, "step,loss\n0,1\n");
        e = assertThrows(InputException.class, () -> Checkpoint.read(f));
        assertTrue(e.getMessage().contains("not a bigstep checkpoint"), e.getMessage());
        assertThrows(InputException.class, () -> Checkpoint.read(dir.resolve("missing")));
    }

    @Test
    void aReplacedCheckpointIsWholeAfterEveryWrite() throws IOException {
        Path f = dir.resolve("c.ckpt");
        Checkpoint c = sample();
        for (int i = 0; i < 5; i++) {
            new Checkpoint(c.options(), c.run(), c.dataHash(), c.n(), c.d(), i, -1, c.phases(), c.trace(), c.scale(),
                    c.signs(), c.weights()).write(f);
            assertEquals(i, Checkpoint.read(f).step());
        }
    }
}
