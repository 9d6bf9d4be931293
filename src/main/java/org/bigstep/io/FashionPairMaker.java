package org.bigstep.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes the shipped {@code fashion-pair} data from Debian's {@code dataset-fashion-mnist}: two classes, a
 * stratified seeded draw of training images from the 60000-image train set and of test images from the
 * separate 10000-image t10k set, written as gzipped IDX with the original class bytes.
 *
 * <p>{@code java -cp bigstep-cli.jar org.bigstep.io.FashionPairMaker [SOURCE_DIR OUT_DIR]} (also
 * {@code ./bigstep data make-fashion-pair}); the defaults regenerate {@code data/fashion-pair} bit for bit.
 */
public final class FashionPairMaker {

    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    public static final String CLASSES = ShippedData.FASHION_PAIR_CLASSES;
    public static final int TRAIN = 3000;
    public static final int TEST = 1000;
    public static final long SEED = 2024;

    private FashionPairMaker() {
    }

    public static void main(String[] args) throws IOException {
        Path source = args.length > 0 ? Path.of(args[0]) : DEBIAN_DIR;
        Path out = args.length > 1 ? Path.of(args[1]) : Path.of("data", ShippedData.FASHION_PAIR);
        for (String line : make(source, out, CLASSES, TRAIN, TEST, SEED)) {
            System.out.println(line);
        }
    }

    /** Writes the four files into {@code out}; returns one line per file written. */
    public static List<String> make(Path source, Path out, String classes, int train, int test, long seed) throws IOException {
        Files.createDirectories(out);
        String a = write(source, "train", out, classes, train, seed);
        String b = write(source, "t10k", out, classes, test, seed);
        return List.of(a, b);
    }

    private static String write(Path source, String split, Path out, String classes, int count, long seed) throws IOException {
        LabeledSource src = IdxReader.open(DataFile.of(source.resolve(split + "-images-idx3-ubyte.gz")),
                DataFile.of(source.resolve(split + "-labels-idx1-ubyte.gz")));
        SampleSelection.Labeling labeling = SampleSelection.labeling(src, classes);
        SampleSelection.Part all = SampleSelection.all(src, labeling);
        SampleSelection.Part drawn = SampleSelection.draw(all, count, true, seed)[1];
        float[] rows = src.rows(drawn.indices());
        byte[] pixels = new byte[rows.length];
        for (int k = 0; k < rows.length; k++) {
            pixels[k] = (byte) (int) rows[k];
        }
        byte[] labels = new byte[drawn.size()];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = (byte) src.classes()[drawn.indices()[r]];
        }
        String prefix = split.equals("t10k") ? "test" : "train";
        Path images = out.resolve(prefix + "-images-idx3-ubyte.gz");
        Path labelFile = out.resolve(prefix + "-labels-idx1-ubyte.gz");
        IdxWriter.writeImages(images, pixels, drawn.size(), 28, 28);
        IdxWriter.writeLabels(labelFile, labels);
        return prefix + ": " + drawn.size() + " images (" + SampleSelection.positives(drawn.labels()) + " "
                + src.classNames().name(labeling.positive()) + ") from " + src.name() + " -> " + images + ", " + labelFile
                + " (" + Files.size(images) + " + " + Files.size(labelFile) + " bytes)";
    }
}
