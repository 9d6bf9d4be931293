package org.bigstep.training;

import org.bigstep.margin.StepRecord;
import org.bigstep.model.TwoLayerNetwork;

/** Sees every step: the record at W_t and the network holding W_t, before update t. */
public interface StepListener {

    void onStep(StepRecord record, TwoLayerNetwork network);

    /** After the last step, diverged or not. */
    default void onFinish(TrainingResult result) {
    }
}
