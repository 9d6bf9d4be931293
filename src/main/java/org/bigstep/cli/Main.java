package org.bigstep.cli;

import java.io.PrintWriter;
import org.bigstep.Version;
import org.bigstep.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code bigstep} command line. Exit codes: 0 ok, 2 bad input or usage, 3 divergence, 1 internal error. */
@Command(name = "bigstep", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Large-stepsize gradient descent for two-layer networks: margins, phases, fast kernels.",
        subcommands = {TrainCommand.class, SweepCommand.class, PlotCommand.class, ReproduceCommand.class, InfoCommand.class,
            DataCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 2 bad input or usage, 3 divergence (non-finite risk), 1 internal error."})
public final class Main implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected a command: train, sweep, plot, reproduce, info, data or help");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        redirectStderr();
        java.util.Locale.setDefault(java.util.Locale.ROOT);
        System.setProperty("java.util.logging.SimpleFormatter.format", "bigstep: %4$s: %5$s%n");
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** The launcher names a copy of the real stderr (-Dbigstep.stderr=/dev/fd/3) that bypasses its JVM-warning filter. */
    private static void redirectStderr() {
        String target = System.getProperty("bigstep.stderr", "");
        if (target.isEmpty()) {
            return;
        }
        try {
            System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(target, true), true,
                    java.nio.charset.Charset.defaultCharset()));
        } catch (java.io.IOException | SecurityException e) {
            // keep the JVM's stderr
        }
    }

    /** Runs the CLI in-process, for tests and embedding: returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setUsageHelpWidth(120); // the footers are written for 120 columns
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("bigstep: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            if (debug) {
                ex.printStackTrace(err);
            }
            if (ex instanceof InputException || ex instanceof IllegalArgumentException) {
                err.println("bigstep: " + ex.getMessage());
                return ExitCode.BAD_INPUT;
            }
            err.println("bigstep: internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)"));
            return ExitCode.INTERNAL_ERROR;
        });
        return cl;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bigstep " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
