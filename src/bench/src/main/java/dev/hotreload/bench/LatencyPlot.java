package dev.hotreload.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Draws the latency distributions of one run as cumulative distributions on a logarithmic
 * time axis, with Java2D into a PNG: each curve rises from 0 to 100 % of the changes, so
 * the further left a curve, the faster.
 */
final class LatencyPlot {

	private static final int WIDTH = 960;

	private static final int PLOT_HEIGHT = 480;

	private static final int LEFT = 70;

	private static final int RIGHT = 30;

	private static final int TITLE_HEIGHT = 45;

	private static final int LEGEND_LINE = 20;

	private static final int BOTTOM = 60;

	private static final double[] TICKS = { 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000 };

	private LatencyPlot() {
	}

	/**
	 * Write the plot.
	 * @param title the title
	 * @param series the distributions
	 * @param file the PNG file
	 * @throws IOException if the file cannot be written
	 */
	static void write(String title, List<Series> series, Path file) throws IOException {
		System.setProperty("java.awt.headless", "true");
		// The legend goes between the title and the plot, where no curve runs.
		int top = TITLE_HEIGHT + LEGEND_LINE * series.size() + 10;
		int height = top + PLOT_HEIGHT + BOTTOM;
		double min = series.stream().mapToDouble((s) -> s.samples().min()).min().orElse(1);
		double max = series.stream().mapToDouble((s) -> s.samples().max()).max().orElse(10);
		double low = Math.pow(10, Math.floor(Math.log10(Math.max(min, 1))));
		double high = Math.pow(10, Math.ceil(Math.log10(Math.max(max, low * 10))));
		BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, WIDTH, height);
		int plotWidth = WIDTH - LEFT - RIGHT;
		int plotHeight = PLOT_HEIGHT;
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		for (int percent = 0; percent <= 100; percent += 25) {
			int y = top + plotHeight - percent * plotHeight / 100;
			g.setColor(new Color(225, 225, 225));
			g.drawLine(LEFT, y, LEFT + plotWidth, y);
			g.setColor(Color.DARK_GRAY);
			g.drawString(percent + " %", LEFT - 45, y + 4);
		}
		for (double tick : TICKS) {
			if (tick < low || tick > high) {
				continue;
			}
			int x = x(tick, low, high, plotWidth);
			g.setColor(new Color(225, 225, 225));
			g.drawLine(x, top, x, top + plotHeight);
			g.setColor(Color.DARK_GRAY);
			String label = (tick >= 1000) ? String.format(Locale.ROOT, "%.0f s", tick / 1000)
					: String.format(Locale.ROOT, "%.0f ms", tick);
			g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, top + plotHeight + 18);
		}
		g.setColor(Color.BLACK);
		g.drawRect(LEFT, top, plotWidth, plotHeight);
		g.drawString("time from the change to the first answer by the new code (log scale)", LEFT + plotWidth / 2 - 200,
				height - 15);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
		g.drawString(title, LEFT, 30);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		g.setStroke(new BasicStroke(2.5f));
		int legendY = TITLE_HEIGHT + LEGEND_LINE;
		for (Series one : series) {
			List<Double> sorted = new ArrayList<>(one.samples().values());
			Collections.sort(sorted);
			Path2D.Double curve = new Path2D.Double();
			int n = sorted.size();
			for (int i = 0; i < n; i++) {
				double x = x(sorted.get(i), low, high, plotWidth);
				double yBefore = top + plotHeight - (double) i / n * plotHeight;
				double yAfter = top + plotHeight - (double) (i + 1) / n * plotHeight;
				if (i == 0) {
					curve.moveTo(x, yBefore);
				}
				else {
					curve.lineTo(x, yBefore);
				}
				curve.lineTo(x, yAfter);
			}
			g.setColor(one.color());
			g.draw(curve);
			g.drawLine(LEFT + 15, legendY - 4, LEFT + 40, legendY - 4);
			g.setColor(Color.BLACK);
			g.drawString(String.format(Locale.ROOT, "%s: p50 %.0f ms, n = %d", one.name(), one.samples().p50(), n),
					LEFT + 48, legendY);
			legendY += LEGEND_LINE;
		}
		g.dispose();
		ImageIO.write(image, "png", file.toFile());
	}

	private static int x(double millis, double low, double high, int plotWidth) {
		double clamped = Math.min(Math.max(millis, low), high);
		return LEFT + (int) Math
			.round((Math.log10(clamped) - Math.log10(low)) / (Math.log10(high) - Math.log10(low)) * plotWidth);
	}

	/**
	 * One distribution of the plot.
	 *
	 * @param name what was measured
	 * @param color the curve's color
	 * @param samples the measured values, ms
	 */
	record Series(String name, Color color, Samples samples) {

	}

}
