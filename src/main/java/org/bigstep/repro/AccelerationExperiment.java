package org.bigstep.repro;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.data.Dataset;
import org.bigstep.io.TraceReader;
import org.bigstep.plot.Figures;
import org.bigstep.plot.LineChart;

/**
 * Corollary 4.2 against Theorem 4.3 on the two-point dataset with W_0 = 0 and a leaky activation
 * (alpha = 1/2 > 0): for a budget of T steps, GD with eta = c T reaches L(W_T) = O(1/T^2), while the best
 * stepsize whose risk decreases monotonically is stuck at Omega(1/T). The slopes of log L(W_T) against
 * log T are fitted by least squares.
 */
final class AccelerationExperiment implements Experiment {

    static final double GAMMA = 0.05;
    static final int WIDTH = 4;
    /** eta = C * T for the large-stepsize runs. */
    static final double C = 1.0;

    private final long[] budgets;
    private final double[] smallEtas;

    AccelerationExperiment(long[] budgets, double[] smallEtas) {
        this.budgets = budgets.clone();
        this.smallEtas = smallEtas.clone();
    }

    /** Monotone candidates: 10^(-1 .. 2.5) in quarter decades. */
    static double[] quarterDecades(double fromExp, double toExp) {
        int k = (int) Math.round((toExp - fromExp) * 4) + 1;
        double[] e = new double[k];
        for (int i = 0; i < k; i++) {
            e[i] = org.bigstep.io.Numbers.parseDecimal(String.format(java.util.Locale.ROOT, "%.6g", Math.pow(10, fromExp + i * 0.25)));
        }
        return e;
    }

    static AccelerationExperiment full() {
        return new AccelerationExperiment(new long[] {100, 300, 1000, 3000, 10000}, quarterDecades(-1, 2.5));
    }

    static AccelerationExperiment quick() {
        return new AccelerationExperiment(new long[] {100, 300, 1000, 3000}, quarterDecades(-1, 2.5));
    }

    @Override
    public String name() {
        return "acceleration";
    }

    @Override
    public String title() {
        return "Acceleration: eta proportional to T against the best monotone stepsize (Corollary 4.2, Theorem 4.3)";
    }

