package org.bigstep.training;

import org.bigstep.margin.PhaseTracker;
import org.bigstep.margin.StepRecord;
import org.bigstep.model.TwoLayerNetwork;

/** Sees every step: the record at W_t and the network holding W_t, before update t. */
public interface StepListener {

    void onStep(StepRecord record, TwoLayerNetwork network);

    /**
     * Before step t is evaluated: the network holds W_t and {@code phases} has seen steps before t only,
     * and every listener has seen steps before t only. A consistent point to save the state of a run
     * (checkpoints): resuming from it evaluates step t first. Do not modify the network or the tracker.
     */
    default void beforeStep(long step, TwoLayerNetwork network, PhaseTracker phases) {
    }

    /** After the last step, diverged or not. */
    default void onFinish(TrainingResult result) {
    }
}
