package org.bigstep.repro;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.bigstep.io.TraceReader;
import org.bigstep.plot.Figures;
import org.bigstep.plot.LineChart;

/**
 * Figure 2 (d-f) and Figure 3 on a two-class image set: m = 40, softplus and leaky softplus, a stepsize
 * grid; risk, eta t L, normalized margin and test accuracy against the step.
 */
final class ImagesExperiment implements Experiment {

    static final int WIDTH = 40;
    static final long SEED = 0;
    static final List<String> ACTIVATIONS = List.of("softplus", "leaky-softplus");

    private final double[] etas;
    private final long fullSteps;

    ImagesExperiment(double[] etas, long fullSteps) {
        this.etas = etas.clone();
        this.fullSteps = fullSteps;
    }

    static ImagesExperiment full() {
        return new ImagesExperiment(new double[] {1, 10, 100, 1000}, 2000);
    }

    @Override
    public String name() {
        return "images";
    }

    @Override
    public String title() {
        return "Images: risk, stable-phase rate, normalized margin and test accuracy (Figure 2 d-f, Figure 3)";
    }

    @Override
    public Report run(Context context) throws IOException {
        Context.ImageData data = context.imageData();
        if (data == null) {
            throw new IllegalArgumentException("images: no image data in this build; pass --data FILE or --dataset SPEC");
        }
        long steps = context.steps(fullSteps, 20);
        long traceEvery = Math.max(1, steps / 1000);
        Runs runs = new Runs(name(), data.train(), data.description(), context).traceEvery(traceEvery);
        if (data.test() != null) {
            runs.test(data.test());
        }
        List<Activation> phis = new ArrayList<>();
        for (String a : ACTIVATIONS) {
            Activation phi = Activations.parse(a);
            phis.add(phi);
            for (double eta : etas) {
                runs.add(phi, WIDTH, eta, SEED, steps);
            }
        }
        List<TraceReader.Trace> traces = runs.run();

        Report r = new Report().heading(2, title());
        r.paragraph("Setup: " + data.description() + " (n = " + data.train().size() + ", d = " + data.train().dimension()
                + (data.test() != null ? ", " + data.test().size() + " test samples" : ", no test set") + "), m = " + WIDTH
                + ", Gaussian init (seed " + SEED + "), T = " + steps + " steps, traced every " + traceEvery
                + " steps (phase steps are at that resolution).");
        List<List<String>> rows = new ArrayList<>();
        for (Activation phi : phis) {
            List<TraceReader.Trace> mine = new ArrayList<>();
            for (TraceReader.Trace t : traces) {
                if (phi.name().equals(t.meta("activation"))) {
                    mine.add(t);
                }
            }
            LineChart risk = new LineChart(phi.name() + ": risk", "step t", "risk L(W_t)").logX(true).logY(true);
            LineChart rate = new LineChart(phi.name() + ": stable-phase rate", "step t", "eta * t * L(W_t)").logX(true).logY(true);
            LineChart margin = new LineChart(phi.name() + ": normalized margin", "step t", "min_i y_i f(x_i) / ||W||").logX(true);
            LineChart accuracy = new LineChart(phi.name() + ": test accuracy", "step t", "test accuracy").logX(true);
            for (TraceReader.Trace t : mine) {
                String label = "eta=" + org.bigstep.cli.SweepRunner.compact(t.metaNumber("eta"));
                risk.add(label, t.steps(), t.column("loss"));
                rate.add(label, t.steps(), XorExperiment.etaTLoss(t));
                margin.add(label, t.steps(), t.column("normalized_margin"));
                if (t.has("test_accuracy")) {
                    accuracy.add(label, t.steps(), t.column("test_accuracy"));
                }
                double threshold = t.metaNumber("stable_threshold");
                long lastInc = TraceStats.lastIncrease(t);
                long firstBelow = TraceStats.firstAtOrBelow(t, "loss", threshold);
                TraceStats.Decreases nm = TraceStats.decreasesAfter(t, "normalized_margin", Math.max(0, lastInc));
                long lastStep = (long) t.steps()[t.rows() - 1];
                rows.add(List.of(phi.name(), Report.num(t.metaNumber("eta")), Long.toString(TraceStats.increases(t)),
                        Report.step(lastInc), Report.step(firstBelow),
                        lastStep < steps ? "diverged at " + lastStep : Report.num(TraceStats.last(t, "loss")),
                        Report.num(TraceStats.last(t, "normalized_margin")), Long.toString(nm.count()),
                        t.has("test_accuracy") ? Report.num(TraceStats.last(t, "test_accuracy")) : "n/a"));
            }
            List<LineChart> panels = new ArrayList<>(List.of(risk, rate, margin));
            if (data.test() != null) {
                panels.add(accuracy);
            }
            String file = "images-" + phi.name() + ".png";
            Figures.savePanels(panels, 2, context.figure(file));
            r.figure("images, " + phi.name(), context.figureLink(file));
        }
        r.table(List.of("activation", "eta", "risk increases (traced rows)", "last increase", "first below stable threshold",
                "L(W_T)", "normalized margin at T", "its decreases after last increase", "test accuracy at T"), rows);
        r.paragraph("Paper (CIFAR-10 airplane vs automobile): larger stepsizes oscillate at first and then reach a lower risk "
                + "and a larger normalized margin sooner; test accuracy is similar or better with the larger stepsizes. "
                + "Compare with the rows above.");
        return r;
    }
}
