package org.bigstep.io;

import java.nio.file.Path;

/**
 * Bad user input, located: the file, the line (or record/offset) and what was expected. The CLI prints
 * {@link #getMessage()} on one line and exits with code 2.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param line 1-based line, 0 when the problem is the file as a whole */
    public InputException(Path file, long line, String message) {
        super(oneLine(file + (line > 0 ? ":" + line : "") + ": " + message));
    }

    /** A located problem that is not about a line, e.g. "record 12" or "byte offset 16". */
    public InputException(Path file, String where, String message) {
        super(oneLine(file + ": " + where + ": " + message));
    }

    /** A problem that has no file: an option value. */
    public InputException(String message) {
        super(oneLine(message));
    }

    public InputException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Messages quote the offending input, which may hold line breaks (a quoted CSV field); keep them on one line. */
    static String oneLine(String message) {
        if (message == null || (message.indexOf('\n') < 0 && message.indexOf('\r') < 0)) {
            return message;
        }
        return message.replace("\r", "\\r").replace("\n", "\\n");
    }
}
