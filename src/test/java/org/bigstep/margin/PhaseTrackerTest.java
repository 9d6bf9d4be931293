package org.bigstep.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhaseTrackerTest {

    private static PhaseTracker run(double threshold, double... losses) {
        PhaseTracker t = new PhaseTracker(threshold);
        for (int i = 0; i < losses.length; i++) {
            t.observe(i, losses[i]);
        }
        return t;
    }

    @Test
    void nothingObserved() {
        PhaseTracker t = new PhaseTracker(0.1);
        assertEquals(-1, t.lastIncreaseStep());
        assertEquals(-1, t.firstBelowThresholdStep());
        assertEquals(0, t.increases());
        assertTrue(Double.isNaN(t.previousLoss()));
        assertEquals(0.1, t.threshold());
    }

    @Test
    void monotoneDecrease() {
        PhaseTracker t = run(0.25, 1, 0.5, 0.3, 0.25, 0.1);
        assertEquals(-1, t.lastIncreaseStep());
        assertEquals(3, t.firstBelowThresholdStep(), "at or below the threshold counts");
        assertEquals(0, t.increases());
        assertEquals(0.1, t.previousLoss());
    }

    @Test
    void oscillationThenDecrease() {
        PhaseTracker t = run(0.2, 1, 2, 0.5, 3, 0.4, 0.15, 0.18, 0.1, 0.05);
        assertEquals(6, t.lastIncreaseStep());
        assertEquals(3, t.increases());
        assertEquals(5, t.firstBelowThresholdStep(), "the first crossing is kept even if the risk rises again");
    }

    @Test
    void equalRiskIsNotAnIncreaseAndTheFirstStepNeverIs() {
        PhaseTracker t = run(0, 5, 5, 5);
        assertEquals(-1, t.lastIncreaseStep());
        assertEquals(-1, t.firstBelowThresholdStep());
    }

    @Test
    void stepsAreTakenFromTheCallerAndRestoreContinues() {
        PhaseTracker t = new PhaseTracker(1);
        t.observe(100, 3);
        t.observe(101, 4);
        assertEquals(101, t.lastIncreaseStep());
        PhaseTracker r = PhaseTracker.restore(1, t.lastIncreaseStep(), t.firstBelowThresholdStep(), t.increases(), t.previousLoss());
        r.observe(102, 5);
        r.observe(103, 0.5);
        assertEquals(102, r.lastIncreaseStep());
        assertEquals(2, r.increases());
        assertEquals(103, r.firstBelowThresholdStep());
    }

    @Test
    void zeroThresholdIsNeverReachedByPositiveRisk() {
        PhaseTracker t = run(0, 1, 1e-300, Double.MIN_VALUE);
        assertEquals(-1, t.firstBelowThresholdStep());
        t.observe(3, 0);
        assertEquals(3, t.firstBelowThresholdStep());
    }
}
