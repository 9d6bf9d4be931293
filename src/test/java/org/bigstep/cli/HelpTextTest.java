package org.bigstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help renders without picocli format warnings (an unescaped % in a description). */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersCleanly() {
        CommandLine root = Main.commandLine();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (String name : root.getSubcommands().keySet()) {
                if (name.equals("help")) {
                    continue; // picocli's own help command prints its description first
                }
                StringWriter out = new StringWriter();
                int code = Main.execute(new String[] {name, "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
                assertEquals(0, code, name);
                assertTrue(out.toString().startsWith("Usage: bigstep " + name), out.toString());
                for (String line : out.toString().split("\n")) {
                    assertTrue(line.length() <= 120, name + " --help has a line over 120 columns: " + line);
                }
            }
        } finally {
            System.setErr(original);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertFalse(err.contains("picocli WARN"), err);
    }
}
