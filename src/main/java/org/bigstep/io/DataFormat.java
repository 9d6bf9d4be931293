package org.bigstep.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The on-disk formats, detected from the name and the first bytes; {@code --format} overrides. */
public enum DataFormat {
    CSV, IDX, CIFAR10;

    public static DataFormat parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("-", "");
        switch (t) {
            case "csv":
                return CSV;
            case "idx":
                return IDX;
            case "cifar10":
            case "cifar":
                return CIFAR10;
            default:
                throw new IllegalArgumentException("--format: unknown format '" + text + "'; expected csv, idx or cifar10");
        }
    }

    /**
     * IDX when the content starts with 00 00 08 (gzip undone) or the name says idx/ubyte; CIFAR-10 for a folder
     * or a {@code .bin} file; CSV otherwise (its reader then names what it found).
     */
    public static DataFormat detect(Path path) {
        if (Files.isDirectory(path)) {
            return CIFAR10;
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (Files.isRegularFile(path) && IdxReader.looksLikeIdx(DataFile.of(path).head(4))) {
            return IDX;
        }
        if (name.contains("idx") || name.contains("ubyte")) {
            return IDX;
        }
        if (name.endsWith(".bin") || name.endsWith(".bin.gz")) {
            return CIFAR10;
        }
        return CSV;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
