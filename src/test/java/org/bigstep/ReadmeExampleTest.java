package org.bigstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example compiles and runs against the engine classes alone (no CLI dependencies). */
class ReadmeExampleTest {

    @Test
    void embeddingExampleCompilesAndRunsWithoutRuntimeDependencies(@TempDir Path tmp) throws Exception {
        String readme = Files.readString(Paths.get("README.md"));
        int marker = readme.indexOf("<!-- embed-example");
        assertTrue(marker >= 0, "README.md has no embed-example marker");
        int start = readme.indexOf("```java\n", marker) + "```java\n".length();
        int end = readme.indexOf("```", start);
        String source = readme.substring(start, end);
        Path file = tmp.resolve("EmbedExample.java");
        Files.writeString(file, source);

        Path classes = Paths.get("target", "classes").toAbsolutePath();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, null, diagnostics, "--release", "17", "-classpath", classes.toString(),
                "-d", tmp.toString(), file.toString());
        assertEquals(0, rc, "README example does not compile against target/classes alone:\n" + diagnostics);

        // a class loader that sees only the engine classes and the example: no picocli, Commons CSV or XChart
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL(), classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            loader.loadClass("EmbedExample").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(originalOut);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        List<String> lines = output.lines().toList();
        assertEquals(6, lines.size(), "expected 5 progress lines (steps 0, 500, ..., 2000) and a final line, got:\n" + output);
        assertTrue(lines.get(5).startsWith("final loss "), output);
        double finalLoss = Double.parseDouble(lines.get(5).substring("final loss ".length(), lines.get(5).indexOf(',')));
        assertTrue(finalLoss > 0 && finalLoss < 0.05, "the example should fit its four points, final loss " + finalLoss);
    }
}
