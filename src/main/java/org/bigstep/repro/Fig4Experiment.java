package org.bigstep.repro;

import java.io.IOException;
import java.util.List;
import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.data.Dataset;
import org.bigstep.io.TraceReader;
import org.bigstep.plot.Figures;
import org.bigstep.plot.LineChart;

/**
 * Figure 4: five points in R^3, m = 2 with a = (+1, -1), leaky softplus, eta = 3. Neither neuron alone
 * separates the data (both per-neuron margins stay negative) while the network's margin grows and turns
 * positive: margin improvement is a property of the network, not of its neurons.
 */
final class Fig4Experiment implements Experiment {

    static final int WIDTH = 2;
    static final double ETA = 3;

    private final long seed;
    private final long fullSteps;

    Fig4Experiment(long seed, long fullSteps) {
        this.seed = seed;
        this.fullSteps = fullSteps;
    }

    static Fig4Experiment full() {
        return new Fig4Experiment(SEED, 100_000);
    }

    static final long SEED = 0;
    /** Every 5th step: the margins move smoothly at eta = 3 (the risk never goes up), and 1e5 rows would be 17 MB. */
    static final long TRACE_EVERY = 5;

    /** The margin-improvement threshold from the trace's metadata (rho, beta, kappa, n, eta). */
    static double marginThreshold(TraceReader.Trace t) {
        org.bigstep.margin.NetworkConstants c = new org.bigstep.margin.NetworkConstants(t.metaNumber("rho"), t.metaNumber("beta"),
                t.metaNumber("kappa"), t.metaNumber("data_radius"));
        return c.marginThreshold(t.metaNumber("eta"), (int) t.metaNumber("n"));
    }

    @Override
    public String name() {
        return "fig4";
    }

    @Override
    public String title() {
        return "Five points in R^3, two neurons: per-neuron margins vs the network margin (Figure 4)";
    }

    @Override
    public Report run(Context context) throws IOException {
        long steps = context.steps(fullSteps, 200);
        Activation phi = Activations.parse("leaky-softplus");
        Dataset data = BuiltinDatasets.fig4();
        Runs runs = new Runs(name(), data, "fig4", context);
        for (int j = 0; j < WIDTH; j++) {
            int neuron = j;
            runs.column(a -> Columns.neuronMargin(neuron, data, a));
        }
        runs.traceEvery(TRACE_EVERY).add(phi, WIDTH, ETA, seed, steps);
        TraceReader.Trace t = runs.run().get(0);

        LineChart margins = new LineChart("margins", "step t", "margin").logX(true).legend("SW");
        margins.add("network min_i y_i f(x_i)", t.steps(), t.column("min_margin"));
        margins.add("neuron 1 (a=+1): min_i y_i a_1 phi(<w_1,x_i>)", t.steps(), t.column("neuron_margin_0"));
        margins.add("neuron 2 (a=-1): min_i y_i a_2 phi(<w_2,x_i>)", t.steps(), t.column("neuron_margin_1"));
        margins.reference("zero", new double[] {1, Math.max(2, steps)}, new double[] {0, 0});
        LineChart normalized = new LineChart("normalized margin", "step t", "min_i y_i f(x_i) / ||W||").logX(true);
        normalized.add("network", t.steps(), t.column("normalized_margin"));
        LineChart risk = new LineChart("risk", "step t", "risk L(W_t)").logX(true).logY(true);
        risk.add("eta=3", t.steps(), t.column("loss"));
        Figures.savePanels(List.of(margins, normalized, risk), 3, context.figure("fig4.png"));

        double max0 = TraceStats.max(t, "neuron_margin_0");
        double max1 = TraceStats.max(t, "neuron_margin_1");
        long positive = TraceStats.firstAbove(t, "min_margin", 0);
        double first = t.column("min_margin")[0];
        double last = TraceStats.last(t, "min_margin");
        long lastInc = TraceStats.lastIncrease(t);
        double marginThreshold = marginThreshold(t);
        long improving = TraceStats.firstAtOrBelow(t, "loss", marginThreshold);
        TraceStats.Decreases nm = TraceStats.decreasesAfter(t, "normalized_margin", improving < 0 ? Long.MAX_VALUE : improving);
        Report r = new Report().heading(2, title());
        r.paragraph("Setup: the paper's five points in R^3 (max-margin direction (1,0,0), margin 0.05), m = 2, a = (+1, -1), "
                + "leaky softplus, eta = 3, Gaussian init (seed " + seed + "), T = " + steps + " steps, every step traced "
                + "every " + TRACE_EVERY + " steps with the per-neuron margins as extra columns `neuron_margin_0`, `neuron_margin_1` "
                + "(computed in double); maxima are over the traced rows.");
        r.figure("Figure 4: per-neuron and network margins", context.figureLink("fig4.png"));
        r.table(List.of("paper's claim", "measured in this run"), List.of(
                List.of("Neuron 1's margin min_i y_i a_1 phi(<w_1,x_i>) stays negative", "max over all steps " + Report.num(max0)
                        + (max0 < 0 ? " (negative throughout)" : " (NOT negative throughout)")),
                List.of("Neuron 2's margin stays negative", "max over all steps " + Report.num(max1)
                        + (max1 < 0 ? " (negative throughout)" : " (NOT negative throughout)")),
                List.of("The network's margin grows and turns positive", "min margin " + Report.num(first) + " at step 0, first positive at step "
                        + Report.step(positive) + ", " + Report.num(last) + " at step " + (long) t.steps()[t.rows() - 1]),
                List.of("The risk decreases (eta = 3 is a small stepsize here)", TraceStats.increases(t) + " increases between traced rows, last at step "
                        + Report.step(lastInc)),
                List.of("Once L <= min(1/(2n e^(kappa+2)), 1/(eta(4rho^2+2beta))) the (modified) margin increases",
                        "threshold " + Report.num(marginThreshold) + " reached at step " + Report.step(improving)
                        + (improving < 0 ? "" : "; normalized margin " + Report.num(TraceStats.at(t, "normalized_margin", improving))
                        + " there -> " + Report.num(TraceStats.last(t, "normalized_margin")) + " at T, " + nm.count() + " decreases between traced rows after it"
                        + (nm.count() > 0 ? " (largest " + Report.num(nm.largest()) + ")" : "")))));
        return r;
    }
}
