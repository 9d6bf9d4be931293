package org.bigstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bigstep.io.TraceReader;
import org.bigstep.plot.FiguresTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {

    @TempDir
    Path dir;

    Path a;
    Path b;

    @BeforeEach
    void traces() {
        a = dir.resolve("a.csv");
        b = dir.resolve("b.csv");
        assertEquals(0, CliResult.run("train", "--dataset", "xor", "--eta", "10", "--steps", "200", "--trace", a.toString()).code());
        assertEquals(0, CliResult.run("train", "--dataset", "xor", "--eta", "1000", "--steps", "200", "--trace", b.toString()).code());
    }

    @Test
    void plotsSeveralRunsAsPngAndSvg() throws Exception {
        Path png = dir.resolve("risk.png");
        CliResult r = CliResult.run("plot", a.toString(), b.toString(), "--out", png.toString(), "--log-x", "--size", "640x400");
        assertEquals(0, r.code(), r.err());
        FiguresTest.decodePng(png, 640, 400);
        Path svg = dir.resolve("m.svg");
        r = CliResult.run("plot", a.toString(), b.toString(), "--out", svg.toString(), "--y", "normalized_margin,smoothed_margin", "--x", "eta_t");
        assertEquals(0, r.code(), r.err());
        assertEquals("svg", FiguresTest.xml().newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getTagName());
    }

    @Test
    void legendLabelsComeFromTheMetadataThatDiffers() {
        List<String> labels = PlotCommand.labels(List.of(TraceReader.read(a), TraceReader.read(b)));
        assertEquals(List.of("eta=10", "eta=1000"), labels);
    }

    @Test
    void badInputExits2AndWritesNothing() throws IOException {
        Path out = dir.resolve("x.png");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "step,loss\n0,1\n0,2\n");
        String[][] cases = {
            {"plot", a.toString(), "--out", dir.resolve("x.jpg").toString()},
            {"plot", a.toString(), "--out", out.toString(), "--y", "nope"},
            {"plot", a.toString(), "--out", out.toString(), "--x", "time"},
            {"plot", a.toString(), "--out", out.toString(), "--size", "10x10"},
            {"plot", bad.toString(), "--out", out.toString()},
            {"plot", dir.resolve("missing.csv").toString(), "--out", out.toString()},
            {"plot", a.toString(), "--out", dir.resolve("no/such/dir/x.png").toString()},
            {"plot", "--out", out.toString()},
        };
        for (String[] c : cases) {
            CliResult r = CliResult.run(c);
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertFalse(Files.exists(out), String.join(" ", c));
            assertFalse(Files.exists(dir.resolve("x.jpg")));
        }
        assertTrue(CliResult.run("plot", bad.toString(), "--out", out.toString()).err().contains(bad + ":3:"));
    }
}
