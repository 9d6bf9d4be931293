package org.bigstep.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.data.Dataset;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.margin.PhaseTracker;
import org.bigstep.margin.StepRecord;
import org.bigstep.model.TwoLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradientDescentTest {

    private static final Activation LEAKY_SOFTPLUS = Activations.parse("leaky-softplus");

    private static TrainingOptions options(double eta, long steps) {
        return new TrainingOptions(LEAKY_SOFTPLUS, eta, steps, 1, KernelChoice.SCALAR);
    }

    /**
     * PAPER.md's Figure 2 setup (xor, leaky softplus, m = 20) with large stepsizes: the risk goes up at least once
     * (edge of stability), then decreases monotonically to the end. Observed (seed 1, 2000 steps):
     * eta=1000: last increase 13, first below threshold 21; eta=3000: 19, 21; eta=10000: 14, 16.
     * Theory (Theorem 2.2): the last increase comes no later than the first step below the threshold.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1000, 3000, 10000})
    void xorRiskOscillatesThenDecreasesMonotonically(double eta) {
        Dataset xor = BuiltinDatasets.xor();
        TwoLayerNetwork net = TwoLayerNetwork.initialize(20, 2, 1, 1, 1);
        List<Double> losses = new ArrayList<>();
        TrainingResult r = new GradientDescent(options(eta, 2000)).train(net, xor, (rec, nw) -> {
            assertEquals(losses.size(), rec.step(), "steps arrive in order from 0");
            losses.add(rec.loss());
        });
        assertFalse(r.diverged());
        assertEquals(2001, losses.size());
        int lastIncrease = -1;
        int increases = 0;
        for (int t = 1; t < losses.size(); t++) {
            if (losses.get(t) > losses.get(t - 1)) {
                lastIncrease = t;
                increases++;
            }
        }
        assertTrue(increases >= 1, "eta=" + eta + ": expected an oscillating start, the risk never went up");
        assertEquals(lastIncrease, r.lastIncreaseStep());
        assertEquals(increases, r.increases());
        for (int t = lastIncrease + 1; t < losses.size(); t++) {
            assertTrue(losses.get(t) <= losses.get(t - 1), "risk went up at " + t + " after the last recorded increase");
        }
        int firstBelow = -1;
        for (int t = 0; t < losses.size() && firstBelow < 0; t++) {
            if (losses.get(t) <= r.stableThreshold()) {
                firstBelow = t;
            }
        }
        assertEquals(firstBelow, r.firstBelowThresholdStep());
        assertTrue(firstBelow >= 0, "never reached the stable threshold " + r.stableThreshold());
        assertTrue(r.lastIncreaseStep() <= r.firstBelowThresholdStep(), "theory: last increase " + r.lastIncreaseStep()
                + " <= first below threshold " + r.firstBelowThresholdStep());
        assertTrue(losses.get(losses.size() - 1) < 1e-3 * losses.get(0), "final risk " + losses.get(losses.size() - 1));
        assertTrue(r.stepsPerSecond() >= 0);
    }

    @Test
    void smallStepsizeDecreasesMonotonicallyFromTheStart() {
        TrainingResult r = new GradientDescent(options(1, 500)).train(TwoLayerNetwork.initialize(20, 2, 1, 1, 1), BuiltinDatasets.xor());
        assertEquals(-1, r.lastIncreaseStep());
        assertEquals(0, r.increases());
    }

    @Test
    void hugeStepsizeDivergesAndStopsAtTheNonFiniteStep() {
        List<StepRecord> seen = new ArrayList<>();
        List<TrainingResult> finished = new ArrayList<>();
        TrainingResult r = new GradientDescent(options(1e40, 1000)).train(TwoLayerNetwork.initialize(20, 2, 1, 1, 1),
                BuiltinDatasets.xor(), List.of(new StepListener() {
                    @Override
                    public void onStep(StepRecord record, TwoLayerNetwork network) {
                        seen.add(record.copy());
                    }

                    @Override
                    public void onFinish(TrainingResult result) {
                        finished.add(result);
                    }
                }));
        assertTrue(r.diverged());
        assertTrue(r.divergedStep() >= 0 && r.divergedStep() < 1000, "diverged at " + r.divergedStep());
        assertFalse(r.lastRecord().finite());
        assertEquals(r.divergedStep(), r.lastRecord().step());
        assertEquals(r.divergedStep(), r.updates(), "one update per finite step");
        assertEquals(r.divergedStep() + 1, seen.size(), "listeners saw every step including the diverged one");
        assertFalse(seen.get(seen.size() - 1).finite());
        for (int t = 0; t < seen.size() - 1; t++) {
            assertTrue(seen.get(t).finite(), "step " + t + " was already non-finite");
        }
        assertEquals(List.of(r), finished);
    }

    @Test
    void zeroStepsEvaluatesOnce() {
        List<Long> steps = new ArrayList<>();
        TwoLayerNetwork net = TwoLayerNetwork.initialize(4, 2, 1, 1, 1);
        double[] before = net.weights().clone();
        TrainingResult r = new GradientDescent(options(1, 0)).train(net, BuiltinDatasets.xor(), (rec, nw) -> steps.add(rec.step()));
        assertEquals(List.of(0L), steps);
        assertEquals(0, r.updates());
        assertArrayEquals(before, net.weights());
    }

    @Test
    void resumingGivesTheSameBitsAsOneRun() {
        Dataset data = BuiltinDatasets.create("separable:n=40,d=3,seed=2");
        TwoLayerNetwork full = TwoLayerNetwork.initialize(6, 3, 4, 1, 1);
        TwoLayerNetwork half = full.copy();
        TrainingResult a = new GradientDescent(options(50, 200)).train(full, data);
        GradientDescent first = new GradientDescent(options(50, 100));
        PhaseTracker phases = new PhaseTracker(first.constants(half, data).stableThreshold(50));
        List<StepListener> none = List.of();
        first.train(half, data, 0, phases, none);
        // the first run evaluated W_100 without updating it; the continuation starts there
        TrainingResult b = new GradientDescent(options(50, 200)).train(half, data, 100, phases, none);
        assertArrayEquals(full.weights(), half.weights());
        assertEquals(a.lastRecord().loss(), b.lastRecord().loss());
        assertEquals(a.lastIncreaseStep(), b.lastIncreaseStep());
        assertEquals(a.firstBelowThresholdStep(), b.firstBelowThresholdStep());
        assertEquals(100, b.updates());
    }

    @Test
    void resultsDoNotDependOnThreads() {
        Dataset data = BuiltinDatasets.create("separable:n=1500,d=4,seed=3");
        TwoLayerNetwork one = TwoLayerNetwork.initialize(5, 4, 2, 1, 1);
        TwoLayerNetwork three = one.copy();
        new GradientDescent(options(20, 30)).train(one, data);
        TrainingResult r = new GradientDescent(options(20, 30).withThreads(3)).train(three, data);
        assertArrayEquals(one.weights(), three.weights());
        assertTrue(r.threads() >= 1);
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingOptions(null, 1, 1, 1, KernelChoice.SCALAR));
        for (double eta : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options(eta, 1));
            assertTrue(e.getMessage().contains("stepsize"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> options(1, -1));
        assertThrows(IllegalArgumentException.class, () -> options(1, 1).withThreads(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GradientDescent(options(1, 1)).train(TwoLayerNetwork.initialize(2, 3, 1, 1, 1), BuiltinDatasets.xor()));
        assertTrue(e.getMessage().contains("d=3") && e.getMessage().contains("d=2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GradientDescent(options(1, 5)).train(
                TwoLayerNetwork.initialize(2, 2, 1, 1, 1), BuiltinDatasets.xor(), 6, new PhaseTracker(1), List.of()));
    }
}
