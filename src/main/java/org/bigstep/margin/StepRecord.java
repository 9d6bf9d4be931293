package org.bigstep.margin;

/**
 * What is tracked at W_t, before update t. Mutable and reused from step to step so that tracking
 * allocates nothing; take a {@link #copy} to keep one.
 */
public final class StepRecord {

    long step;
    double loss;
    double minMargin;
    double normalizedMargin;
    double smoothedMargin;
    double modifiedMargin;
    double logLoss;
    double weightNorm;
    double gradNorm;
    float[] margins;

    public long step() {
        return step;
    }

    /** L(W_t), the mean logistic loss. */
    public double loss() {
        return loss;
    }

    /** log L(W_t), exact even where L itself underflows double (margins above ~745). */
    public double logLoss() {
        return logLoss;
    }

    /** min_i y_i f(W_t; x_i). */
    public double minMargin() {
        return minMargin;
    }

    /** min margin / ||W_t||_F. */
    public double normalizedMargin() {
        return normalizedMargin;
    }

    /** -log L(W_t) / ||W_t||_F. */
    public double smoothedMargin() {
        return smoothedMargin;
    }

    /** The paper's modified margin gamma_c, NaN where undefined. */
    public double modifiedMargin() {
        return modifiedMargin;
    }

    /** ||W_t||_F. */
    public double weightNorm() {
        return weightNorm;
    }

    /** ||grad L(W_t)||_F. */
    public double gradNorm() {
        return gradNorm;
    }

    /** The per-sample margins q_i at this step; live only during the listener call, null in copies. */
    public float[] margins() {
        return margins;
    }

    public boolean finite() {
        return Double.isFinite(loss) && Double.isFinite(weightNorm) && Double.isFinite(gradNorm);
    }

    public StepRecord copy() {
        StepRecord r = new StepRecord();
        r.step = step;
        r.loss = loss;
        r.minMargin = minMargin;
        r.normalizedMargin = normalizedMargin;
        r.smoothedMargin = smoothedMargin;
        r.modifiedMargin = modifiedMargin;
        r.logLoss = logLoss;
        r.weightNorm = weightNorm;
        r.gradNorm = gradNorm;
        return r;
    }

    /** Below this the risk has lost digits to subnormals and its log is recomputed from the margins. */
    private static final double TINY = 1e-290;

    /**
     * log((1/n) sum_i log(1 + e^{-q_i})) from the margins, stable when every loss is below the double
     * range: there log(1 + e^{-q}) = e^{-q} to full precision, so this is a log-sum-exp around the smallest margin.
     */
    static double logRisk(float[] margins, int n, double minMargin) {
        if (!(minMargin > 40)) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += org.bigstep.loss.Logistic.loss(margins[i]);
            }
            return Math.log(sum / n);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(minMargin - margins[i]);
        }
        return -minMargin + Math.log(sum) - Math.log(n);
    }

    /**
     * Fills the record from a kernel evaluation: margins in float, norms from the double master weights.
     */
    public void set(long step, double loss, float[] margins, int n, double weightNorm, double gradNorm,
                    NetworkConstants constants, double eta) {
        float min = Float.POSITIVE_INFINITY;
        boolean nan = false;
        for (int i = 0; i < n; i++) {
            float q = margins[i];
            nan |= q != q;
            min = Math.min(min, q);
        }
        this.step = step;
        this.loss = loss;
        this.minMargin = nan ? Double.NaN : min;
        this.weightNorm = weightNorm;
        this.gradNorm = gradNorm;
        this.normalizedMargin = minMargin / weightNorm;
        this.logLoss = loss > TINY ? Math.log(loss) : logRisk(margins, n, min);
        this.smoothedMargin = -logLoss / weightNorm;
        this.modifiedMargin = constants.modifiedMarginFromLog(logLoss, weightNorm, eta, n);
        this.margins = margins;
    }
}
