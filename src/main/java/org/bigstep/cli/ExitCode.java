package org.bigstep.cli;

/** The CLI's exit codes, a contract with users' scripts. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;
    public static final int DIVERGED = 3;

    private ExitCode() {
    }
}
