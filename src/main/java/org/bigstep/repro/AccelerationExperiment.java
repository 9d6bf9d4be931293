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

    private final long[] budgets;
    private final double[] smallEtas;

    AccelerationExperiment(long[] budgets, double[] smallEtas) {
        this.budgets = budgets.clone();
        this.smallEtas = smallEtas.clone();
    }

    /** Monotone candidates: 10^fromExp .. 10^toExp in quarter decades. */
    static double[] quarterDecades(double fromExp, double toExp) {
        int k = (int) Math.round((toExp - fromExp) * 4) + 1;
        double[] e = new double[k];
        for (int i = 0; i < k; i++) {
            e[i] = org.bigstep.io.Numbers.parseDecimal(String.format(java.util.Locale.ROOT, "%.6g", Math.pow(10, fromExp + i * 0.25)));
        }
        return e;
    }

    static AccelerationExperiment full() {
        return new AccelerationExperiment(new long[] {100, 300, 1000, 3000, 10000}, quarterDecades(0, 2.5));
    }

    static AccelerationExperiment quick() {
        return new AccelerationExperiment(new long[] {100, 300, 1000, 3000}, quarterDecades(0, 2.5));
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
        long longest = ts[ts.length - 1];
        // GD is deterministic: L(W_T) of a T-step run is row T of a longer run with the same stepsize, and a
        // risk monotone for T steps is monotone in the first T rows; so each small stepsize runs once, to the largest T.
        for (double eta : smallEtas) {
            runs.add(phi, WIDTH, eta, 0, longest);
        }
        for (double c : PROPORTIONS) {
            for (long t : ts) {
                runs.add(phi, WIDTH, c * t, 0, t);
            }
        }
        List<TraceReader.Trace> traces = runs.run();
        List<TraceReader.Trace> small = traces.subList(0, smallEtas.length);

        double[] x = new double[ts.length];
        double[][] large = new double[PROPORTIONS.length][ts.length];
        long[][] largeIncreases = new long[PROPORTIONS.length][ts.length];
        double[] best = new double[ts.length];
        double[] bestEta = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            x[i] = ts[i];
            best[i] = Double.NaN;
            for (TraceReader.Trace t : small) {
                double atT = TraceStats.at(t, "loss", ts[i]);
                if (Double.isFinite(atT) && noIncreaseUpTo(t, ts[i])) {
                    if (!(atT >= best[i])) {
                        best[i] = atT;
                        bestEta[i] = t.metaNumber("eta");
                    }
                }
            }
            for (int k = 0; k < PROPORTIONS.length; k++) {
                for (TraceReader.Trace t : traces) {
                    if ((long) t.metaNumber("steps") == ts[i] && t.metaNumber("eta") == PROPORTIONS[k] * ts[i]) {
                        double v = TraceStats.last(t, "loss");
                        large[k][i] = (long) t.steps()[t.rows() - 1] == ts[i] && Double.isFinite(v) ? v : Double.NaN;
                        largeIncreases[k][i] = TraceStats.increases(t);
                    }
                }
            }
        }
        double[] xAsym = tail(x, ts);
        TraceStats.Fit fitBest = TraceStats.logLogFit(x, best);
        TraceStats.Fit fitBestAsym = TraceStats.logLogFit(xAsym, tail(best, ts));
        TraceStats.Fit[] fits = new TraceStats.Fit[PROPORTIONS.length];
        TraceStats.Fit[] fitsAsym = new TraceStats.Fit[PROPORTIONS.length];
        LineChart finals = new LineChart("final risk after T steps", "budget T", "L(W_T)").logX(true).logY(true).legend("SW");
        for (int k = 0; k < PROPORTIONS.length; k++) {
            fits[k] = TraceStats.logLogFit(x, large[k]);
            fitsAsym[k] = TraceStats.logLogFit(xAsym, tail(large[k], ts));
            finals.add("eta = " + Report.num(PROPORTIONS[k]) + " T (slope " + Report.num(fitsAsym[k].slope()) + " for T >= " + ASYMPTOTIC_T + ")", x, large[k]);
        }
        finals.add("best monotone eta (slope " + Report.num(fitBestAsym.slope()) + " for T >= " + ASYMPTOTIC_T + ")", x, best);
        finals.reference("1/T", x, powerLaw(x, best[0], -1));
        finals.reference("1/T^2", x, powerLaw(x, best[0], -2));
        LineChart curves = new LineChart("risk, T = " + longest, "step t", "risk L(W_t)").logX(true).logY(true).legend("SW");
        for (TraceReader.Trace t : traces) {
            double eta = t.metaNumber("eta");
            if ((long) t.metaNumber("steps") == longest && java.util.Arrays.stream(PROPORTIONS).anyMatch(c -> c * longest == eta)) {
                curves.add("eta=" + org.bigstep.cli.SweepRunner.compact(t.metaNumber("eta")), t.steps(), t.column("loss"));
            }
        }
        for (TraceReader.Trace t : small) {
            if (t.metaNumber("eta") == bestEta[ts.length - 1]) {
                curves.add("eta=" + org.bigstep.cli.SweepRunner.compact(t.metaNumber("eta")) + " (best monotone)", t.steps(), t.column("loss"));
            }
        }
        Figures.savePanels(List.of(finals, curves), 2, context.figure("acceleration.png"));

        Report r = new Report().heading(2, title());
        r.paragraph("Setup: Theorem 4.3's two points x1 = (g, sqrt(1-g^2)), x2 = (g, -sqrt(1-g^2)/2), y = +1, g = " + GAMMA
                + "; W_0 = 0 (init scale 0), m = " + WIDTH + ", leaky softplus (alpha = inf phi' = "
                + Report.num(phi.constants().minSlope()) + " > 0). Budgets T = " + java.util.Arrays.toString(ts)
                + ". Large stepsizes: one run per T with eta = C T for C in " + java.util.Arrays.toString(PROPORTIONS)
                + ". Small stepsizes: eta in 10^0 .. 10^2.5 in quarter decades, each run once for the largest T; since GD is "
                + "deterministic, L(W_T) for a smaller T is read from row T of the same trace, and the best monotone stepsize "
                + "for T is the one with the smallest L(W_T) among those whose risk did not increase in steps 1..T. Every step "
                + "is traced. Slopes are least-squares fits of log10 L(W_T) against log10 T, over all T and over T >= "
                + ASYMPTOTIC_T + " (the theory's bounds are asymptotic: T must be large against 1/gamma^2 = "
                + Report.num(1 / (GAMMA * GAMMA)) + ").");
        r.figure("Acceleration: final risk against T", context.figureLink("acceleration.png"));
        List<String> header = new ArrayList<>(List.of("T"));
        for (double c : PROPORTIONS) {
            header.add("L(W_T), eta = " + Report.num(c) + " T (risk increases)");
        }
        header.addAll(List.of("best monotone eta", "L(W_T), best monotone"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ts.length; i++) {
            List<String> row = new ArrayList<>(List.of(Long.toString(ts[i])));
            for (int k = 0; k < PROPORTIONS.length; k++) {
                row.add(Report.num(large[k][i]) + " (" + largeIncreases[k][i] + ")");
            }
            row.add(Double.isNaN(best[i]) ? "none" : Report.num(bestEta[i]));
            row.add(Report.num(best[i]));
            rows.add(row);
        }
        r.table(header, rows);
        List<List<String>> claims = new ArrayList<>();
        for (int k = 0; k < PROPORTIONS.length; k++) {
            claims.add(List.of("Corollary 4.2: eta = Theta(T) gives L(W_T) = O(1/T^2) (slope -2 or steeper); here eta = "
                            + Report.num(PROPORTIONS[k]) + " T",
                    "slope " + fitText(fitsAsym[k]) + " for T >= " + ASYMPTOTIC_T + "; " + fitText(fits[k]) + " over all T"));
        }
        claims.add(List.of("Theorem 4.3: GD whose risk decreases monotonically has L(W_T) >= c/T (slope near -1 at best)",
                "slope " + fitText(fitBestAsym) + " for T >= " + ASYMPTOTIC_T + "; " + fitText(fitBest) + " over all T"));
        r.table(List.of("paper's claim", "measured in this run (fit of log10 L(W_T) on log10 T)"), claims);
        return r;
    }

    /** The fits' "asymptotic" range starts here. */
    static final long ASYMPTOTIC_T = 1000;

    /** eta = C T for these C. */
    static final double[] PROPORTIONS = {0.1, 1};

    private static boolean noIncreaseUpTo(TraceReader.Trace t, long step) {
        double[] loss = t.column("loss");
        double[] s = t.steps();
        for (int i = 1; i < loss.length && s[i] <= step; i++) {
            if (!(loss[i] <= loss[i - 1])) {
                return false;
            }
        }
        return true;
    }

    private static double[] tail(double[] v, long[] ts) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < ts.length; i++) {
            if (ts[i] >= ASYMPTOTIC_T) {
                out.add(v[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String fitText(TraceStats.Fit f) {
        return Report.num(f.slope()) + " (intercept " + Report.num(f.intercept()) + ", R^2 " + Report.num(f.r2()) + ", " + f.points() + " points)";
    }

    private static double[] powerLaw(double[] x, double y0, double slope) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = y0 * Math.pow(x[i] / x[0], slope);
        }
        return y;
    }
}
