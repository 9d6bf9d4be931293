package org.bigstep.margin;

/**
 * Tracks the two phases of large-stepsize GD from the risk sequence: the last step whose risk is above
 * the previous step's (the end of the edge-of-stability phase), and the first step whose risk is at or
 * below the stable-phase threshold. Theory: the first is at most the second. Steps never seen are -1.
 */
public final class PhaseTracker {

    private final double threshold;
    private long lastIncreaseStep = -1;
    private long firstBelowThresholdStep = -1;
    private long increases;
    private double previousLoss = Double.NaN;

    public PhaseTracker(double threshold) {
        this.threshold = threshold;
    }

    /** Restores a tracker from saved state (checkpoints). */
    public static PhaseTracker restore(double threshold, long lastIncreaseStep, long firstBelowThresholdStep,
                                       long increases, double previousLoss) {
        PhaseTracker t = new PhaseTracker(threshold);
        t.lastIncreaseStep = lastIncreaseStep;
        t.firstBelowThresholdStep = firstBelowThresholdStep;
        t.increases = increases;
        t.previousLoss = previousLoss;
        return t;
    }

    /** Observes L(W_t); call once per step in order. */
    public void observe(long step, double loss) {
        if (loss > previousLoss) {
            lastIncreaseStep = step;
            increases++;
        }
        if (firstBelowThresholdStep < 0 && loss <= threshold) {
            firstBelowThresholdStep = step;
        }
        previousLoss = loss;
    }

    public double threshold() {
        return threshold;
    }

    public long lastIncreaseStep() {
        return lastIncreaseStep;
    }

    public long firstBelowThresholdStep() {
        return firstBelowThresholdStep;
    }

    /** How many steps had a higher risk than the step before. */
    public long increases() {
        return increases;
    }

    public double previousLoss() {
        return previousLoss;
    }
}
