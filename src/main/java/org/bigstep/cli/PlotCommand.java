package org.bigstep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.bigstep.io.InputException;
import org.bigstep.io.TraceReader;
import org.bigstep.plot.Figures;
import org.bigstep.plot.LineChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bigstep plot}: trace columns against the step, several runs in one figure. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Plot trace columns of one or more runs against the step (or eta*t), with a legend.",
        footer = {"", "Y: a trace column (loss, min_margin, normalized_margin, smoothed_margin, modified_margin,",
            "weight_norm, grad_norm, or an extra column such as test_accuracy), or eta_t_loss = eta * t * L(W_t)",
            "(flat in the stable phase, where L = Theta(1/(eta t))); several separated by commas.",
            "X: step, or eta_t = eta * t (the stepsize from each trace's '# eta=' line).",
            "The loss is drawn on a log axis unless --no-log-y; points a log axis cannot show (<= 0) and",
            "undefined values (NaN) are left out. Legend labels: the metadata that differs between the traces",
            "(activation, width, eta, seed, dataset), else the file names.",
            "Exit codes: 0 ok, 2 bad input (nothing is written), 1 internal error."})
final class PlotCommand implements Callable<Integer> {

    static final List<String> LABEL_KEYS = List.of("dataset", "activation", "width", "eta", "seed");

    @Parameters(paramLabel = "TRACE", arity = "1..*", description = "Trace CSV files written by train, sweep or reproduce.")
    List<Path> traces;

    @Option(names = "--out", paramLabel = "FILE.png|FILE.svg", required = true, description = "The figure; the format follows the extension.")
    Path out;

    @Option(names = "--y", paramLabel = "COLUMN[,COLUMN]", defaultValue = "loss", description = "What to plot (default: ${DEFAULT-VALUE}).")
    String y;

    @Option(names = "--x", paramLabel = "step|eta_t", defaultValue = "step", description = "Horizontal axis (default: ${DEFAULT-VALUE}).")
    String x;

    @Option(names = "--log-x", description = "Log horizontal axis (step 0 is left out).")
    boolean logX;

    @Option(names = "--log-y", negatable = true, description = "Log vertical axis (default: on for loss and eta_t_loss alone).")
    Boolean logY;

    @Option(names = "--title", paramLabel = "TEXT", description = "Figure title (default: the columns plotted).")
    String title;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "800x560", description = "Figure size in pixels (default: ${DEFAULT-VALUE}).")
    String size;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LineChart chart = chart();
        int[] wh = size();
        Figures.save(chart, out, wh[0], wh[1]);
        spec.commandLine().getOut().println("wrote " + out);
        return ExitCode.OK;
    }

    /** Reads and checks everything (nothing is written) and builds the chart. */
    LineChart chart() {
        try {
            Figures.formatOf(out);
        } catch (IllegalArgumentException e) {
            throw new InputException("--out " + e.getMessage());
        }
        size();
        if (Files.isDirectory(out)) {
            throw new InputException("--out " + out + ": is a directory, expected a file name");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InputException("--out " + out + ": the directory " + parent + " does not exist");
        }
        if (!x.equals("step") && !x.equals("eta_t")) {
            throw new InputException("--x: expected step or eta_t, found '" + x + "'");
        }
        List<String> ys = new ArrayList<>();
        for (String c : y.split(",", -1)) {
            if (c.isBlank()) {
                throw new InputException("--y: '" + y + "': expected comma-separated column names, found an empty one");
            }
            ys.add(c.strip());
        }
        List<TraceReader.Trace> read = new ArrayList<>();
        for (Path p : traces) {
            TraceReader.Trace t = TraceReader.read(p);
            for (String c : ys) {
                if (!c.equals("eta_t_loss") && !t.has(c)) {
                    throw new InputException(p + ": has no column '" + c + "'; its columns are " + String.join(",", t.columns())
                            + " (and eta_t_loss)");
                }
            }
            if (x.equals("eta_t") || ys.contains("eta_t_loss")) {
                t.metaNumber("eta");
            }
            read.add(t);
        }
        boolean allLoss = ys.stream().allMatch(c -> c.equals("loss") || c.equals("eta_t_loss"));
        boolean log = logY == null ? allLoss : logY;
        String yLabel = ys.size() == 1 ? axisLabel(ys.get(0)) : String.join(", ", ys);
        LineChart chart = new LineChart(title != null ? title : String.join(", ", ys) + " vs " + (x.equals("step") ? "step" : "eta t"),
                x.equals("step") ? "step t" : "eta * t", yLabel).logX(logX).logY(log);
        List<String> labels = labels(read);
        for (int i = 0; i < read.size(); i++) {
            TraceReader.Trace t = read.get(i);
            double[] steps = t.steps();
            double[] xs = x.equals("step") ? steps : scaled(steps, t.metaNumber("eta"));
            for (String c : ys) {
                double[] values = c.equals("eta_t_loss") ? etaTLoss(t) : t.column(c);
                chart.add(ys.size() > 1 ? labels.get(i) + " " + c : labels.get(i), xs, values);
            }
        }
        try {
            chart.toXChart(100, 100);
        } catch (IllegalArgumentException e) {
            throw new InputException("plot: " + e.getMessage());
        }
        return chart;
    }

    private int[] size() {
        String[] parts = size.toLowerCase(java.util.Locale.ROOT).split("x", -1);
        try {
            int w = Integer.parseInt(parts[0].strip());
            int h = Integer.parseInt(parts[1].strip());
            if (parts.length == 2 && w >= 100 && h >= 100 && w <= 10000 && h <= 10000) {
                return new int[] {w, h};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // fall through to the error
        }
        throw new InputException("--size: expected WIDTHxHEIGHT in pixels, each 100..10000, found '" + size + "'");
    }

    static String axisLabel(String column) {
        switch (column) {
            case "loss":
                return "risk L(W_t)";
            case "eta_t_loss":
                return "eta * t * L(W_t)";
            case "normalized_margin":
                return "normalized margin min_i y_i f(x_i) / ||W||";
            default:
                return column;
        }
    }

    static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    /** eta * t * L(W_t) per row. */
    public static double[] etaTLoss(TraceReader.Trace t) {
        double eta = t.metaNumber("eta");
        double[] steps = t.steps();
        double[] loss = t.column("loss");
        double[] out = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            out[i] = eta * steps[i] * loss[i];
        }
        return out;
    }

    /** Legend labels: the metadata keys whose values differ between the traces, else the file names. */
    static List<String> labels(List<TraceReader.Trace> traces) {
        List<String> differing = new ArrayList<>();
        for (String key : LABEL_KEYS) {
            String first = traces.get(0).meta(key);
            for (TraceReader.Trace t : traces) {
                if (!Objects.equals(first, t.meta(key))) {
                    differing.add(key);
                    break;
                }
            }
        }
        List<String> labels = new ArrayList<>();
        for (TraceReader.Trace t : traces) {
            if (differing.isEmpty()) {
                labels.add(traces.size() == 1 && t.meta("eta") != null ? "eta=" + t.meta("eta")
                        : String.valueOf(t.file().getFileName()));
                continue;
            }
            Map<String, String> parts = new LinkedHashMap<>();
            for (String key : differing) {
                String v = t.meta(key);
                parts.put(key, v == null ? "?" : key.equals("eta") ? compactNumber(v) : v);
            }
            StringBuilder sb = new StringBuilder();
            parts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
            labels.add(sb.toString());
        }
        return labels;
    }

    private static String compactNumber(String v) {
        try {
            return SweepRunner.compact(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
