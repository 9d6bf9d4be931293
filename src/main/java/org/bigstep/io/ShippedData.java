package org.bigstep.io;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Real data shipped with bigstep, loadable by name with no download: {@code fashion-pair} (training split,
 * with its test split attached as the held-out set) and {@code fashion-pair-test} (the test split alone).
 *
 * <p>The files are looked up as class-path resources under {@code /bigstep-data/} (the build copies
 * {@code data/} into the jar, so embedding works), then in a {@code data/} folder beside or above the
 * running jar, then in {@code ./data}; {@code -Dbigstep.data=DIR} puts DIR first.
 */
public final class ShippedData {

    public static final String FASHION_PAIR = "fashion-pair";
    public static final String FASHION_PAIR_TEST = "fashion-pair-test";
    public static final List<String> NAMES = List.of(FASHION_PAIR, FASHION_PAIR_TEST);
    /** The pair: positive class first. */
    public static final String FASHION_PAIR_CLASSES = "pullover,coat";
    public static final String DATA_PROPERTY = "bigstep.data";
    static final String RESOURCE_ROOT = "/bigstep-data/";

    private ShippedData() {
    }

    public static boolean isShipped(String spec) {
        return NAMES.contains(spec.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Loads a shipped set with the request's selection and preprocessing options (its files are ignored).
     * {@code fashion-pair} takes its test split as the test set unless the request holds one out itself.
     */
    public static LoadedData load(String name, DataRequest options) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(key)) {
            throw new InputException("unknown shipped dataset '" + name + "'; expected one of " + String.join(", ", NAMES));
        }
        String classes = options.classes() != null ? options.classes() : FASHION_PAIR_CLASSES;
        DataRequest request = new DataRequest(DataFormat.IDX, List.of(Path.of(key)), null, List.of(), null, classes,
                options.subset(), options.stratified(), options.testFraction(), options.seed(), options.preprocess());
        LabeledSource train = open(key.equals(FASHION_PAIR) ? "train" : "test");
        LabeledSource test = key.equals(FASHION_PAIR) && options.testFraction() == 0 ? open("test") : null;
        return DataLoader.select(train, test, request);
    }

    private static LabeledSource open(String split) {
        return IdxReader.open(file(split + "-images-idx3-ubyte.gz"), file(split + "-labels-idx1-ubyte.gz"));
    }

    /** The shipped file {@code fashion-pair/NAME}, from the first place that has it. */
    static DataFile file(String name) {
        String relative = FASHION_PAIR + "/" + name;
        List<DataFile> candidates = new ArrayList<>();
        String dir = System.getProperty(DATA_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            candidates.add(DataFile.of(Path.of(dir).resolve(relative)));
        }
        candidates.add(DataFile.resource(RESOURCE_ROOT + relative));
        for (Path base : codeLocations()) {
            candidates.add(DataFile.of(base.resolve("data").resolve(relative)));
        }
        candidates.add(DataFile.of(Path.of("data").resolve(relative)));
        for (DataFile f : candidates) {
            if (f.exists()) {
                return f;
            }
        }
        throw new InputException("shipped data file " + relative + " not found on the class path, in -D" + DATA_PROPERTY
                + ", beside the jar or in ./data; rebuild with 'mvn package' or regenerate it (see data/README.md)");
    }

    /** The folder of the running jar (or classes directory) and its parents up to two levels. */
    private static List<Path> codeLocations() {
        List<Path> out = new ArrayList<>();
        try {
            var source = ShippedData.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
                Path dir = Files.isDirectory(p) ? p : p.getParent();
                for (int k = 0; k < 3 && dir != null; k++, dir = dir.getParent()) {
                    out.add(dir);
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            // no usable code location: the class path and ./data remain
        }
        return out;
    }
}
