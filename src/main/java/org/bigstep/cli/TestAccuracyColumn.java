package org.bigstep.cli;

import java.util.function.Supplier;
import org.bigstep.io.TraceWriter;
import org.bigstep.margin.StepRecord;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.HeldOutAccuracy;

/** The trace's {@code test_accuracy} column (every K steps and the last; NaN between) and the summary fields. */
final class TestAccuracyColumn implements TraceWriter.Column {

    private final HeldOutAccuracy test;
    private final long every;
    private final long lastStep;

    private TestAccuracyColumn(HeldOutAccuracy test, long every, long lastStep) {
        this.test = test;
        this.every = every;
        this.lastStep = lastStep;
    }

    static void attach(TrainingJob job, HeldOutAccuracy test, long every, long lastStep) {
        job.withColumn(new TestAccuracyColumn(test, every, lastStep));
        job.withSummaryField("n_test", test.data().size());
        TwoLayerNetwork network = job.network();
        // the network holds the final W when the summary is written; a diverged run has no accuracy
        job.withSummaryField("test_accuracy", (Supplier<Double>) () ->
                Double.isFinite(network.frobeniusNorm()) ? test.accuracy(lastStep, network) : Double.NaN);
    }

    @Override
    public String name() {
        return "test_accuracy";
    }

    @Override
    public double value(StepRecord record, TwoLayerNetwork network) {
        long t = record.step();
        if (!record.finite() || (t % every != 0 && t != lastStep)) {
            return Double.NaN;
        }
        return test.accuracy(t, network);
    }
}
