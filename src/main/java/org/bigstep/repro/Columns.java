package org.bigstep.repro;

import org.bigstep.activation.Activation;
import org.bigstep.data.Dataset;
import org.bigstep.io.TraceWriter;
import org.bigstep.margin.StepRecord;
import org.bigstep.model.TwoLayerNetwork;

/** Extra trace columns the experiments need, computed from the network in double for the rows written. */
final class Columns {

    private Columns() {
    }

    /** neuron_margin_J = min_i y_i a_j phi(&lt;w_j, x_i&gt;): the margin neuron j alone would have (Figure 4). */
    static TraceWriter.Column neuronMargin(int j, Dataset data, Activation phi) {
        return new TraceWriter.Column() {
            @Override
            public String name() {
                return "neuron_margin_" + j;
            }

            @Override
            public double value(StepRecord record, TwoLayerNetwork network) {
                float[] x = data.features();
                float[] y = data.labels();
                int d = data.dimension();
                double min = Double.POSITIVE_INFINITY;
                for (int i = 0; i < data.size(); i++) {
                    min = Math.min(min, y[i] * network.sign(j) * phi.value(network.preActivation(j, x, i * d)));
                }
                return min;
            }
        };
    }
}
