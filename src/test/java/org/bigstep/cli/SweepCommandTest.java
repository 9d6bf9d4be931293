package org.bigstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bigstep.io.InputException;
import org.bigstep.io.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SweepCommandTest {

    @TempDir
    Path dir;

    static List<CSVRecord> summary(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static List<String> rows(Path trace) throws IOException {
        return Files.readAllLines(trace).stream().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
    }

    @Test
    void everySweepRunEqualsALoneTrainRunBitForBit() throws IOException {
        Path out = dir.resolve("sweep");
        CliResult r = CliResult.run("sweep", "--dataset", "xor", "--eta", "10,3000",
                "--activation", "leaky-softplus,softplus", "--seed", "0,7", "--steps", "300", "--threads", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<CSVRecord> records = summary(out.resolve("summary.csv"));
        assertEquals(8, records.size());
        // grid order: activation, then width, eta, seed
        assertEquals("leaky-softplus", records.get(0).get("activation"));
        assertEquals("7", records.get(1).get("seed"));
        assertEquals("3000.0", records.get(2).get("eta"));
        assertEquals("softplus", records.get(4).get("activation"));
        for (CSVRecord rec : records) {
            Path trace = dir.resolve("train-" + rec.get("run") + ".csv");
            CliResult t = CliResult.run("train", "--dataset", "xor", "--eta", rec.get("eta"),
                    "--activation", rec.get("activation"), "--seed", rec.get("seed"), "--steps", "300", "--threads", "1",
                    "--trace", trace.toString());
            assertEquals(0, t.code(), t.err());
            TraceReader.Trace lone = TraceReader.read(trace);
            double loss = lone.column("loss")[lone.rows() - 1];
            assertEquals(Double.doubleToLongBits(loss), Double.doubleToLongBits(Double.parseDouble(rec.get("final_loss"))), rec.get("run"));
            assertEquals(rows(trace), rows(out.resolve(rec.get("trace"))), "the whole trace, row by row: " + rec.get("run"));
            assertEquals(Long.toString(org.bigstep.repro.TraceStats.lastIncrease(lone)), rec.get("last_increase_step"));
            assertTrue(Files.isRegularFile(out.resolve("traces").resolve(rec.get("run") + ".json")));
        }
    }

    @Test
    void aDivergedRunIsRecordedAndTheOthersGoOn() throws IOException {
        Path out = dir.resolve("s");
        CliResult r = CliResult.run("sweep", "--dataset", "xor", "--eta", "1e300,1", "--steps", "40", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("diverged at step"), r.err());
        List<CSVRecord> records = summary(out.resolve("summary.csv"));
        assertTrue(Long.parseLong(records.get(0).get("diverged_step")) >= 0);
        assertEquals("-1", records.get(1).get("diverged_step"));
        assertEquals("40", records.get(1).get("steps_completed"));

        CliResult all = CliResult.run("sweep", "--dataset", "xor", "--eta", "1e300", "--steps", "40", "--out", dir.resolve("t").toString());
        assertEquals(3, all.code(), "every run diverged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--eta=0,1", "--eta=1,,2", "--eta=1..x:3", "--eta=10..1:3", "--eta=1..10", "--eta=1..10:1", "--eta=1,1",
        "--eta=NaN", "--width=0", "--width=2.5", "--seed=a", "--activation=nope", "--activation=c=1", "--steps=-1",
        "--trace-every=0", "--jobs=0", "--threads=0", "--kernel=fast", "--scale=0", "--init-scale=-1"})
    void badInputExits2AndWritesNothing(String bad) throws IOException {
        Path out = dir.resolve("never");
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "--dataset", "xor", "--steps", "10", "--out", out.toString()));
        if (!bad.startsWith("--eta")) {
            args.add("--eta=1");
        }
        args.add(bad);
        CliResult r = CliResult.run(args.toArray(new String[0]));
        assertEquals(2, r.code(), bad + ": " + r.err());
        assertTrue(r.err().startsWith("bigstep: "), r.err());
        assertFalse(Files.exists(out), bad + " created " + out);
    }

    @Test
    void outputThatIsAFileIsBadInput() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        CliResult r = CliResult.run("sweep", "--dataset", "xor", "--eta", "1", "--out", file.toString());
        assertEquals(2, r.code());
        assertEquals("x", Files.readString(file));
        CliResult data = CliResult.run("sweep", "--data", dir.resolve("missing.csv").toString(), "--eta", "1",
                "--out", dir.resolve("o").toString());
        assertEquals(2, data.code());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void logRangesAndLists() {
        List<Double> etas = ValueLists.stepsizes("--eta", "1e-1..1e3:9");
        assertEquals(9, etas.size());
        assertEquals(0.1, etas.get(0));
        assertEquals(1.0, etas.get(2));
        assertEquals(10.0, etas.get(4));
        assertEquals(1000.0, etas.get(8));
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0), ValueLists.stepsizes("--eta", "1, 10..1000:3"));
        assertEquals(List.of("leaky:c=0.6,base=softplus", "softplus"), ValueLists.names("--activation", "leaky:c=0.6,base=softplus,softplus"));
        assertEquals(List.of(3L, -4L), ValueLists.seeds("--seed", "3,-4"));
        assertThrows(InputException.class, () -> ValueLists.widths("--width", "3,3"));
    }

    @Test
    void runNamesAreCompactAndFileSafe() {
        assertEquals("leaky-c-0.6-base-softplus_m20_eta1000_seed0", SweepRunner.runName("leaky:c=0.6,base=softplus", 20, 1000, 0));
        assertEquals("softplus_m2_eta0.001_seed-1", SweepRunner.runName("softplus", 2, 0.001, -1));
    }

    @Test
    void poolSizes() {
        SweepRunner r = new SweepRunner(2, 0);
        assertEquals(2, r.concurrency(8));
        assertEquals(1, r.threadsPerRun(8));
        assertEquals(1, r.concurrency(1));
        assertEquals(2, r.threadsPerRun(1));
        assertEquals(4, new SweepRunner(8, 2).threadsPerRun(10));
    }
}