    @Override
    public Report run(Context context) throws IOException {
        Activation phi = Activations.parse("leaky-softplus");
        if (!(phi.constants().minSlope() > 0)) {
            throw new IllegalStateException("acceleration needs alpha = inf phi' > 0, found " + phi.constants().minSlope());
        }
        Dataset data = BuiltinDatasets.twoPoint(GAMMA);
        Runs runs = new Runs(name(), data, "twopoint:gamma=" + GAMMA, context).initScale(0);
        long[] ts = new long[budgets.length];
        for (int i = 0; i < budgets.length; i++) {
            ts[i] = context.steps(budgets[i], 10);
        }
        for (long t : ts) {
            runs.add(phi, WIDTH, C * t, 0, t);
            for (double eta : smallEtas) {
                if (eta < C * t) {
                    runs.add(phi, WIDTH, eta, 0, t);
                }
            }
        }
        List<TraceReader.Trace> traces = runs.run();

        double[] x = new double[ts.length];
        double[] large = new double[ts.length];
        double[] best = new double[ts.length];
        double[] bestEta = new double[ts.length];
        long[] largeIncreases = new long[ts.length];
        LineChart curves = new LineChart("risk of the runs with the largest T", "step t", "risk L(W_t)").logX(true).logY(true);
        for (int i = 0; i < ts.length; i++) {
            x[i] = ts[i];
            best[i] = Double.NaN;
            for (TraceReader.Trace t : traces) {
                long steps = (long) t.metaNumber("steps");
                if (steps != ts[i]) {
                    continue;
                }
                double eta = t.metaNumber("eta");
                double finalLoss = TraceStats.last(t, "loss");
                boolean completed = (long) t.steps()[t.rows() - 1] == steps && Double.isFinite(finalLoss);
                if (eta == C * ts[i]) {
                    large[i] = completed ? finalLoss : Double.NaN;
                    largeIncreases[i] = TraceStats.increases(t);
                    if (i == ts.length - 1) {
                        curves.add("eta=" + Report.num(eta) + " (= " + Report.num(C) + " T)", t.steps(), t.column("loss"));
                    }
                } else if (completed && TraceStats.increases(t) == 0 && !(finalLoss >= best[i])) {
                    best[i] = finalLoss;
                    bestEta[i] = eta;
                }
            }
            if (i == ts.length - 1) {
                for (TraceReader.Trace t : traces) {
                    if ((long) t.metaNumber("steps") == ts[i] && t.metaNumber("eta") == bestEta[i]) {
                        curves.add("eta=" + Report.num(bestEta[i]) + " (best monotone)", t.steps(), t.column("loss"));
                    }
                }
            }
        }
        TraceStats.Fit fitLarge = TraceStats.logLogFit(x, large);
        TraceStats.Fit fitBest = TraceStats.logLogFit(x, best);
        LineChart finals = new LineChart("final risk after T steps", "budget T", "L(W_T)").logX(true).logY(true);
        finals.add("eta = " + Report.num(C) + " T (slope " + Report.num(fitLarge.slope()) + ")", x, large);
        finals.add("best monotone eta (slope " + Report.num(fitBest.slope()) + ")", x, best);
        finals.reference("fit", x, line(x, fitLarge));
        finals.reference("fit ", x, line(x, fitBest));
        Figures.savePanels(List.of(finals, curves), 2, context.figure("acceleration.png"));

        Report r = new Report().heading(2, title());
        r.paragraph("Setup: Theorem 4.3's two points x1 = (g, sqrt(1-g^2)), x2 = (g, -sqrt(1-g^2)/2), y = +1, g = " + GAMMA
                + "; W_0 = 0 (init scale 0), m = " + WIDTH + ", leaky softplus (alpha = inf phi' = "
                + Report.num(phi.constants().minSlope()) + " > 0). For each budget T: one run with eta = " + Report.num(C)
                + " T, and runs with eta in 10^-1 .. 10^2.5 (quarter decades, below " + Report.num(C) + " T); the best monotone "
                + "stepsize is the one with the smallest L(W_T) among the runs whose risk never increased (every step traced).");
        r.figure("Acceleration: final risk against T", context.figureLink("acceleration.png"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ts.length; i++) {
            rows.add(List.of(Long.toString(ts[i]), Report.num(C * ts[i]), Report.num(large[i]), Long.toString(largeIncreases[i]),
                    Double.isNaN(best[i]) ? "none" : Report.num(bestEta[i]), Report.num(best[i]),
                    Report.num(best[i] / large[i])));
        }
        r.table(List.of("T", "eta = C T", "L(W_T), eta = C T", "its risk increases", "best monotone eta", "L(W_T), best monotone", "ratio"), rows);
        r.table(List.of("paper's claim", "measured in this run (least squares on log10 L(W_T) vs log10 T)"), List.of(
                List.of("Corollary 4.2: eta = Theta(T) gives L(W_T) = O(1/T^2) (slope near -2)",
                        "slope " + Report.num(fitLarge.slope()) + ", intercept " + Report.num(fitLarge.intercept())
                                + ", R^2 " + Report.num(fitLarge.r2()) + ", " + fitLarge.points() + " points"),
                List.of("Theorem 4.3: any GD with a monotonically decreasing risk has L(W_T) >= c/T (slope near -1 at best)",
                        "slope " + Report.num(fitBest.slope()) + ", intercept " + Report.num(fitBest.intercept())
                                + ", R^2 " + Report.num(fitBest.r2()) + ", " + fitBest.points() + " points")));
        return r;
    }

    private static double[] line(double[] x, TraceStats.Fit fit) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.pow(10, fit.intercept() + fit.slope() * Math.log10(x[i]));
        }
        return y;
    }
}
