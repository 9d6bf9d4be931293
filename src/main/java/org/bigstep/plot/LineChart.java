package org.bigstep.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One line chart: several named series of (x, y) points, linear or log axes. Points that a log axis
 * cannot show (non-positive) and non-finite points are dropped, and long series are thinned for drawing,
 * so a chart can be built straight from trace columns.
 */
public final class LineChart {

    /** Above this many points a series is thinned (evenly in the index, or in log x on a log-x axis). */
    static final int MAX_POINTS = 3000;

    /** Colour-blind-safe palette (Okabe-Ito), then XChart's defaults. */
    private static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66)};

    /** A named series. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
            }
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private boolean logX;
    private boolean logY;
    private Styler.LegendPosition legend = Styler.LegendPosition.InsideNE;
    private final List<Series> series = new ArrayList<>();
    private final List<Series> references = new ArrayList<>();

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart logX(boolean on) {
        this.logX = on;
        return this;
    }

    public LineChart logY(boolean on) {
        this.logY = on;
        return this;
    }

    /** Where the legend goes: NE (default), NW, SE, SW inside the plot, or S below it. */
    public LineChart legend(String corner) {
        switch (corner) {
            case "NE": legend = Styler.LegendPosition.InsideNE; break;
            case "NW": legend = Styler.LegendPosition.InsideNW; break;
            case "SE": legend = Styler.LegendPosition.InsideSE; break;
            case "SW": legend = Styler.LegendPosition.InsideSW; break;
            case "S": legend = Styler.LegendPosition.OutsideS; break;
            default: throw new IllegalArgumentException("legend: expected NE, NW, SE, SW or S, found '" + corner + "'");
        }
        return this;
    }

    public LineChart add(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y));
        return this;
    }

    /** A dashed grey line (a threshold, a fitted slope), drawn behind nothing and listed in the legend. */
    public LineChart reference(String name, double[] x, double[] y) {
        references.add(new Series(name, x, y));
        return this;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    public boolean isLogX() {
        return logX;
    }

    public boolean isLogY() {
        return logY;
    }

    /** The XChart chart at this size; throws when no series has a drawable point. */
    public XYChart toXChart(int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        org.knowm.xchart.style.XYStyler s = chart.getStyler();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        s.setLegendPosition(legend);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setLegendBorderColor(new Color(200, 200, 200));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        s.setSeriesColors(PALETTE);
        s.setAntiAlias(true);
        chart.getStyler().setXAxisDecimalPattern(logX ? "0.#E0" : null);
        if (logY) {
            chart.getStyler().setYAxisDecimalPattern("0.#E0");
        }
        int drawn = 0;
        int k = 0;
        for (Series in : series) {
            double[][] xy = drawable(in, logX, logY);
            if (xy[0].length == 0) {
                continue;
            }
            XYSeries out = chart.addSeries(uniqueName(chart, in.name()), xy[0], xy[1]);
            out.setMarker(SeriesMarkers.NONE);
            out.setLineColor(PALETTE[k++ % PALETTE.length]);
            out.setLineWidth(1.4f);
            drawn++;
        }
        if (drawn == 0) {
            throw new IllegalArgumentException("chart '" + title + "': no series has a point to draw"
                    + (logX || logY ? " (a log axis drops values <= 0)" : ""));
        }
        float[][] dashes = {{5f, 4f}, {1.5f, 3f}, {8f, 3f, 2f, 3f}};
        int r = 0;
        for (Series in : references) {
            double[][] xy = drawable(in, logX, logY);
            if (xy[0].length == 0) {
                continue;
            }
            XYSeries out = chart.addSeries(uniqueName(chart, in.name()), xy[0], xy[1]);
            out.setMarker(SeriesMarkers.NONE);
            out.setLineColor(new Color(120, 120, 120));
            out.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dashes[r++ % dashes.length], 0f));
        }
        return chart;
    }

    private static String uniqueName(XYChart chart, String name) {
        String n = name;
        for (int i = 2; chart.getSeriesMap().containsKey(n); i++) {
            n = name + " (" + i + ")";
        }
        return n;
    }

    /** The finite points a linear/log axis can show, thinned to at most MAX_POINTS. */
    static double[][] drawable(Series s, boolean logX, boolean logY) {
        int n = s.x().length;
        double[] x = new double[n];
        double[] y = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double xi = s.x()[i];
            double yi = s.y()[i];
            if (!Double.isFinite(xi) || !Double.isFinite(yi) || (logX && xi <= 0) || (logY && yi <= 0)) {
                continue;
            }
            x[k] = xi;
            y[k] = yi;
            k++;
        }
        return thin(java.util.Arrays.copyOf(x, k), java.util.Arrays.copyOf(y, k), logX);
    }

    /**
     * Keeps at most MAX_POINTS points: on a log-x axis the points nearest to evenly spaced log x (so the
     * early steps, where the oscillation is, stay dense), else every k-th point; the last point is kept.
     */
    static double[][] thin(double[] x, double[] y, boolean logX) {
        int n = x.length;
        if (n <= MAX_POINTS) {
            return new double[][] {x, y};
        }
        double[] ox = new double[MAX_POINTS + 1];
        double[] oy = new double[MAX_POINTS + 1];
        int k = 0;
        if (logX) {
            double lo = Math.log(x[0]);
            double span = Math.log(x[n - 1]) - lo;
            double next = lo;
            double stepLog = span / MAX_POINTS;
            for (int i = 0; i < n && k < MAX_POINTS; i++) {
                if (Math.log(x[i]) >= next || i == 0) {
                    ox[k] = x[i];
                    oy[k] = y[i];
                    k++;
                    next = Math.log(x[i]) + stepLog;
                }
            }
        } else {
            double stride = (double) n / MAX_POINTS;
            for (int j = 0; j < MAX_POINTS; j++) {
                int i = (int) (j * stride);
                ox[k] = x[i];
                oy[k] = y[i];
                k++;
            }
        }
        if (ox[k - 1] != x[n - 1]) {
            ox[k] = x[n - 1];
            oy[k] = y[n - 1];
            k++;
        }
        return new double[][] {java.util.Arrays.copyOf(ox, k), java.util.Arrays.copyOf(oy, k)};
    }
}
