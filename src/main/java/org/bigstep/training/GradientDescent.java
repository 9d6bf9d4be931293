package org.bigstep.training;

import java.util.List;
import org.bigstep.data.Dataset;
import org.bigstep.kernel.KernelSpec;
import org.bigstep.kernel.Kernels;
import org.bigstep.kernel.StepKernel;
import org.bigstep.margin.NetworkConstants;
import org.bigstep.margin.PhaseTracker;
import org.bigstep.margin.StepRecord;
import org.bigstep.model.TwoLayerNetwork;

/**
 * Full-batch gradient descent with a constant stepsize: W_{t+1} = W_t - eta grad L(W_t), t = 0 .. T-1.
 *
 * <p>Every step evaluates W_t (risk, margins, gradient) with a kernel reading a float32 copy of W, reports
 * it to the listeners, and then updates the double master weights, so updates far below float32
 * resolution still accumulate. A non-finite risk, gradient or weight norm stops the run at that step.
 */
public final class GradientDescent {

    private final TrainingOptions options;

    public GradientDescent(TrainingOptions options) {
        this.options = options;
    }

    public TrainingOptions options() {
        return options;
    }

    /** The network-level constants for this activation, network and data. */
    public NetworkConstants constants(TwoLayerNetwork network, Dataset data) {
        return NetworkConstants.of(options.activation(), network.width(), network.scale(), data.radius());
    }

    /** Trains {@code network} in place from step 0. */
    public TrainingResult train(TwoLayerNetwork network, Dataset data, List<? extends StepListener> listeners) {
        double threshold = constants(network, data).stableThreshold(options.eta());
        return train(network, data, 0, new PhaseTracker(threshold), listeners);
    }

    public TrainingResult train(TwoLayerNetwork network, Dataset data, StepListener... listeners) {
        return train(network, data, List.of(listeners));
    }

    /**
     * Continues from step {@code firstStep} with W_firstStep in {@code network} and the phase state so far
     * (resume); evaluates steps firstStep .. T.
     */
    public TrainingResult train(TwoLayerNetwork network, Dataset data, long firstStep, PhaseTracker phases,
                                List<? extends StepListener> listeners) {
        if (network.dimension() != data.dimension()) {
            throw new IllegalArgumentException("network has d=" + network.dimension() + " but the data has d=" + data.dimension());
        }
        if (firstStep < 0 || firstStep > options.steps()) {
            throw new IllegalArgumentException("first step " + firstStep + " is outside 0.." + options.steps());
        }
        NetworkConstants constants = constants(network, data);
        KernelSpec spec = new KernelSpec(data, options.activation(), network.signs(), network.scale(), options.threads());
        try (StepKernel kernel = Kernels.create(spec, options.kernel())) {
            // an array, not the list: an iterator per step is garbage whenever C2 cannot prove it local (a JVM
            // that has trained with several kinds of list, as a test run or a sweep has)
            return loop(network, data, firstStep, phases, constants, kernel, listeners.toArray(new StepListener[0]));
        }
    }

    /**
     * The gradient scale exponent for a step whose smallest margin is {@code minMargin}: 0 while every
     * sigmoid(-q_i) is comfortably inside the float range (q below 40), then a multiple of 32 at least 20
     * below the smallest margin, so e^(shift - q_i) is at most e^-20 and rarely changes between steps.
     */
    static double gradientShift(double minMargin) {
        if (!(minMargin > 40) || Double.isInfinite(minMargin)) {
            return 0;
        }
        return 32 * Math.floor((minMargin - 20) / 32);
    }

    private static double minimum(float[] v, int n) {
        float min = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, v[i]);
        }
        return min;
    }

    private TrainingResult loop(TwoLayerNetwork network, Dataset data, long firstStep, PhaseTracker phases,
                                NetworkConstants constants, StepKernel kernel, StepListener[] listeners) {
        int n = data.size();
        double[] w = network.weights();
        float[] w32 = new float[w.length];
        float[] gradient = new float[w.length];
        float[] margins = new float[n];
        double eta = options.eta();
        StepRecord record = new StepRecord();
        long diverged = -1;
        long updates = 0;
        long start = System.nanoTime();
        network.copyWeightsTo(w32);
        double weightNorm = network.frobeniusNorm();
        double shift = 0;
        for (long t = firstStep; ; t++) {
            for (StepListener l : listeners) {
                l.beforeStep(t, network, phases);
            }
            // the shift is a function of W_t's margins alone (so results do not depend on history, e.g. a
            // resume); the previous step's shift is the guess, and a wrong guess costs one more evaluation
            double loss = kernel.evaluate(w32, margins, gradient, shift);
            double needed = gradientShift(minimum(margins, n));
            if (needed != shift) {
                shift = needed;
                loss = kernel.evaluate(w32, margins, gradient, shift);
            }
            double unscale = Math.exp(-shift);
            record.set(t, loss, margins, n, weightNorm, Math.sqrt(kernel.gradientSumOfSquares()) * unscale, constants, eta);
            if (record.finite()) {
                phases.observe(t, loss);
            }
            for (StepListener l : listeners) {
                l.onStep(record, network);
            }
            if (!record.finite()) {
                diverged = t;
                break;
            }
            if (t == options.steps()) {
                break;
            }
            // one pass on the kernel's threads: update the double master weights, refresh the float32 copy and
            // the norm for step t+1 (summed as frobeniusNorm sums it, so a resumed run's first norm is the same)
            weightNorm = Math.sqrt(kernel.update(w, w32, gradient, eta * unscale));
            updates++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StepRecord last = record.copy();
        TrainingResult result = new TrainingResult(last, phases.threshold(), phases.firstBelowThresholdStep(),
                phases.lastIncreaseStep(), phases.increases(), diverged, updates, seconds,
                kernel.name(), kernel.vectorBits(), kernel.threads());
        for (StepListener l : listeners) {
            l.onFinish(result);
        }
        return result;
    }
}
