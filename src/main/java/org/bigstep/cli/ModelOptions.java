package org.bigstep.cli;

import java.nio.file.Path;
import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.bigstep.io.InputException;
import org.bigstep.io.ModelCsv;
import org.bigstep.model.TwoLayerNetwork;
import picocli.CommandLine.Option;

/** The network: activation, width, scale and initialisation. */
public final class ModelOptions {

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "leaky-softplus",
            description = "softplus, leaky-softplus, gelu, gelu-tanh, silu, huber-relu[:h=H], sigmoid, relu, "
                    + "leaky:c=C,base=NAME (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--width", paramLabel = "M", description = "Number of neurons m (default 20, or the --init file's).")
    Integer width;

    @Option(names = "--scale", paramLabel = "B", defaultValue = "1", description = "Output scale b in f = (b/m) sum_j a_j phi(<w_j,x>) (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--init-scale", paramLabel = "S", defaultValue = "1", description = "Initial weights ~ N(0, S^2/d) (default: ${DEFAULT-VALUE}).")
    double initScale;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--init", paramLabel = "FILE", description = "Initial signs and weights, CSV 'sign,w0,...,w{d-1}'; the width comes from the file.")
    Path init;

    public static final int DEFAULT_WIDTH = 20;

    public Activation activation() {
        try {
            return Activations.parse(activation);
        } catch (IllegalArgumentException e) {
            throw new InputException("--activation: " + e.getMessage());
        }
    }

    /** Builds the initial network for data of dimension d, checking the options against each other. */
    public TwoLayerNetwork network(int d) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new InputException("--scale: expected a positive finite number, found " + scale);
        }
        if (init != null) {
            ModelCsv.Weights w = ModelCsv.read(init);
            if (w.dimension() != d) {
                throw new InputException(init, 1, "expected " + d + " weight columns (the data has d=" + d + "), found " + w.dimension());
            }
            if (width != null && width != w.width()) {
                throw new InputException(init, 0, "has " + w.width() + " neurons but --width is " + width + "; drop --width or make them agree");
            }
            return w.toNetwork(scale);
        }
        int m = width == null ? DEFAULT_WIDTH : width;
        if (m < 1) {
            throw new InputException("--width: expected at least 1, found " + m);
        }
        if (!(initScale >= 0) || Double.isInfinite(initScale)) {
            throw new InputException("--init-scale: expected a finite number >= 0, found " + initScale);
        }
        if ((long) m * d > Integer.MAX_VALUE - 16) {
            throw new InputException("--width " + m + " with d=" + d + " needs more weights than one Java array holds");
        }
        return TwoLayerNetwork.initialize(m, d, seed, initScale, scale);
    }

    /** How W_0 was made, for metadata. */
    public String initDescription() {
        return init != null ? "file:" + init : "gaussian:seed=" + seed + ",init_scale=" + initScale;
    }

    public long seed() {
        return seed;
    }
}
