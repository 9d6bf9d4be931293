package org.bigstep.cli;

import static org.bigstep.cli.CliResult.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data options end to end: real formats, a test set in trace and summary, and every bad input -> exit 2. */
class DataOptionsCliTest {

    @TempDir
    Path dir;
    Path in;

    @BeforeEach
    void inputs() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
    }

    /** n images of 3 x 3; class i % 3; image pixels depend on the class so classes are separable. */
    private static byte[] images(int n) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * 9).putInt(0x803).putInt(n).putInt(3).putInt(3);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 9; k++) {
                b.put((byte) ((i % 3) * 80 + (k == i % 9 ? 40 : 0) + 10));
            }
        }
        return b.array();
    }

    private static byte[] labels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i % 3));
        }
        return b.array();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(in.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(in.resolve(name), text);
    }

    private String out(String name) {
        return dir.resolve(name).toString();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(x -> x.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void idxWithClassesAndTestFractionReportsTestAccuracy() throws IOException {
        Path images = write("train-images-idx3-ubyte.gz", gzip(images(90)));
        Path labels = write("train-labels-idx1-ubyte.gz", gzip(labels(90)));
        CliResult r = run("train", "--data", images.toString(), "--labels", labels.toString(), "--classes", "0,2",
                "--test-fraction", "0.2", "--data-seed", "4", "--eta", "20", "--steps", "30", "--trace-every", "5",
                "--test-every", "10", "--kernel", "scalar", "--trace", out("t.csv"), "--summary", out("s.json"));
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("t.csv"));
        assertTrue(lines.contains("# preprocess=scale,unit-norm (scale=1/255,unit-norm)"), String.join("\n", lines));
        assertTrue(lines.contains("# classes=0(+1) vs 2(-1)"));
        assertTrue(lines.contains("# n_test=12"));
        assertTrue(lines.contains("# data_seed=4"));
        List<String> rows = lines.stream().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
        assertTrue(rows.get(0).endsWith(",test_accuracy"), rows.get(0));
        assertTrue(rows.get(1).startsWith("0,") && !rows.get(1).endsWith("NaN"), rows.get(1));
        assertTrue(rows.get(2).startsWith("5,") && rows.get(2).endsWith(",NaN"), "step 5 is not a test step: " + rows.get(2));
        String last = rows.get(rows.size() - 1);
        assertTrue(last.startsWith("30,") && last.endsWith(",1.0"), "separable fixture, last row evaluated: " + last);
        String summary = Files.readString(dir.resolve("s.json"));
        assertTrue(summary.contains("\"n\": 48"), summary);
        assertTrue(summary.contains("\"n_test\": 12"), summary);
        assertTrue(summary.contains("\"test_accuracy\": 1.0"), summary);
    }

    @Test
    void shippedFashionPairRunsWithItsTestSplit() throws IOException {
        CliResult r = run("train", "--dataset", "fashion-pair", "--subset", "200", "--eta", "50", "--steps", "3", "--width", "4",
                "--kernel", "scalar", "--summary", out("s.json"));
        assertEquals(0, r.code(), r.err());
        String summary = Files.readString(dir.resolve("s.json"));
        assertTrue(summary.contains("\"n\": 200"), summary);
        assertTrue(summary.contains("\"n_test\": 1000"), summary);
        assertTrue(summary.contains("\"classes\": \"pullover(+1) vs coat(-1)\""), summary);
        assertTrue(summary.contains("\"test_accuracy\": 0."), summary);
    }

    @Test
    void cifarBatchesWithClassNames() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(6 * 3073);
        for (int r = 0; r < 6; r++) {
            b.put((byte) (r % 2 == 0 ? 0 : 1));
            for (int k = 0; k < 3072; k++) {
                b.put((byte) (r % 2 == 0 ? 200 : 20));
            }
        }
        Path batch = write("data_batch_1.bin", b.array());
        CliResult r = run("train", "--data", batch.toString(), "--classes", "airplane,automobile", "--steps", "2",
                "--kernel", "scalar", "--summary", out("s.json"));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("s.json")).contains("\"data_format\": \"cifar10\""));
    }

    @Test
    void everyBadInputExitsTwoNamesTheProblemAndWritesNothing() throws IOException {
        Path images = write("i.idx", images(30));
        Path labels = write("l.idx", labels(30));
        byte[] wrongMagic = images(30);
        wrongMagic[3] = 0x01;
        byte[] truncated = java.util.Arrays.copyOf(images(30), 16 + 9 * 29 + 4);
        byte[] cifarCut = new byte[3073 + 100];
        Path init = write("init.csv", "sign,w0,w1\n1,0.1,0.2\n-1,0.3,0.4\n");
        Path init9 = write("init9.csv", "sign,w0,w1,w2,w3,w4,w5,w6,w7,w8\n1,0,0,0,0,0,0,0,0,0\n-1,0,0,0,0,0,0,0,0,0\n");
        List<Object[]> cases = new ArrayList<>();
        // {expected message fragment, args...}
        cases.add(new Object[] {"missing.csv: no such file", "--data", in.resolve("missing.csv")});
        cases.add(new Object[] {"empty.csv: empty file", "--data", write("empty.csv", "")});
        cases.add(new Object[] {"header.csv:1: expected data rows after the header", "--data", write("header.csv", "x,label\n")});
        cases.add(new Object[] {"nolabel.csv:1: expected a header row with a 'label' column", "--data", write("nolabel.csv", "x,y\n1,2\n")});
        cases.add(new Object[] {"ragged.csv:3: expected 3 values", "--data", write("ragged.csv", "a,b,label\n1,2,1\n3,-1\n")});
        cases.add(new Object[] {"text.csv:2: column 'a': expected a number", "--data", write("text.csv", "a,label\nabc,1\n")});
        cases.add(new Object[] {"nan.csv:2: column 'a': expected a finite number", "--data", write("nan.csv", "a,label\nNaN,1\n")});
        cases.add(new Object[] {"inf.csv:2: column 'a': expected a finite number", "--data", write("inf.csv", "a,label\nInfinity,1\n")});
        cases.add(new Object[] {"lab.csv:2: column 'label': expected -1, +1, 0 or 1, found '2'", "--data", write("lab.csv", "a,label\n1,2\n")});
        cases.add(new Object[] {"magic.idx: byte 0: expected an IDX images file (magic 0x00000803), found 0x00000801",
            "--data", write("magic.idx", wrongMagic), "--labels", labels, "--classes", "0,1"});
        cases.add(new Object[] {"cut.idx: byte 281: truncated in image 29: expected 30 images of 9 bytes, the file ends after 4 bytes", "--data", write("cut.idx", truncated), "--labels", labels, "--classes", "0,1"});
        cases.add(new Object[] {"image count 30 does not match the label count 20",
            "--data", images, "--labels", write("l20.idx", labels(20)), "--classes", "0,1"});
        cases.add(new Object[] {"cut.bin: record 1 (byte 3073): truncated", "--data", write("cut.bin", cifarCut), "--classes", "0,1"});
        cases.add(new Object[] {"unknown class 'zebra'", "--data", images, "--labels", labels, "--classes", "zebra,0"});
        cases.add(new Object[] {"3 classes present; choose two with --classes", "--data", images, "--labels", labels});
        cases.add(new Object[] {"--subset 21 is larger than the 20 training samples", "--data", images, "--labels", labels, "--classes", "0,1", "--subset", "21"});
        cases.add(new Object[] {"give their labels with --labels", "--data", images, "--classes", "0,1"});
        cases.add(new Object[] {"init.csv:1: expected 9 weight columns (the data has d=9), found 2",
            "--data", images, "--labels", labels, "--classes", "0,1", "--init", init});
        cases.add(new Object[] {"init9.csv: has 2 neurons but --width is 3",
            "--data", images, "--labels", labels, "--classes", "0,1", "--init", init9, "--width", "3"});
        cases.add(new Object[] {"--preprocess: unknown step 'whiten'", "--dataset", "xor", "--preprocess", "whiten"});
        cases.add(new Object[] {"--format: unknown format 'parquet'", "--data", images, "--format", "parquet"});
        cases.add(new Object[] {"--test-fraction: expected 0 < F < 1", "--dataset", "xor", "--test-fraction", "1.5"});
        cases.add(new Object[] {"--classes needs multi-class data", "--dataset", "xor", "--classes", "0,1"});
        cases.add(new Object[] {"fashion-pair has its own test split", "--dataset", "fashion-pair", "--test-data", images});
        for (Object[] c : cases) {
            List<String> args = new ArrayList<>(List.of("train"));
            for (int k = 1; k < c.length; k++) {
                args.add(c[k].toString());
            }
            args.addAll(List.of("--steps", "1", "--trace", out("t.csv"), "--summary", out("s.json"), "--save-model", out("m.csv")));
            CliResult r = run(args.toArray(new String[0]));
            String what = String.join(" ", args);
            assertEquals(2, r.code(), what + "\n" + r.err());
            assertEquals(1, r.err().lines().count(), "one line: " + r.err());
            assertTrue(r.err().startsWith("bigstep: ") && r.err().contains((String) c[0]), what + "\n  expected: " + c[0] + "\n  found: " + r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertEquals(List.of("in"), files(), what + " left files behind");
        }
    }

    @Test
    void dataCommandHasHelp() {
        CliResult r = run("data", "make-fashion-pair", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("dataset-fashion-mnist"), r.out());
        CliResult missing = run("data", "make-fashion-pair", "--source", dir.resolve("nowhere").toString(), "--out", out("o"));
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("install Debian's dataset-fashion-mnist"), missing.err());
    }
}
