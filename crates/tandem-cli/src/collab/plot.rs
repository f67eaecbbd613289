//! The PNG of `tandem eval --plot`: accuracy against server share for every router, the oracle,
//! random routing (a straight line) and the always-local / always-server points, with axes,
//! ticks, labels and a legend. Drawn into an RGB buffer with a 5×7 bitmap font embedded below
//! (no font files offline), encoded with the `png` crate.
use std::io::BufWriter;
use std::path::Path;

use anyhow::{Context, Result};
use tandem_collab::CurvePoint;

pub const WIDTH: usize = 900;
pub const HEIGHT: usize = 600;

/// One router's curve, and the point its calibrated threshold reaches (when it has one).
pub struct Series {
    pub name: String,
    pub points: Vec<CurvePoint>,
    pub operating: Option<CurvePoint>,
}

pub struct Chart {
    pub title: String,
    pub routers: Vec<Series>,
    pub oracle: Vec<CurvePoint>,
    pub random: Vec<CurvePoint>,
    /// Always-local accuracy (share 0) and always-server accuracy (share 1).
    pub local: f32,
    pub server: f32,
}

type Rgb = [u8; 3];

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const GRID: Rgb = [228, 228, 228];
const AXIS: Rgb = [60, 60, 60];
const RANDOM: Rgb = [140, 140, 140];
const LOCAL: Rgb = [30, 30, 160];
const SERVER: Rgb = [160, 30, 30];
/// One colour per router, in order (cycled past the end).
const PALETTE: [Rgb; 10] = [
    [31, 119, 180],
    [255, 127, 14],
    [44, 160, 44],
    [214, 39, 40],
    [148, 103, 189],
    [140, 86, 75],
    [227, 119, 194],
    [188, 189, 34],
    [23, 190, 207],
    [255, 187, 120],
];

/// The plot area, in pixels.
const LEFT: i64 = 80;
const RIGHT: i64 = 660;
const TOP: i64 = 72;
const BOTTOM: i64 = 520;
/// Where the legend starts.
const LEGEND_X: i64 = 685;

pub fn write_png(path: &Path, chart: &Chart) -> Result<()> {
    let canvas = render(chart);
    let ctx = || format!("cannot write {}", path.display());
    let file = std::fs::File::create(path).with_context(ctx)?;
    let mut enc = png::Encoder::new(BufWriter::new(file), WIDTH as u32, HEIGHT as u32);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().with_context(ctx)?;
    w.write_image_data(&canvas.px).with_context(ctx)?;
    w.finish().with_context(ctx)
}

