package org.bigstep.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and corrupted bytes fed to every reader: each either reads or fails with an
 * {@link InputException} that names the file; never another exception, an OutOfMemoryError or a hang.
 */
class ReaderFuzzTest {

    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("bigstep-fuzz");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    static final String GOOD_CSV = "x1,x2,label\n0.5,-1.25,1\n1e-3,2,-1\n\"3\",4.5e2,0\n# comment\n-7,8,+1\n";
    static final String GOOD_MODEL = "sign,w0,w1\n1,0.5,-0.25\n-1,1e-3,7\n";

    /** Reads {@code bytes} as a file with {@code reader}; fails the property on anything but success or a located InputException. */
    static void check(byte[] bytes, String name, Function<Path, ?> reader) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                reader.apply(f);
            } catch (InputException e) {
                assertTrue(e.getMessage().startsWith(f.toString()), "message does not name the file: " + e.getMessage());
                assertTrue(e.getMessage().lines().count() == 1, "message is not one line: " + e.getMessage());
            } catch (Throwable t) {
                fail("expected data or an InputException, found " + t, t);
            }
        });
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    }

    @Provide
    Arbitrary<String> csvLike() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("label", "x", "1", "-1", "0", "+1", "NaN", "Infinity", "-0", "1e40", "1e-50", "\"", "\"\"", ",",
                        "\n", "\r\n", "#", " ", "\t", "label,label", "0x1p3", "1_000", "\u00e9", "\uFEFF"),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(6));
        return token.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    /** A valid file with a few bytes changed, removed or inserted. */
    @Provide
    Arbitrary<byte[]> corruptedCsv() {
        return corrupt(GOOD_CSV.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> corruptedModel() {
        return corrupt(GOOD_MODEL.getBytes(StandardCharsets.UTF_8));
    }

    static Arbitrary<byte[]> corrupt(byte[] good) {
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, good.length - 1);
        Arbitrary<Byte> value = Arbitraries.oneOf(Arbitraries.bytes(), Arbitraries.of((byte) ',', (byte) '\n', (byte) '"',
                (byte) '-', (byte) 'e', (byte) '.', (byte) 0));
        Arbitrary<Integer> op = Arbitraries.integers().between(0, 3);
        return Combinators.combine(pos, value, op).as((p, v, o) -> new int[] {p, v, o}).list().ofMinSize(1).ofMaxSize(4)
                .map(edits -> {
                    byte[] b = good.clone();
                    for (int[] e : edits) {
                        int p = Math.min(e[0], Math.max(0, b.length - 1));
                        switch (e[2]) {
                            case 0: if (b.length > 0) b[p] = (byte) e[1]; break;
                            case 1: b = remove(b, p); break;
                            case 2: b = insert(b, p, (byte) e[1]); break;
                            default: b = java.util.Arrays.copyOf(b, p); break; // truncate
                        }
                    }
                    return b;
                });
    }

    private static byte[] remove(byte[] b, int p) {
        if (b.length == 0) {
            return b;
        }
        byte[] r = new byte[b.length - 1];
        System.arraycopy(b, 0, r, 0, p);
        System.arraycopy(b, p + 1, r, p, b.length - p - 1);
        return r;
    }

    private static byte[] insert(byte[] b, int p, byte v) {
        byte[] r = new byte[b.length + 1];
        System.arraycopy(b, 0, r, 0, p);
        r[p] = v;
        System.arraycopy(b, p, r, p + 1, b.length - p);
        return r;
    }

    @Property(tries = 300)
    void csvDatasetFromRandomBytes(@ForAll("randomBytes") byte[] bytes) throws IOException {
        check(bytes, "random.csv", CsvDatasetReader::read);
    }

    @Property(tries = 300)
    void csvDatasetFromCsvLikeText(@ForAll("csvLike") String text) throws IOException {
        check(text.getBytes(StandardCharsets.UTF_8), "text.csv", CsvDatasetReader::read);
    }

    @Property(tries = 300)
    void csvDatasetCorrupted(@ForAll("corruptedCsv") byte[] bytes) throws IOException {
        check(bytes, "corrupt.csv", CsvDatasetReader::read);
    }

    @Property(tries = 200)
    void modelCsvCorrupted(@ForAll("corruptedModel") byte[] bytes) throws IOException {
        check(bytes, "model.csv", ModelCsv::read);
    }

    @Property(tries = 200)
    void modelCsvFromRandomBytes(@ForAll("randomBytes") byte[] bytes) throws IOException {
        check(bytes, "rmodel.csv", ModelCsv::read);
    }

    @Property(tries = 200)
    void checkpointCorrupted(@ForAll("corruptedCheckpoint") byte[] bytes) throws IOException {
        check(bytes, "c.ckpt", Checkpoint::read);
    }

    @Provide
    Arbitrary<byte[]> corruptedCheckpoint() throws IOException {
        Path f = Files.createTempFile("bigstep-ckpt", ".ckpt");
        try {
            CheckpointTest.sample().write(f);
            return corrupt(Files.readAllBytes(f));
        } finally {
            Files.deleteIfExists(f);
        }
    }
    /** Reads a whole IDX pair or CIFAR-10 file set, all rows. */
    static void readAll(LabeledSource s) {
        int[] all = new int[s.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        s.rows(all);
    }

    /** Like {@link #check} for readers of several files: the message must name one of them. */
    static void checkFiles(java.util.List<Path> files, Runnable read) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                read.run();
            } catch (InputException e) {
                assertTrue(files.stream().anyMatch(f -> e.getMessage().startsWith(f.toString())),
                        "message does not name the file: " + e.getMessage());
                assertTrue(e.getMessage().lines().count() == 1, "message is not one line: " + e.getMessage());
            } catch (Throwable t) {
                fail("expected data or an InputException, found " + t, t);
            }
        });
    }

    @Provide
    Arbitrary<byte[]> corruptedIdxImages() {
        return corrupt(BinaryFixtures.idxImages(3, 4, 5));
    }

    @Provide
    Arbitrary<byte[]> corruptedIdxLabels() {
        return corrupt(BinaryFixtures.idxLabels(0, 1, 2));
    }

    @Provide
    Arbitrary<byte[]> corruptedCifar() {
        return corrupt(BinaryFixtures.cifar(0, 3, 5));
    }

    @Property(tries = 200)
    void idxImagesCorrupted(@ForAll("corruptedIdxImages") byte[] images) throws IOException {
        Path img = BinaryFixtures.write(dir, "img.idx", images);
        Path lbl = BinaryFixtures.write(dir, "lbl.idx", BinaryFixtures.idxLabels(0, 1, 2));
        checkFiles(java.util.List.of(img, lbl), () -> readAll(IdxReader.open(DataFile.of(img), DataFile.of(lbl))));
    }

    @Property(tries = 200)
    void idxLabelsCorrupted(@ForAll("corruptedIdxLabels") byte[] labels) throws IOException {
        Path img = BinaryFixtures.write(dir, "img.idx", BinaryFixtures.idxImages(3, 4, 5));
        Path lbl = BinaryFixtures.write(dir, "lbl.idx", labels);
        checkFiles(java.util.List.of(img, lbl), () -> readAll(IdxReader.open(DataFile.of(img), DataFile.of(lbl))));
    }

    @Property(tries = 100)
    void idxFromRandomBytes(@ForAll("randomBytes") byte[] images, @ForAll("randomBytes") byte[] labels) throws IOException {
        Path img = BinaryFixtures.write(dir, "rimg.idx", images);
        Path lbl = BinaryFixtures.write(dir, "rlbl.idx", labels);
        checkFiles(java.util.List.of(img, lbl), () -> readAll(IdxReader.open(DataFile.of(img), DataFile.of(lbl))));
    }

    @Property(tries = 100)
    void idxHeadersClaimingAbsurdSizes(@ForAll("absurd") int rows, @ForAll("absurd") int cols) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 + 40);
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(3).putInt(rows).putInt(cols);
        Path img = BinaryFixtures.write(dir, "big.idx", b.array());
        Path lbl = BinaryFixtures.write(dir, "big-lbl.idx", BinaryFixtures.idxLabels(0, 1, 2));
        checkFiles(java.util.List.of(img, lbl), () -> readAll(IdxReader.open(DataFile.of(img), DataFile.of(lbl))));
    }

    @Provide
    Arbitrary<Integer> absurd() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-5, 70_000), Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE,
                1 << 16, 16_000, 46_341));
    }

    @Property(tries = 200)
    void cifarCorrupted(@ForAll("corruptedCifar") byte[] bytes) throws IOException {
        Path f = BinaryFixtures.write(dir, "data_batch_1.bin", bytes);
        checkFiles(java.util.List.of(f), () -> readAll(Cifar10Reader.open(java.util.List.of(DataFile.of(f)))));
    }
}
