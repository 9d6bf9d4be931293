package org.bigstep.repro;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.bigstep.Version;
import org.bigstep.io.AtomicFiles;
import org.bigstep.kernel.Kernels;

/** Runs a list of experiments into one directory and writes REPORT.md with a section each. */
public final class Reproduction {

    /** The names on the command line, in the order {@code all} runs them. */
    public static final List<String> NAMES = List.of("xor", "images", "fig4", "acceleration", "all", "quick");

    private Reproduction() {
    }

    /** The experiments behind a name; "quick" is the default command's fast subset. */
    public static List<Experiment> experiments(String name) {
        switch (name) {
            case "xor":
                return List.of(XorExperiment.full());
            case "images":
                return List.of(ImagesExperiment.full());
            case "fig4":
                return List.of(Fig4Experiment.full());
            case "acceleration":
                return List.of(AccelerationExperiment.full());
            case "all":
                return List.of(XorExperiment.full(), ImagesExperiment.full(), Fig4Experiment.full(), AccelerationExperiment.full());
            case "quick":
                return List.of(XorExperiment.quick(), Fig4Experiment.full(), AccelerationExperiment.quick());
            default:
                throw new IllegalArgumentException("unknown experiment '" + name + "'; expected one of " + String.join(", ", NAMES));
        }
    }

    /** Runs them and writes OUT/REPORT.md; returns the report text. */
    public static String run(String name, String commandLine, Context context) throws IOException {
        Files.createDirectories(context.out().resolve("figures"));
        long start = System.nanoTime();
        List<Report> sections = new ArrayList<>();
        for (Experiment e : experiments(name)) {
            long t0 = System.nanoTime();
            context.log().println("bigstep: reproduce " + e.name() + " ...");
            context.log().flush();
            Report section = e.run(context);
            double seconds = (System.nanoTime() - t0) / 1e9;
            section.paragraph(String.format(java.util.Locale.ROOT, "_%s: %.1f s._", e.name(), seconds));
            sections.add(section);
        }
        double total = (System.nanoTime() - start) / 1e9;
        Report report = new Report().heading(1, "bigstep reproduction report");
        report.paragraph("Cai, Wu, Mei, Lindsey, Bartlett, *Large Stepsize Gradient Descent for Non-Homogeneous Two-Layer Networks: "
                + "Margin Improvement and Fast Optimization* (NeurIPS 2024). Each table puts the paper's claim next to the number "
                + "measured in this run, read back from the traces in `runs/`.");
        report.table(List.of("", ""), List.of(
                List.of("command", "`" + commandLine + "`"),
                List.of("bigstep", Version.get()),
                List.of("kernel", Kernels.resolvedName(context.kernel()) + ", " + Kernels.factory(context.kernel()).vectorBits() + "-bit vectors"),
                List.of("JDK", System.getProperty("java.version") + " " + System.getProperty("java.vendor")),
                List.of("machine", System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores; " + context.threads() + " used"),
                List.of("steps scale", Double.toString(context.stepsScale())),
                List.of("wall time", String.format(java.util.Locale.ROOT, "%.1f s", total))));
        for (Report s : sections) {
            report.append(s);
        }
        String text = report.toString();
        AtomicFiles.write(context.out().resolve("REPORT.md"), text);
        return text;
    }
}