/// The y range shown: whole tenths around every accuracy, at least 0.2 tall, within [0, 1].
fn y_range(chart: &Chart) -> (f64, f64) {
    let all = chart
        .routers
        .iter()
        .flat_map(|s| s.points.iter())
        .chain(&chart.oracle)
        .chain(&chart.random)
        .map(|p| f64::from(p.accuracy))
        .chain([f64::from(chart.local), f64::from(chart.server)])
        .filter(|v| v.is_finite());
    let (mut lo, mut hi) = all.fold((1.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if lo > hi {
        (lo, hi) = (0.0, 1.0);
    }
    // A tolerance for f32 accuracies such as 0.8 (0.800000011… as f64).
    let mut lo = (((lo * 10.0) + 1e-6).floor() / 10.0).clamp(0.0, 1.0);
    let mut hi = (((hi * 10.0) - 1e-6).ceil() / 10.0).clamp(0.0, 1.0);
    while hi - lo < 0.2 - 1e-9 {
        if hi < 1.0 {
            hi = (hi + 0.1).min(1.0);
        } else {
            lo = (lo - 0.1).max(0.0);
        }
    }
    (lo, hi)
}

/// Draws the chart.
pub fn render(chart: &Chart) -> Canvas {
    let mut c = Canvas::new(WIDTH, HEIGHT, WHITE);
    let (y0, y1) = y_range(chart);
    let px = |share: f32| {
        LEFT + ((f64::from(share).clamp(0.0, 1.0)) * (RIGHT - LEFT) as f64).round() as i64
    };
    let py = |acc: f32| {
        let t = ((f64::from(acc) - y0) / (y1 - y0)).clamp(0.0, 1.0);
        BOTTOM - (t * (BOTTOM - TOP) as f64).round() as i64
    };

    // Grid and tick labels.
    for i in 0..=5 {
        let share = i as f32 / 5.0;
        let x = px(share);
        c.line((x, TOP), (x, BOTTOM), GRID, 1, None);
        c.line((x, BOTTOM), (x, BOTTOM + 6), AXIS, 1, None);
        let label = format!("{share:.1}");
        c.text(
            x - c.text_width(&label, 2) / 2,
            BOTTOM + 12,
            &label,
            2,
            AXIS,
        );
    }
    let step = if y1 - y0 > 0.5 + 1e-9 { 0.2 } else { 0.1 };
    let ticks = ((y1 - y0) / step).round() as i64;
    for i in 0..=ticks {
        let v = y0 + i as f64 * step;
        let y = py(v as f32);
        c.line((LEFT, y), (RIGHT, y), GRID, 1, None);
        c.line((LEFT - 6, y), (LEFT, y), AXIS, 1, None);
        let label = format!("{v:.1}");
        c.text(LEFT - 10 - c.text_width(&label, 2), y - 7, &label, 2, AXIS);
    }

    // Curves: random (dashed) and the oracle under the routers.
    let poly = |c: &mut Canvas, pts: &[CurvePoint], color: Rgb, thick: i64, dash: Option<i64>| {
        for w in pts.windows(2) {
            c.line(
                (px(w[0].share), py(w[0].accuracy)),
                (px(w[1].share), py(w[1].accuracy)),
                color,
                thick,
                dash,
            );
        }
    };
    poly(&mut c, &chart.random, RANDOM, 2, Some(8));
    poly(&mut c, &chart.oracle, BLACK, 2, None);
    let color = |i: usize| PALETTE[i % PALETTE.len()];
    for (i, s) in chart.routers.iter().enumerate() {
        poly(&mut c, &s.points, color(i), 2, None);
    }
    for (i, s) in chart.routers.iter().enumerate() {
        if let Some(p) = s.operating {
            let (x, y) = (px(p.share), py(p.accuracy));
            c.rect(x - 5, y - 5, 11, 11, BLACK);
            c.rect(x - 3, y - 3, 7, 7, color(i));
        }
    }
    c.disk(px(0.0), py(chart.local), 7, LOCAL);
    c.disk(px(1.0), py(chart.server), 7, SERVER);

    // Frame, axis labels, title.
    c.line((LEFT, TOP), (LEFT, BOTTOM), AXIS, 2, None);
    c.line((LEFT, BOTTOM), (RIGHT, BOTTOM), AXIS, 2, None);
    c.line((RIGHT, TOP), (RIGHT, BOTTOM), AXIS, 1, None);
    c.line((LEFT, TOP), (RIGHT, TOP), AXIS, 1, None);
    let xl = "server share";
    c.text(
        (LEFT + RIGHT) / 2 - c.text_width(xl, 2) / 2,
        BOTTOM + 40,
        xl,
        2,
        BLACK,
    );
    c.text(LEFT - 60, TOP - 36, "accuracy", 2, BLACK);
    c.text(
        (LEFT + RIGHT) / 2 - c.text_width(&chart.title, 2) / 2,
        10,
        &chart.title,
        2,
        BLACK,
    );

    // Legend: a swatch and a name per entry.
    let mut y = TOP;
    let row = 22;
    for (i, s) in chart.routers.iter().enumerate() {
        c.line((LEGEND_X, y + 7), (LEGEND_X + 24, y + 7), color(i), 3, None);
        c.text(LEGEND_X + 32, y, &s.name, 2, BLACK);
        y += row;
    }
    c.line((LEGEND_X, y + 7), (LEGEND_X + 24, y + 7), BLACK, 3, None);
    c.text(LEGEND_X + 32, y, "oracle", 2, BLACK);
    y += row;
    c.line(
        (LEGEND_X, y + 7),
        (LEGEND_X + 24, y + 7),
        RANDOM,
        2,
        Some(6),
    );
    c.text(LEGEND_X + 32, y, "random", 2, BLACK);
    y += row;
    c.disk(LEGEND_X + 12, y + 7, 6, LOCAL);
    c.text(LEGEND_X + 32, y, "always_local", 2, BLACK);
    y += row;
    c.disk(LEGEND_X + 12, y + 7, 6, SERVER);
    c.text(LEGEND_X + 32, y, "always_server", 2, BLACK);
    if chart.routers.iter().any(|s| s.operating.is_some()) {
        y += row;
        c.rect(LEGEND_X + 7, y + 2, 11, 11, BLACK);
        c.rect(LEGEND_X + 9, y + 4, 7, 7, WHITE);
        c.text(LEGEND_X + 32, y, "calibrated", 2, BLACK);
    }
    c
}

/// An RGB image, row-major, 3 bytes per pixel.
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    pub px: Vec<u8>,
}

impl Canvas {
    fn new(width: usize, height: usize, bg: Rgb) -> Self {
        Canvas {
            width,
            height,
            px: bg.repeat(width * height),
        }
    }

    /// Sets one pixel; outside the image, nothing.
    fn set(&mut self, x: i64, y: i64, color: Rgb) {
        if x < 0 || y < 0 || x >= self.width as i64 || y >= self.height as i64 {
            return;
        }
        let i = (y as usize * self.width + x as usize) * 3;
        self.px[i..i + 3].copy_from_slice(&color);
    }

    #[cfg(test)]
    fn get(&self, x: usize, y: usize) -> Option<Rgb> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let i = (y * self.width + x) * 3;
        Some([self.px[i], self.px[i + 1], self.px[i + 2]])
    }

    fn rect(&mut self, x: i64, y: i64, w: i64, h: i64, color: Rgb) {
        for yy in y..y + h {
            for xx in x..x + w {
                self.set(xx, yy, color);
            }
        }
    }

    fn disk(&mut self, cx: i64, cy: i64, r: i64, color: Rgb) {
        for y in -r..=r {
            for x in -r..=r {
                if x * x + y * y <= r * r {
                    self.set(cx + x, cy + y, color);
                }
            }
        }
    }

    /// A line `thick` pixels wide; `dash`: on for that many steps, then off as many.
    fn line(
        &mut self,
        (x0, y0): (i64, i64),
        (x1, y1): (i64, i64),
        color: Rgb,
        thick: i64,
        dash: Option<i64>,
    ) {
        let steps = (x1 - x0).abs().max((y1 - y0).abs()).max(1);
        let lo = -(thick - 1) / 2;
        let hi = thick / 2;
        for i in 0..=steps {
            if dash.is_some_and(|d| d > 0 && (i / d) % 2 == 1) {
                continue;
            }
            let x = x0 + ((x1 - x0) * i + steps / 2).div_euclid(steps);
            let y = y0 + ((y1 - y0) * i + steps / 2).div_euclid(steps);
            for dy in lo..=hi {
                for dx in lo..=hi {
                    self.set(x + dx, y + dy, color);
                }
            }
        }
    }

    /// Width in pixels of `s` at `scale` (each glyph 5 columns and a 1-column gap).
    fn text_width(&self, s: &str, scale: i64) -> i64 {
        s.chars().count() as i64 * 6 * scale
    }

    /// Draws `s` with its top-left corner at (x, y); characters outside printable ASCII are
    /// drawn as '?'.
    fn text(&mut self, x: i64, y: i64, s: &str, scale: i64, color: Rgb) {
        for (k, ch) in s.chars().enumerate() {
            let glyph = glyph(ch);
            let gx = x + k as i64 * 6 * scale;
            for (row, bits) in glyph.iter().enumerate() {
                for col in 0..5 {
                    if bits & (0b10000 >> col) != 0 {
                        self.rect(
                            gx + col * scale,
                            y + row as i64 * scale,
                            scale,
                            scale,
                            color,
                        );
                    }
                }
            }
        }
    }
}

