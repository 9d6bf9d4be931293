package org.bigstep.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the CLI, for tests: the exit code and what it printed. */
public record CliResult(int code, String out, String err) {

    public static CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliResult(code, out.toString(), err.toString());
    }
}
