package org.bigstep.training;

import org.bigstep.margin.StepRecord;

/**
 * The outcome of a run.
 *
 * @param lastRecord              the record at the last step evaluated (W_T, or the step that diverged)
 * @param stableThreshold         1 / (eta (2 rho^2 + beta))
 * @param firstBelowThresholdStep first step with L at or below the threshold, -1 if none
 * @param lastIncreaseStep        last step whose risk rose above the previous one, -1 if none
 * @param divergedStep            the step whose risk or weights were not finite, -1 if none
 * @param updates                 number of updates performed in this call
 * @param loopSeconds             wall time of the step loop
 */
public record TrainingResult(StepRecord lastRecord, double stableThreshold, long firstBelowThresholdStep,
                             long lastIncreaseStep, long increases, long divergedStep, long updates,
                             double loopSeconds, String kernel, int vectorBits, int threads) {

    public boolean diverged() {
        return divergedStep >= 0;
    }

    public double stepsPerSecond() {
        return loopSeconds > 0 ? updates / loopSeconds : 0;
    }
}
