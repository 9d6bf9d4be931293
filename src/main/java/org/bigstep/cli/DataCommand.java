package org.bigstep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bigstep.io.FashionPairMaker;
import org.bigstep.io.InputException;
import org.bigstep.io.ShippedData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bigstep data}: tools for the shipped data. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Tools for the shipped data (see data/README.md).",
        subcommands = {DataCommand.MakeFashionPair.class, CommandLine.HelpCommand.class})
final class DataCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected a command: make-fashion-pair");
    }

    @Command(name = "make-fashion-pair", mixinStandardHelpOptions = true,
            description = {"Regenerate data/fashion-pair (Fashion-MNIST " + ShippedData.FASHION_PAIR_CLASSES + ", "
                + FashionPairMaker.TRAIN + " training and " + FashionPairMaker.TEST + " test images, seed " + FashionPairMaker.SEED + ")",
                "from Debian's dataset-fashion-mnist (apt-get install -y dataset-fashion-mnist). Same input, same bytes."})
    static final class MakeFashionPair implements Callable<Integer> {

        @Option(names = "--source", paramLabel = "DIR", description = "Folder with {train,t10k}-{images-idx3,labels-idx1}-ubyte.gz (default: ${DEFAULT-VALUE}).")
        Path source = FashionPairMaker.DEBIAN_DIR;

        @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: data/fashion-pair beside the launcher, else ./data/fashion-pair).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(source)) {
                throw new InputException(source + ": no such folder; install Debian's dataset-fashion-mnist"
                        + " (apt-get install -y dataset-fashion-mnist) or pass --source DIR");
            }
            Path target = out != null ? out : defaultOut();
            PrintWriter pw = spec.commandLine().getOut();
            for (String line : FashionPairMaker.make(source, target, ShippedData.FASHION_PAIR_CLASSES,
                    FashionPairMaker.TRAIN, FashionPairMaker.TEST, FashionPairMaker.SEED)) {
                pw.println(line);
            }
            return ExitCode.OK;
        }

        private static Path defaultOut() {
            String root = System.getProperty("bigstep.home");
            Path base = root != null && !root.isBlank() ? Path.of(root) : Path.of(".");
            return base.resolve("data").resolve(ShippedData.FASHION_PAIR);
        }
    }
}
