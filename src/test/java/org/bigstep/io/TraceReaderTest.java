package org.bigstep.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigstep.activation.Activations;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.GradientDescent;
import org.bigstep.training.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsBackWhatTheWriterWrote() throws IOException {
        Path file = dir.resolve("t.csv");
        TwoLayerNetwork net = TwoLayerNetwork.initialize(4, 2, 1, 1, 1);
        List<Double> losses = new ArrayList<>();
        try (TraceWriter w = new TraceWriter(Files.newBufferedWriter(file), Map.of("eta", "100.0"), 3, 20, List.of())) {
            new GradientDescent(new TrainingOptions(Activations.parse("softplus"), 100, 20, 1, org.bigstep.kernel.KernelChoice.SCALAR))
                    .train(net, BuiltinDatasets.xor(), w, (r, n) -> {
                        if (w.writes(r.step(), r.finite())) {
                            losses.add(r.loss());
                        }
                    });
        }
        TraceReader.Trace t = TraceReader.read(file);
        assertEquals(100.0, t.metaNumber("eta"));
        assertEquals(TraceWriter.BASE_COLUMNS, t.columns());
        assertEquals(8, t.rows());
        assertEquals(20.0, t.steps()[7]);
        for (int i = 0; i < losses.size(); i++) {
            assertEquals(Double.doubleToLongBits(losses.get(i)), Double.doubleToLongBits(t.column("loss")[i]));
        }
        assertTrue(Double.isNaN(t.column("modified_margin")[0]), "NaN reads back");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'# no equals sign'|1|metadata",
        "'step,loss\n0,1\n1'|3|expected 2 fields",
        "'step,loss\n0,abc'|2|expected a number",
        "'step,loss\n0,1\n0,2'|3|increasing",
        "'step,loss\n1.5,1'|2|integer",
        "'step,loss\n-1,1'|2|integer",
        "'loss,step\n0,1'|1|header",
        "'step,loss,loss\n0,1,1'|1|twice",
        "'step,loss,\n0,1,1'|1|empty",
        "'# a=b\nstep,loss'|3|at least one row",
        "''|1|header",
        "'# a=b\n\nstep,loss'|2|empty line",
        "'step,loss\n0,1\n\n'|3|empty line",
        "'step,loss\n0,0x1p3'|2|expected a number",
    })
    void malformedTracesNameTheFileAndLine(String text, int line, String expected) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, text.replace("\\n", "\n"));
        InputException e = assertThrows(InputException.class, () -> TraceReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ":" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void missingFileAndMissingColumn() throws IOException {
        InputException e = assertThrows(InputException.class, () -> TraceReader.read(dir.resolve("none.csv")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        Path file = Files.writeString(dir.resolve("t.csv"), "# eta=x\nstep,loss\n0,Infinity\n");
        TraceReader.Trace t = TraceReader.read(file);
        assertTrue(Double.isInfinite(t.column("loss")[0]));
        assertTrue(assertThrows(InputException.class, () -> t.column("grad_norm")).getMessage().contains("no column 'grad_norm'"));
        assertTrue(assertThrows(InputException.class, () -> t.metaNumber("eta")).getMessage().contains("# eta=NUMBER"));
    }
}
