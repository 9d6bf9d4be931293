package org.bigstep.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigstep.activation.Activations;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.data.Dataset;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.margin.StepRecord;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.GradientDescent;
import org.bigstep.training.StepListener;
import org.bigstep.training.TrainingOptions;
import org.junit.jupiter.api.Test;

class TraceWriterTest {

    @Test
    void writesMetadataHeaderAndEveryKthRowPlusTheLastWithRoundTrippingNumbers() throws Exception {
        Dataset data = BuiltinDatasets.fig4();
        TwoLayerNetwork net = TwoLayerNetwork.initialize(2, 3, 1, 1, 1);
        TrainingOptions options = new TrainingOptions(Activations.parse("leaky-softplus"), 3, 23, 1, KernelChoice.SCALAR);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("seed", "1");
        meta.put("activation", "leaky-softplus");
        StringWriter out = new StringWriter();
        List<StepRecord> seen = new ArrayList<>();
        StepListener keep = (r, n) -> seen.add(r.copy());
        try (TraceWriter trace = new TraceWriter(out, meta, 5, 23, List.of())) {
            new GradientDescent(options).train(net, data, keep, trace);
        }
        List<String> lines = out.toString().lines().toList();
        assertEquals("# seed=1", lines.get(0));
        assertEquals("# activation=leaky-softplus", lines.get(1));
        assertEquals(String.join(",", TraceWriter.BASE_COLUMNS), lines.get(2));
        List<String> rows = lines.subList(3, lines.size());
        long[] expectedSteps = {0, 5, 10, 15, 20, 23};
        assertEquals(expectedSteps.length, rows.size(), out.toString());
        for (int r = 0; r < rows.size(); r++) {
            String[] f = rows.get(r).split(",");
            StepRecord rec = seen.get((int) expectedSteps[r]);
            assertEquals(expectedSteps[r], Long.parseLong(f[0]));
            assertEquals(rec.loss(), Double.parseDouble(f[1]));
            assertEquals(rec.minMargin(), Double.parseDouble(f[2]));
            assertEquals(rec.normalizedMargin(), Double.parseDouble(f[3]));
            assertEquals(rec.smoothedMargin(), Double.parseDouble(f[4]));
            assertEquals(Double.doubleToLongBits(rec.modifiedMargin()), Double.doubleToLongBits(Double.parseDouble(f[5])));
            assertEquals(rec.weightNorm(), Double.parseDouble(f[6]));
            assertEquals(rec.gradNorm(), Double.parseDouble(f[7]));
        }
        assertTrue(seen.size() == 24, "listeners see every step 0..T");
    }
}
