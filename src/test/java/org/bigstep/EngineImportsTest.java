package org.bigstep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the architecture honest (STYLE.md): the engine packages import only the JDK and each other; only
 * org.bigstep.kernel.vector may import jdk.incubator.vector; nothing in the engine sees io, cli or plot.
 */
class EngineImportsTest {

    private static final Path SOURCES = Paths.get("src", "main", "java", "org", "bigstep");
    private static final List<String> ENGINE = List.of("data", "activation", "loss", "model", "kernel", "training", "margin");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+(\\.\\*)?)\\s*;", Pattern.MULTILINE);

    /** The imports of one source file, "line: name". Comments are stripped first so a commented-out import does not count. */
    static List<String> imports(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8)
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("//[^\\n]*", "");
        List<String> out = new ArrayList<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            out.add(m.group(2));
        }
        return out;
    }

    /** Why {@code imported} is not allowed in {@code file} (in engine package {@code pkg}), or null if it is. */
    static String violation(String pkg, Path file, String imported) {
        boolean vectorPackage = file.startsWith(SOURCES.resolve("kernel").resolve("vector"));
        if (imported.startsWith("jdk.incubator.vector.")) {
            return vectorPackage ? null : "only org.bigstep.kernel.vector may import jdk.incubator.vector";
        }
        if (imported.startsWith("java.")) {
            return null;
        }
        for (String forbidden : List.of("io", "cli", "plot")) {
            if (imported.startsWith("org.bigstep." + forbidden + ".")) {
                return "the engine must not depend on org.bigstep." + forbidden;
            }
        }
        for (String engine : ENGINE) {
            if (imported.startsWith("org.bigstep." + engine + ".")) {
                return null;
            }
        }
        return "engine package " + pkg + " may import only java.* and org.bigstep engine packages";
    }

    @Test
    void enginePackagesImportOnlyTheJdkAndEachOther() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the project root: " + SOURCES.toAbsolutePath() + " not found");
        List<String> problems = new ArrayList<>();
        int files = 0;
        for (String pkg : ENGINE) {
            Path dir = SOURCES.resolve(pkg);
            assertTrue(Files.isDirectory(dir), "engine package directory missing: " + dir);
            List<Path> sources;
            try (Stream<Path> s = Files.walk(dir)) {
                sources = s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
            }
            for (Path file : sources) {
                files++;
                for (String imported : imports(file)) {
                    String why = violation(pkg, file, imported);
                    if (why != null) {
                        problems.add(file + ": import " + imported + " -- " + why);
                    }
                }
            }
        }
        assertTrue(files >= 20, "scanned only " + files + " engine sources");
        assertTrue(problems.isEmpty(), "forbidden imports:\n" + String.join("\n", problems));
    }

    @Test
    void noOtherPackageImportsTheIncubatorModule() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SOURCES)) {
            for (Path file : s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                if (file.startsWith(SOURCES.resolve("kernel").resolve("vector"))) {
                    continue;
                }
                for (String imported : imports(file)) {
                    if (imported.startsWith("jdk.incubator.")) {
                        problems.add(file + ": import " + imported);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "only org.bigstep.kernel.vector may import jdk.incubator.vector:\n" + String.join("\n", problems));
    }

    @Test
    void importsAreParsedIgnoringComments(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("A.java");
        Files.writeString(f, "package x;\nimport java.util.List;\nimport static java.lang.Math.max;\n"
                + "// import org.bigstep.io.Hidden;\n/* import picocli.CommandLine; */\n  import jdk.incubator.vector.*;\nclass A {}\n");
        assertTrue(imports(f).equals(List.of("java.util.List", "java.lang.Math.max", "jdk.incubator.vector.*")), imports(f).toString());
    }

    @Test
    void theScannerItselfCatchesViolations() {
        Path kernelFile = SOURCES.resolve("kernel").resolve("X.java");
        Path vectorFile = SOURCES.resolve("kernel").resolve("vector").resolve("Y.java");
        assertTrue(violation("kernel", kernelFile, "jdk.incubator.vector.FloatVector") != null);
        assertTrue(violation("kernel", vectorFile, "jdk.incubator.vector.FloatVector") == null);
        assertTrue(violation("training", kernelFile, "org.bigstep.io.TraceWriter") != null);
        assertTrue(violation("training", kernelFile, "org.bigstep.cli.Main") != null);
        assertTrue(violation("data", kernelFile, "org.apache.commons.csv.CSVParser") != null);
        assertTrue(violation("data", kernelFile, "picocli.CommandLine") != null);
        assertTrue(violation("data", kernelFile, "java.util.List") == null);
        assertTrue(violation("data", kernelFile, "org.bigstep.activation.Activation") == null);
        assertTrue(violation("data", kernelFile, "javax.swing.JPanel") != null, "javax is not java.*");
    }
}
