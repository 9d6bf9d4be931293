package org.bigstep.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bigstep.cli.Main;
import org.bigstep.io.TraceReader;
import org.bigstep.plot.FiguresTest;
import org.bigstep.plot.Figures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceTest {

    @TempDir
    Path dir;

    static int run(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        if (code != 0) {
            System.err.println(err);
        }
        return code;
    }

    static List<TraceReader.Trace> traces(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs.resolve("traces"))) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().map(TraceReader::read).collect(Collectors.toList());
        }
    }

    @Test
    void fig4PerNeuronMarginsStayNegativeWhileTheNetworkMarginTurnsPositive() throws IOException {
        Path out = dir.resolve("r");
        assertEquals(0, run("reproduce", "fig4", "--out", out.toString(), "--steps-scale", "0.05"));
        TraceReader.Trace t = traces(out.resolve("runs/fig4")).get(0);
        assertEquals(5000.0, t.steps()[t.rows() - 1]);
        double max0 = Double.NEGATIVE_INFINITY;
        double max1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.rows(); i++) {
            max0 = Math.max(max0, t.column("neuron_margin_0")[i]);
            max1 = Math.max(max1, t.column("neuron_margin_1")[i]);
        }
        assertTrue(max0 < 0 && max1 < 0, "per-neuron margins stay negative: " + max0 + ", " + max1);
        double[] q = t.column("min_margin");
        assertTrue(q[0] < 0, "the network starts with a negative margin");
        assertTrue(q[t.rows() - 1] > 0, "and ends with a positive one");
        String report = Files.readString(out.resolve("REPORT.md"));
        // the report quotes the numbers of the trace on disk
        assertTrue(report.contains("max over all steps " + Report.num(max0) + " (negative throughout)"), report);
        assertTrue(report.contains("max over all steps " + Report.num(max1) + " (negative throughout)"), report);
        assertTrue(report.contains("first positive at step " + TraceStats.firstAbove(t, "min_margin", 0)), report);
        assertTrue(report.contains("](figures/fig4.png)"));
        FiguresTest.decodePng(out.resolve("figures/fig4.png"), 3 * Figures.PANEL_WIDTH, Figures.PANEL_HEIGHT);
    }

    @Test
    void xorReportRowsMatchTheTraces() throws IOException {
        Path out = dir.resolve("x");
        assertEquals(0, run("reproduce", "xor", "--out", out.toString(), "--steps-scale", "0.01"));
        String report = Files.readString(out.resolve("REPORT.md"));
        List<TraceReader.Trace> traces = traces(out.resolve("runs/xor"));
        assertEquals(5, traces.size());
        boolean someOscillate = false;
        for (TraceReader.Trace t : traces) {
            // recomputed here independently of TraceStats
            double[] loss = t.column("loss");
            long increases = 0;
            long last = -1;
            for (int i = 1; i < loss.length; i++) {
                if (loss[i] > loss[i - 1]) {
                    increases++;
                    last = (long) t.steps()[i];
                }
            }
            double threshold = t.metaNumber("stable_threshold");
            long below = -1;
            for (int i = 0; i < loss.length && below < 0; i++) {
                if (loss[i] <= threshold) {
                    below = (long) t.steps()[i];
                }
            }
            someOscillate |= increases > 0;
            String row = "| " + Report.num(t.metaNumber("eta")) + " | " + increases + " | " + Report.step(last) + " | "
                    + Report.num(threshold) + " | " + Report.step(below) + " | ";
            assertTrue(report.contains(row), "row " + row + " in\n" + report);
            assertTrue(report.contains(Report.num(loss[loss.length - 1])), "final loss quoted");
        }
        assertTrue(someOscillate, "the large stepsizes oscillate at the start");
        FiguresTest.decodePng(out.resolve("figures/xor.png"), 3 * Figures.PANEL_WIDTH, Figures.PANEL_HEIGHT);
    }

    @Test
    void accelerationRunsAndFits() throws IOException {
        Path out = dir.resolve("a");
        assertEquals(0, run("reproduce", "acceleration", "--out", out.toString(), "--steps-scale", "0.1"));
        String report = Files.readString(out.resolve("REPORT.md"));
        assertTrue(report.contains("Corollary 4.2") && report.contains("Theorem 4.3"), report);
        FiguresTest.decodePng(out.resolve("figures/acceleration.png"), 2 * Figures.PANEL_WIDTH, Figures.PANEL_HEIGHT);
        for (TraceReader.Trace t : traces(out.resolve("runs/acceleration"))) {
            assertEquals("gaussian:seed=0,init_scale=0.0", t.meta("init"), "W_0 = 0");
            assertEquals("leaky-softplus", t.meta("activation"));
        }
    }

    @Test
    void imagesOnAnyDataWithATestSplitLater() throws IOException {
        Path out = dir.resolve("i");
        assertEquals(0, run("reproduce", "images", "--dataset", "separable:n=64,d=8,seed=3", "--out", out.toString(), "--steps-scale", "0.01"));
        assertTrue(Files.readString(out.resolve("REPORT.md")).contains("softplus"));
        FiguresTest.decodePng(out.resolve("figures/images-softplus.png"), 2 * Figures.PANEL_WIDTH, 2 * Figures.PANEL_HEIGHT);
    }

    @Test
    void badInputExits2AndWritesNothing() {
        Path out = dir.resolve("none");
        assertEquals(2, run("reproduce", "nope", "--out", out.toString()));
        assertEquals(2, run("reproduce", "quick", "--out", out.toString()));
        assertEquals(2, run("reproduce", "xor", "--steps-scale", "0", "--out", out.toString()));
        assertEquals(2, run("reproduce", "xor", "--threads", "0", "--out", out.toString()));
        assertEquals(2, run("reproduce", "images", "--dataset", "nope", "--out", out.toString()));
        assertFalse(Files.exists(out));
    }
}
