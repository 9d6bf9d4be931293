package org.bigstep.training;

import org.bigstep.activation.Activation;
import org.bigstep.data.Dataset;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.kernel.KernelSpec;
import org.bigstep.kernel.Kernels;
import org.bigstep.kernel.StepKernel;
import org.bigstep.model.TwoLayerNetwork;

/**
 * Accuracy on a held-out set: the fraction of samples with y f(W; x) &gt; 0, evaluated with the same kind of
 * kernel as training (one pass over the test set costs about one training step on that many samples, so
 * callers evaluate it every K steps, not every step). The last value is cached by step so the final trace
 * row and the summary share one evaluation. Close it to stop the kernel's threads.
 */
public final class HeldOutAccuracy implements AutoCloseable {

    private final Dataset test;
    private final StepKernel kernel;
    private final float[] weights;
    private final float[] margins;
    private final float[] gradient;
    private long cachedStep = Long.MIN_VALUE;
    private double cached;

    public HeldOutAccuracy(Dataset test, Activation activation, TwoLayerNetwork network, int threads, KernelChoice choice) {
        if (test.dimension() != network.dimension()) {
            throw new IllegalArgumentException("test set has d=" + test.dimension() + " but the network has d=" + network.dimension());
        }
        this.test = test;
        this.kernel = Kernels.create(new KernelSpec(test, activation, network.signs(), network.scale(), threads), choice);
        this.weights = new float[network.width() * network.dimension()];
        this.margins = new float[test.size()];
        this.gradient = new float[weights.length];
    }

    public Dataset data() {
        return test;
    }

    /** The accuracy of the network's current weights; {@code step} identifies them for the cache. */
    public double accuracy(long step, TwoLayerNetwork network) {
        if (step != cachedStep) {
            cached = accuracy(network);
            cachedStep = step;
        }
        return cached;
    }

    /** The accuracy of the network's current weights, evaluated now. */
    public double accuracy(TwoLayerNetwork network) {
        network.copyWeightsTo(weights);
        kernel.evaluate(weights, margins, gradient);
        int correct = 0;
        for (float q : margins) {
            if (q > 0) {
                correct++;
            }
        }
        return correct / (double) margins.length;
    }

    @Override
    public void close() {
        kernel.close();
    }
}
