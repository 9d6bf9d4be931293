package org.bigstep.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.bigstep.Version;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.kernel.Kernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bigstep info}: what this machine and JVM give the engine. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the JDK, cores, the kernel that runs by default and its vector width.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Kernels.Availability a = Kernels.availability();
        Runtime rt = Runtime.getRuntime();
        out.println("bigstep " + Version.get());
        out.println("java:          " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.home") + ")");
        out.println("os:            " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        out.println("cores:         " + rt.availableProcessors());
        out.printf("max heap:      %.1f GiB%n", rt.maxMemory() / (double) (1L << 30));
        out.println("vector module: " + (ModuleLayer.boot().findModule(Kernels.VECTOR_MODULE).isPresent()
                ? "loaded (" + Kernels.VECTOR_MODULE + ")" : "not loaded"));
        if (a.vector()) {
            out.println("kernel:        vector (auto)");
            out.println("vector bits:   " + a.vectorBits() + " (" + a.vectorBits() / 32 + " float lanes)");
            out.println("kernel detail: " + a.vectorFactory());
            if (!a.caution().isEmpty()) {
                out.println("caution:       " + a.caution());
            }
        } else {
            out.println("kernel:        scalar (auto): " + a.reason());
            out.println("vector bits:   0");
        }
        out.println("kernels:       " + (a.vector() ? "scalar, vector" : "scalar") + " (--kernel "
                + KernelChoice.AUTO + "|" + KernelChoice.SCALAR + "|" + KernelChoice.VECTOR + ")");
        return ExitCode.OK;
    }
}
