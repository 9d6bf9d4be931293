package org.bigstep.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.bigstep.io.AtomicFiles;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;

/** Writes charts to PNG or SVG files (chosen by the file's extension), one chart or a row of panels. */
public final class Figures {

    public static final int PANEL_WIDTH = 520;
    public static final int PANEL_HEIGHT = 380;

    private Figures() {
        // headless: no display is needed to draw into an image
    }

    static {
        System.setProperty("java.awt.headless", "true");
    }

    public enum Format { PNG, SVG }

    /** PNG or SVG from the file name; anything else is an {@link IllegalArgumentException} naming the file. */
    public static Format formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return Format.PNG;
        }
        if (name.endsWith(".svg")) {
            return Format.SVG;
        }
        throw new IllegalArgumentException(file + ": expected a file name ending in .png or .svg");
    }

    /** One chart, written atomically. */
    public static void save(LineChart chart, Path file, int width, int height) throws IOException {
        Format format = formatOf(file);
        XYChart xc = chart.toXChart(width, height);
        if (format == Format.SVG) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(xc, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            AtomicFiles.write(file, out.toByteArray());
        } else {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            paint(g, xc, width, height);
            g.dispose();
            writePng(image, file);
        }
    }

    /** Panels side by side, in rows of {@code columns}, as one PNG (e.g. Figure 2 (a-c)). */
    public static void savePanels(List<LineChart> charts, int columns, Path file) throws IOException {
        if (formatOf(file) != Format.PNG) {
            throw new IllegalArgumentException(file + ": panels are written as PNG; expected a .png name");
        }
        if (charts.isEmpty() || columns < 1) {
            throw new IllegalArgumentException(file + ": expected at least one chart and one column");
        }
        int cols = Math.min(columns, charts.size());
        int rows = (charts.size() + cols - 1) / cols;
        BufferedImage image = new BufferedImage(cols * PANEL_WIDTH, rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            Graphics2D panel = (Graphics2D) g.create((i % cols) * PANEL_WIDTH, (i / cols) * PANEL_HEIGHT, PANEL_WIDTH, PANEL_HEIGHT);
            paint(panel, charts.get(i).toXChart(PANEL_WIDTH, PANEL_HEIGHT), PANEL_WIDTH, PANEL_HEIGHT);
            panel.dispose();
        }
        g.dispose();
        writePng(image, file);
    }

    private static void paint(Graphics2D g, XYChart chart, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.paint(g, width, height);
    }

    private static void writePng(BufferedImage image, Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException(file + ": no PNG writer in this JDK");
        }
        AtomicFiles.write(file, out.toByteArray());
    }
}
