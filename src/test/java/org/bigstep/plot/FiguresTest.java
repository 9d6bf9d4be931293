package org.bigstep.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class FiguresTest {

    @TempDir
    Path dir;

    static LineChart chart() {
        double[] x = new double[5000];
        double[] y = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 1.0 / (1 + i);
        }
        return new LineChart("risk", "step t", "risk").logX(true).logY(true).add("eta=1", x, y).add("eta=2", x, y);
    }

    /** An XML parser that does not fetch the SVG DTD (no network in tests). */
    public static DocumentBuilderFactory xml() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f;
    }

    /** Decodes a PNG and checks its size and that it is not one flat colour. */
    public static BufferedImage decodePng(Path file, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image != null, file + " is not a decodable image");
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        int first = image.getRGB(0, 0);
        boolean varied = false;
        for (int yy = 0; yy < height && !varied; yy += 7) {
            for (int xx = 0; xx < width && !varied; xx += 7) {
                varied = image.getRGB(xx, yy) != first;
            }
        }
        assertTrue(varied, file + " is blank");
        return image;
    }

    @Test
    void pngSvgAndPanels() throws Exception {
        Figures.save(chart(), dir.resolve("a.png"), 640, 480);
        decodePng(dir.resolve("a.png"), 640, 480);
        Figures.save(chart(), dir.resolve("a.svg"), 640, 480);
        var doc = FiguresTest.xml().newDocumentBuilder().parse(dir.resolve("a.svg").toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        Figures.savePanels(List.of(chart(), chart(), chart()), 2, dir.resolve("p.png"));
        decodePng(dir.resolve("p.png"), 2 * Figures.PANEL_WIDTH, 2 * Figures.PANEL_HEIGHT);
    }

    @Test
    void badTargetsAndEmptyCharts() {
        assertThrows(IllegalArgumentException.class, () -> Figures.save(chart(), dir.resolve("a.jpg"), 100, 100));
        assertThrows(IllegalArgumentException.class, () -> Figures.savePanels(List.of(chart()), 1, dir.resolve("a.svg")));
        LineChart nothing = new LineChart("t", "x", "y").logY(true).add("s", new double[] {1, 2}, new double[] {0, -1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Figures.save(nothing, dir.resolve("n.png"), 100, 100));
        assertTrue(e.getMessage().contains("log axis"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("n.png")));
    }

    @Test
    void thinningKeepsEndsAndBoundsThePoints() {
        double[][] xy = LineChart.drawable(chart().series().get(0), true, true);
        assertTrue(xy[0].length <= LineChart.MAX_POINTS + 1, "thinned to " + xy[0].length);
        assertEquals(1.0, xy[0][0], "step 0 is dropped on a log axis");
        assertEquals(4999.0, xy[0][xy[0].length - 1]);
        double[][] lin = LineChart.drawable(chart().series().get(0), false, false);
        assertEquals(0.0, lin[0][0]);
        assertEquals(4999.0, lin[0][lin[0].length - 1]);
    }
}