fn glyph(ch: char) -> &'static [u8; 9] {
    let i = (ch as usize).wrapping_sub(0x20);
    FONT.get(i).unwrap_or(&FONT[('?' as usize) - 0x20])
}

/// A 5×7 font for printable ASCII (0x20..=0x7E), in cells of nine rows: seven above the
/// baseline and two for the descenders of g, j, p, q, y and the comma; top row first, bit 4 is
/// the leftmost column.
#[rustfmt::skip]
const FONT: [[u8; 9]; 95] = [
    [0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000], // space
    [0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00000, 0b00100, 0b00000, 0b00000], // !
    [0b01010, 0b01010, 0b01010, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000], // "
    [0b01010, 0b01010, 0b11111, 0b01010, 0b11111, 0b01010, 0b01010, 0b00000, 0b00000], // #
    [0b00100, 0b01111, 0b10100, 0b01110, 0b00101, 0b11110, 0b00100, 0b00000, 0b00000], // $
    [0b11000, 0b11001, 0b00010, 0b00100, 0b01000, 0b10011, 0b00011, 0b00000, 0b00000], // %
    [0b01100, 0b10010, 0b10100, 0b01000, 0b10101, 0b10010, 0b01101, 0b00000, 0b00000], // &
    [0b00100, 0b00100, 0b01000, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000], // '
    [0b00010, 0b00100, 0b01000, 0b01000, 0b01000, 0b00100, 0b00010, 0b00000, 0b00000], // (
    [0b01000, 0b00100, 0b00010, 0b00010, 0b00010, 0b00100, 0b01000, 0b00000, 0b00000], // )
    [0b00000, 0b00100, 0b10101, 0b01110, 0b10101, 0b00100, 0b00000, 0b00000, 0b00000], // *
    [0b00000, 0b00100, 0b00100, 0b11111, 0b00100, 0b00100, 0b00000, 0b00000, 0b00000], // +
    [0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b01100, 0b01100, 0b00100, 0b01000], // ,
    [0b00000, 0b00000, 0b00000, 0b11111, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000], // -
    [0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b01100, 0b01100, 0b00000, 0b00000], // .
    [0b00000, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0b00000, 0b00000, 0b00000], // /
    [0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110, 0b00000, 0b00000], // 0
    [0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110, 0b00000, 0b00000], // 1
    [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111, 0b00000, 0b00000], // 2
    [0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110, 0b00000, 0b00000], // 3
    [0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010, 0b00000, 0b00000], // 4
    [0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110, 0b00000, 0b00000], // 5
    [0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110, 0b00000, 0b00000], // 6
    [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000, 0b00000, 0b00000], // 7
    [0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110, 0b00000, 0b00000], // 8
    [0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100, 0b00000, 0b00000], // 9
    [0b00000, 0b01100, 0b01100, 0b00000, 0b01100, 0b01100, 0b00000, 0b00000, 0b00000], // :
    [0b00000, 0b01100, 0b01100, 0b00000, 0b00000, 0b01100, 0b01100, 0b00100, 0b01000], // ;
    [0b00010, 0b00100, 0b01000, 0b10000, 0b01000, 0b00100, 0b00010, 0b00000, 0b00000], // <
    [0b00000, 0b00000, 0b11111, 0b00000, 0b11111, 0b00000, 0b00000, 0b00000, 0b00000], // =
    [0b01000, 0b00100, 0b00010, 0b00001, 0b00010, 0b00100, 0b01000, 0b00000, 0b00000], // >
    [0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b00000, 0b00100, 0b00000, 0b00000], // ?
    [0b01110, 0b10001, 0b00001, 0b01101, 0b10101, 0b10101, 0b01110, 0b00000, 0b00000], // @
    [0b01110, 0b10001, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b00000, 0b00000], // A
    [0b11110, 0b10001, 0b10001, 0b11110, 0b10001, 0b10001, 0b11110, 0b00000, 0b00000], // B
    [0b01110, 0b10001, 0b10000, 0b10000, 0b10000, 0b10001, 0b01110, 0b00000, 0b00000], // C
    [0b11100, 0b10010, 0b10001, 0b10001, 0b10001, 0b10010, 0b11100, 0b00000, 0b00000], // D
    [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111, 0b00000, 0b00000], // E
    [0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b10000, 0b00000, 0b00000], // F
    [0b01110, 0b10001, 0b10000, 0b10111, 0b10001, 0b10001, 0b01111, 0b00000, 0b00000], // G
    [0b10001, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001, 0b00000, 0b00000], // H
    [0b01110, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110, 0b00000, 0b00000], // I
    [0b00111, 0b00010, 0b00010, 0b00010, 0b00010, 0b10010, 0b01100, 0b00000, 0b00000], // J
    [0b10001, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010, 0b10001, 0b00000, 0b00000], // K
    [0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b11111, 0b00000, 0b00000], // L
    [0b10001, 0b11011, 0b10101, 0b10101, 0b10001, 0b10001, 0b10001, 0b00000, 0b00000], // M
    [0b10001, 0b10001, 0b11001, 0b10101, 0b10011, 0b10001, 0b10001, 0b00000, 0b00000], // N
    [0b01110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110, 0b00000, 0b00000], // O
    [0b11110, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000, 0b10000, 0b00000, 0b00000], // P
    [0b01110, 0b10001, 0b10001, 0b10001, 0b10101, 0b10010, 0b01101, 0b00000, 0b00000], // Q
    [0b11110, 0b10001, 0b10001, 0b11110, 0b10100, 0b10010, 0b10001, 0b00000, 0b00000], // R
    [0b01111, 0b10000, 0b10000, 0b01110, 0b00001, 0b00001, 0b11110, 0b00000, 0b00000], // S
    [0b11111, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00000, 0b00000], // T
    [0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110, 0b00000, 0b00000], // U
    [0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01010, 0b00100, 0b00000, 0b00000], // V
    [0b10001, 0b10001, 0b10001, 0b10101, 0b10101, 0b10101, 0b01010, 0b00000, 0b00000], // W
    [0b10001, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0b10001, 0b00000, 0b00000], // X
    [0b10001, 0b10001, 0b10001, 0b01010, 0b00100, 0b00100, 0b00100, 0b00000, 0b00000], // Y
    [0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0b11111, 0b00000, 0b00000], // Z
    [0b01110, 0b01000, 0b01000, 0b01000, 0b01000, 0b01000, 0b01110, 0b00000, 0b00000], // [
    [0b00000, 0b10000, 0b01000, 0b00100, 0b00010, 0b00001, 0b00000, 0b00000, 0b00000], // \
    [0b01110, 0b00010, 0b00010, 0b00010, 0b00010, 0b00010, 0b01110, 0b00000, 0b00000], // ]
    [0b00100, 0b01010, 0b10001, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000], // ^
    [0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b11111, 0b00000, 0b00000], // _
    [0b01000, 0b00100, 0b00010, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000, 0b00000], // `
    [0b00000, 0b00000, 0b01110, 0b00001, 0b01111, 0b10001, 0b01111, 0b00000, 0b00000], // a
    [0b10000, 0b10000, 0b10110, 0b11001, 0b10001, 0b10001, 0b11110, 0b00000, 0b00000], // b
    [0b00000, 0b00000, 0b01110, 0b10000, 0b10000, 0b10001, 0b01110, 0b00000, 0b00000], // c
    [0b00001, 0b00001, 0b01101, 0b10011, 0b10001, 0b10001, 0b01111, 0b00000, 0b00000], // d
    [0b00000, 0b00000, 0b01110, 0b10001, 0b11111, 0b10000, 0b01110, 0b00000, 0b00000], // e
    [0b00110, 0b01001, 0b01000, 0b11100, 0b01000, 0b01000, 0b01000, 0b00000, 0b00000], // f
    [0b00000, 0b00000, 0b01111, 0b10001, 0b10001, 0b10001, 0b01111, 0b00001, 0b01110], // g
    [0b10000, 0b10000, 0b10110, 0b11001, 0b10001, 0b10001, 0b10001, 0b00000, 0b00000], // h
    [0b00100, 0b00000, 0b01100, 0b00100, 0b00100, 0b00100, 0b01110, 0b00000, 0b00000], // i
    [0b00010, 0b00000, 0b00110, 0b00010, 0b00010, 0b00010, 0b00010, 0b10010, 0b01100], // j
    [0b10000, 0b10000, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010, 0b00000, 0b00000], // k
    [0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110, 0b00000, 0b00000], // l
    [0b00000, 0b00000, 0b11010, 0b10101, 0b10101, 0b10001, 0b10001, 0b00000, 0b00000], // m
    [0b00000, 0b00000, 0b10110, 0b11001, 0b10001, 0b10001, 0b10001, 0b00000, 0b00000], // n
    [0b00000, 0b00000, 0b01110, 0b10001, 0b10001, 0b10001, 0b01110, 0b00000, 0b00000], // o
    [0b00000, 0b00000, 0b11110, 0b10001, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000], // p
    [0b00000, 0b00000, 0b01111, 0b10001, 0b10001, 0b10001, 0b01111, 0b00001, 0b00001], // q
    [0b00000, 0b00000, 0b10110, 0b11001, 0b10000, 0b10000, 0b10000, 0b00000, 0b00000], // r
    [0b00000, 0b00000, 0b01110, 0b10000, 0b01110, 0b00001, 0b11110, 0b00000, 0b00000], // s
    [0b01000, 0b01000, 0b11100, 0b01000, 0b01000, 0b01001, 0b00110, 0b00000, 0b00000], // t
    [0b00000, 0b00000, 0b10001, 0b10001, 0b10001, 0b10011, 0b01101, 0b00000, 0b00000], // u
    [0b00000, 0b00000, 0b10001, 0b10001, 0b10001, 0b01010, 0b00100, 0b00000, 0b00000], // v
    [0b00000, 0b00000, 0b10001, 0b10001, 0b10101, 0b10101, 0b01010, 0b00000, 0b00000], // w
    [0b00000, 0b00000, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0b00000, 0b00000], // x
    [0b00000, 0b00000, 0b10001, 0b10001, 0b10001, 0b10001, 0b01111, 0b00001, 0b01110], // y
    [0b00000, 0b00000, 0b11111, 0b00010, 0b00100, 0b01000, 0b11111, 0b00000, 0b00000], // z
    [0b00010, 0b00100, 0b00100, 0b01000, 0b00100, 0b00100, 0b00010, 0b00000, 0b00000], // {
    [0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00000, 0b00000], // |
    [0b01000, 0b00100, 0b00100, 0b00010, 0b00100, 0b00100, 0b01000, 0b00000, 0b00000], // }
    [0b00000, 0b00000, 0b01000, 0b10101, 0b00010, 0b00000, 0b00000, 0b00000, 0b00000], // ~
];

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> Chart {
        let pts = |acc: [f32; 3]| {
            acc.iter()
                .enumerate()
                .map(|(k, &accuracy)| CurvePoint {
                    share: k as f32 / 2.0,
                    accuracy,
                })
                .collect::<Vec<_>>()
        };
        Chart {
            title: "test".into(),
            routers: vec![Series {
                name: "learned".into(),
                points: pts([0.2, 0.7, 0.6]),
                operating: Some(CurvePoint {
                    share: 0.5,
                    accuracy: 0.7,
                }),
            }],
            oracle: pts([0.2, 0.8, 0.6]),
            random: pts([0.2, 0.4, 0.6]),
            local: 0.2,
            server: 0.6,
        }
    }

    #[test]
    fn font_covers_printable_ascii() {
        assert_eq!(FONT.len(), 0x7f - 0x20);
        assert!(FONT.iter().flatten().all(|&row| row < 0b100000));
        assert_eq!(glyph('A'), &FONT[33]);
        assert_eq!(glyph('é'), glyph('?'));
        // Every visible glyph has ink.
        assert!(FONT[1..].iter().all(|g| g.iter().any(|&r| r != 0)));
    }

    #[test]
    fn draws_curves_points_and_text() {
        let c = render(&chart());
        assert_eq!(c.px.len(), WIDTH * HEIGHT * 3);
        // The first router's colour and the endpoint markers are on the canvas.
        let has = |color: Rgb| c.px.chunks_exact(3).any(|p| p == color);
        assert!(has(PALETTE[0]) && has(LOCAL) && has(SERVER) && has(BLACK));
        // The y range covers 0.2..0.8 in whole tenths.
        assert_eq!(y_range(&chart()), (0.2, 0.8));
        assert_eq!(c.get(WIDTH, 0), None);
    }

    #[test]
    fn flat_or_empty_ranges_stay_drawable() {
        let mut ch = chart();
        for s in ch.routers.iter_mut() {
            s.points.iter_mut().for_each(|p| p.accuracy = 0.0);
        }
        ch.oracle.iter_mut().for_each(|p| p.accuracy = 0.0);
        ch.random.iter_mut().for_each(|p| p.accuracy = 0.0);
        ch.local = 0.0;
        ch.server = 0.0;
        let (lo, hi) = y_range(&ch);
        assert!(lo == 0.0 && (hi - 0.2).abs() < 1e-9);
        ch.local = 1.0;
        ch.server = 1.0;
        let (lo, hi) = y_range(&ch);
        assert!(lo <= 0.8 && hi == 1.0);
        let _ = render(&ch);
    }
}
