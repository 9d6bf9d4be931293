package org.bigstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bigstep.io.InputException;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.repro.Context;
import org.bigstep.repro.Reproduction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bigstep reproduce}: the paper's experiments, with figures and a report of claim against measurement. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the paper's experiments and write PNG figures and OUT/REPORT.md, which puts each claim of "
            + "the paper next to the number measured in this run (read back from the traces in OUT/runs/).",
        footer = {"", "NAME: xor (Figure 2 a-c), images (Figure 2 d-f, Figure 3), fig4 (Figure 4),",
            "acceleration (Corollary 4.2 vs Theorem 4.3), all. Without NAME: a fast subset (xor, fig4 and",
            "acceleration at reduced sizes, under two minutes on 2 cores).",
            "Exit codes: 0 ok, 2 bad input, 1 internal error."})
final class ReproduceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "xor, images, fig4, acceleration or all (default: the fast subset).")
    String name;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reproduction", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--steps-scale", paramLabel = "F", defaultValue = "1",
            description = "Multiply every step count by F (e.g. 0.05 for a smoke test; default: ${DEFAULT-VALUE}).")
    double stepsScale;

    @Option(names = "--quick", description = "Same as --steps-scale 0.05.")
    boolean quick;

    @Option(names = "--threads", paramLabel = "N", description = "Cores to use (default: all available).")
    Integer threads;

    @Option(names = "--kernel", paramLabel = "auto|scalar|vector", defaultValue = "auto", description = "Kernel (default: ${DEFAULT-VALUE}).")
    String kernel;

    @Option(names = "--data", paramLabel = "FILE", arity = "1..*",
            description = "images: data instead of the shipped Fashion-MNIST pair, e.g. the cifar-10-batches-bin folder "
                + "with --classes airplane,automobile --subset 6000 --test-fraction 0.2 (any 'train' data option below).")
    java.util.List<String> dataFiles;

    @Option(names = "--dataset", paramLabel = "SPEC", description = "images: a built-in or shipped dataset (default: fashion-pair).")
    String dataset;

    @Option(names = "--classes", paramLabel = "A,B", description = "images: the two classes of --data.")
    String classes;

    @Option(names = "--subset", paramLabel = "N", description = "images: train on N random samples of --data.")
    Integer subset;

    @Option(names = "--test-fraction", paramLabel = "F", description = "images: hold out this fraction as the test set.")
    Double testFraction;

    /** Loads the image data with the 'train' data options, so every format and selection works the same. */
    @Command(name = "images-data")
    static final class ImageDataHolder {
        @picocli.CommandLine.Mixin
        DataOptions data;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String experiment = name == null ? "quick" : name;
        if (!Reproduction.NAMES.contains(experiment) || (name != null && name.equals("quick"))) {
            throw new InputException("reproduce: unknown experiment '" + name + "'; expected xor, images, fig4, acceleration or all");
        }
        double scale = quick ? 0.05 : stepsScale;
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new InputException("--steps-scale: expected a positive finite factor, found " + stepsScale);
        }
        int cores = RunOptions.threads(threads);
        KernelChoice kernelChoice = RunOptions.kernelChoice(kernel);
        boolean needsImages = experiment.equals("images") || experiment.equals("all");
        Context.ImageData imageData = needsImages ? imageData() : null;
        SweepCommand.checkOutputDirectory(out);
        PrintWriter err = spec.commandLine().getErr();
        Context context = new Context(out, scale, cores, kernelChoice, true, err, imageData);
        StringBuilder cmd = new StringBuilder("bigstep reproduce");
        if (name != null) {
            cmd.append(' ').append(name);
        }
        cmd.append(" --out ").append(out);
        if (scale != 1) {
            cmd.append(" --steps-scale ").append(scale);
        }
        Reproduction.run(experiment, cmd.toString(), context);
        spec.commandLine().getOut().println("wrote " + out.resolve("REPORT.md") + " and " + out.resolve("figures"));
        return ExitCode.OK;
    }

    private Context.ImageData imageData() {
        if (dataFiles != null && dataset != null) {
            throw new InputException("reproduce images: give --data or --dataset, not both");
        }
        java.util.List<String> args = new java.util.ArrayList<>();
        if (dataFiles != null) {
            args.add("--data");
            args.addAll(dataFiles);
        } else {
            args.add("--dataset");
            args.add(dataset != null ? dataset : "fashion-pair");
        }
        if (classes != null) {
            args.addAll(java.util.List.of("--classes", classes));
        }
        if (subset != null) {
            args.addAll(java.util.List.of("--subset", subset.toString()));
        }
        if (testFraction != null) {
            args.addAll(java.util.List.of("--test-fraction", testFraction.toString()));
        }
        ImageDataHolder holder = new ImageDataHolder();
        try {
            new picocli.CommandLine(holder).parseArgs(args.toArray(new String[0]));
        } catch (picocli.CommandLine.ParameterException e) {
            throw new InputException("reproduce images: " + e.getMessage());
        }
        org.bigstep.io.LoadedData loaded = holder.data.load();
        return new Context.ImageData(holder.data.description() + (classes != null ? " classes " + classes : ""),
                loaded.train(), loaded.test());
    }
}
