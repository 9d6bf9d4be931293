package org.bigstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainCommandTest {

    @TempDir
    Path dir;

    static CliResult run(String... args) {
        return CliResult.run(args);
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(x -> x.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static List<String> rows(Path trace) throws IOException {
        return Files.readAllLines(trace).stream().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
    }

    @Test
    void trainWritesTraceSummaryAndModel() throws IOException {
        CliResult r = run("train", "--dataset", "xor", "--eta", "50", "--steps", "300", "--trace-every", "100",
                "--trace", p("t.csv"), "--summary", p("s.json"), "--save-model", p("m.csv"), "--kernel", "scalar");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("t.csv"));
        assertTrue(lines.stream().anyMatch(l -> l.equals("# seed=0")), "seed in metadata");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# kernel=scalar")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# vector_bits=0")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# jdk=")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# bigstep=")));
        List<String> rows = rows(dir.resolve("t.csv"));
        assertTrue(rows.get(0).startsWith("step,loss,min_margin,normalized_margin"), rows.get(0));
        assertTrue(rows.get(0).contains("weight_norm") && rows.get(0).contains("grad_norm"));
        assertEquals(List.of("0", "100", "200", "300"), rows.subList(1, rows.size()).stream().map(l -> l.split(",")[0]).collect(Collectors.toList()));
        String json = Files.readString(dir.resolve("s.json"));
        for (String key : List.of("n", "d", "m", "steps", "final_loss", "final_normalized_margin", "stable_threshold",
                "first_below_threshold_step", "last_increase_step", "loop_seconds", "steps_per_second", "kernel", "vector_bits", "threads")) {
            assertTrue(json.contains("\"" + key + "\": "), "summary lacks " + key + ":\n" + json);
        }
        assertTrue(json.contains("\"n\": 4,") && json.contains("\"d\": 2,") && json.contains("\"m\": 20,") && json.contains("\"steps\": 300,"), json);
        assertEquals(21, Files.readAllLines(dir.resolve("m.csv")).size());
        assertEquals(List.of("m.csv", "s.json", "t.csv"), files());
    }

    @Test
    void aSavedModelIsAnInitThatReproducesTheSeededRun() throws IOException {
        assertEquals(0, run("train", "--dataset", "fig4", "--width", "6", "--seed", "3", "--steps", "0", "--save-model", p("w0.csv")).code());
        CliResult a = run("train", "--dataset", "fig4", "--init", p("w0.csv"), "--eta", "3", "--steps", "200", "--trace", p("a.csv"));
        CliResult b = run("train", "--dataset", "fig4", "--width", "6", "--seed", "3", "--eta", "3", "--steps", "200", "--trace", p("b.csv"));
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        assertEquals(rows(dir.resolve("b.csv")), rows(dir.resolve("a.csv")));
    }

    @Test
    void traceRowsDoNotDependOnTheThreadCount() throws IOException {
        String data = "separable:n=1500,d=7,seed=2";
        for (String threads : List.of("1", "2", "3")) {
            CliResult r = run("train", "--dataset", data, "--width", "9", "--eta", "20", "--steps", "60", "--threads", threads,
                    "--trace", p("t" + threads + ".csv"));
            assertEquals(0, r.code(), r.err());
        }
        assertEquals(rows(dir.resolve("t1.csv")), rows(dir.resolve("t2.csv")));
        assertEquals(rows(dir.resolve("t1.csv")), rows(dir.resolve("t3.csv")));
    }

    @Test
    void divergenceExitsThreeKeepsTheTraceAndSavesNoModel() throws IOException {
        Path data = dir.resolve("conflict.csv");
        Files.writeString(data, "x1,x2,label\n1,0,1\n1,0,-1\n0,1,1\n0.5,0.5,-1\n");
        CliResult r = run("train", "--data", data.toString(), "--activation", "leaky:c=0.9,base=softplus", "--eta", "1e300",
                "--steps", "100", "--trace", p("t.csv"), "--summary", p("s.json"), "--save-model", p("m.csv"));
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("diverged at step 1") && r.err().contains("--eta"), r.err());
        List<String> rows = rows(dir.resolve("t.csv"));
        assertEquals(3, rows.size(), "header, step 0, and the non-finite step 1");
        assertTrue(rows.get(2).startsWith("1,NaN"), rows.get(2));
        assertTrue(Files.readString(dir.resolve("s.json")).contains("\"diverged_step\": 1,"));
        assertFalse(Files.exists(dir.resolve("m.csv")));
    }

    @Test
    void badInputExitsTwoWithOneLineAndWritesNothing() throws IOException {
        Path bad = dir.resolve("in").resolve("bad.csv");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "x,label\n1,1\n2,7\n");
        Path init3 = dir.resolve("in").resolve("init3.csv");
        Files.writeString(init3, "sign,w0,w1,w2\n1,0.1,0.2,0.3\n-1,0.3,0.2,0.1\n");
        String trace = p("t.csv");
        String summary = p("s.json");
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"--data", bad.toString()});
        cases.add(new String[] {"--data", p("missing.csv")});
        cases.add(new String[] {"--dataset", "nope"});
        cases.add(new String[] {"--dataset", "separable:n=-3"});
        cases.add(new String[] {"--dataset", "xor", "--activation", "tanh"});
        cases.add(new String[] {"--dataset", "xor", "--activation", "huber-relu:h=-1"});
        cases.add(new String[] {"--dataset", "xor", "--eta", "-1"});
        cases.add(new String[] {"--dataset", "xor", "--eta", "abc"});
        cases.add(new String[] {"--dataset", "xor", "--steps", "-5"});
        cases.add(new String[] {"--dataset", "xor", "--width", "0"});
        cases.add(new String[] {"--dataset", "xor", "--threads", "0"});
        cases.add(new String[] {"--dataset", "xor", "--trace-every", "0"});
        cases.add(new String[] {"--dataset", "xor", "--kernel", "gpu"});
        cases.add(new String[] {"--dataset", "xor", "--scale", "0"});
        cases.add(new String[] {"--dataset", "fig4", "--init", init3.toString(), "--width", "5"});
        cases.add(new String[] {"--dataset", "xor", "--init", init3.toString()});
        cases.add(new String[] {"--dataset", "xor", "--data", bad.toString()});
        cases.add(new String[] {});
        cases.add(new String[] {"--dataset", "xor", "--bogus"});
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("train"));
            args.addAll(List.of(c));
            args.addAll(List.of("--trace", trace, "--summary", summary, "--save-model", p("m.csv")));
            CliResult r = run(args.toArray(new String[0]));
            String what = String.join(" ", c);
            assertEquals(2, r.code(), what + "\n" + r.err());
            assertTrue(r.err().startsWith("bigstep: "), what + ": " + r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertEquals(List.of("in"), files(), what + " left files behind");
        }
    }

    @Test
    void badDataErrorNamesFileAndLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,label\n1,1\n2,7\n");
        CliResult r = run("train", "--data", bad.toString());
        assertEquals("bigstep: " + bad + ":3: column 'label': expected -1, +1, 0 or 1, found '7'", r.err().lines().findFirst().orElse(""), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "info", "help"})
    void everyCommandHasHelp(String command) {
        CliResult r = command.equals("help") ? run("--help") : run(command, "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage: bigstep"), r.out());
    }

    @Test
    void infoReportsJdkCoresKernelAndWidth() {
        CliResult r = run("info");
        assertEquals(0, r.code(), r.err());
        for (String key : List.of("java:", "cores:", "kernel:", "vector bits:")) {
            assertTrue(r.out().contains(key), r.out());
        }
        if (r.out().contains("kernel:        vector")) { // which register tiles the vector kernel chose
            assertTrue(r.out().matches("(?s).*kernel detail: .*, tiles for (16|32) vector registers\\R.*"), r.out());
        }
    }
}
