package org.bigstep.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A data file to stream: a path or a classpath resource, opened as bytes with gzip undone transparently
 * (detected from the magic bytes 1f 8b, not the name).
 */
public final class DataFile {

    /** Read-ahead for binary readers: large enough that the per-call overhead vanishes, small beside the data. */
    static final int BUFFER = 1 << 16;

    private final String name;
    private final Path path;
    private final String resource;

    private DataFile(String name, Path path, String resource) {
        this.name = name;
        this.path = path;
        this.resource = resource;
    }

    public static DataFile of(Path path) {
        return new DataFile(path.toString(), path, null);
    }

    /** A resource on this class's class path, e.g. {@code /bigstep-data/fashion-pair/train-images-idx3-ubyte.gz}. */
    public static DataFile resource(String resource) {
        return new DataFile("classpath:" + resource, null, resource);
    }

    public String name() {
        return name;
    }

    /** The file name without directories (for format detection). */
    public String fileName() {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return path != null ? Files.isRegularFile(path) : DataFile.class.getResource(resource) != null;
    }

    /** Opens the raw bytes (still compressed if the file is). */
    public InputStream openRaw() {
        try {
            if (path != null) {
                if (Files.isDirectory(path)) {
                    throw DataFile.error(name, null, "expected a file, found a directory");
                }
                return Files.newInputStream(path);
            }
            InputStream in = DataFile.class.getResourceAsStream(resource);
            if (in == null) {
                throw DataFile.error(name, null, "resource not found on the class path");
            }
            return in;
        } catch (NoSuchFileException e) {
            throw DataFile.error(name, null, "file not found");
        } catch (IOException e) {
            throw DataFile.error(name, null, "cannot open: " + e.getMessage());
        }
    }

    /** Opens the content: buffered, gunzipped when the file starts with the gzip magic. */
    public InputStream open() {
        InputStream raw = openRaw();
        try {
            BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            }
            return in;
        } catch (IOException e) {
            closeQuietly(raw);
            throw DataFile.error(name, null, "not a readable gzip file: " + e.getMessage());
        }
    }

    /** The first {@code count} bytes of the content (fewer if the file is shorter), for format detection. */
    public byte[] head(int count) {
        try (InputStream in = open()) {
            return in.readNBytes(count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A located problem in a file that may be a class-path resource: "FILE: WHERE: message". */
    static InputException error(String file, String where, String message) {
        return new InputException(file + (where == null || where.isEmpty() ? "" : ": " + where) + ": " + message);
    }

    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing after a failure; the first error is the one reported
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
