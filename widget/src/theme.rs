//! The city's own accent colour (`data-color`), made readable: WCAG 2 relative luminance and
//! contrast ratios, and the colour darkened (light scheme) or lightened (dark scheme) in small
//! steps until it reaches 4.5:1 against the dialog's backgrounds, so text, borders (3:1) and
//! focus rings in that colour stay AA. The loader does the same sums for its launcher.
//!
//! Pure integer and `f64` arithmetic (no float formatting, no `powf`): the colour is written
//! back as hex digits by hand.

/// An sRGB colour, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// White, the light scheme's background and the text on dark accents.
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
/// The text on light accents (the dark scheme's default `--wf-on-accent`).
pub const NEAR_BLACK: Rgb = Rgb(0x0d, 0x1b, 0x33);
/// The minimum for text (and, more than enough, for borders and focus rings).
pub const AA_TEXT: f64 = 4.5;

/// The colour scheme whose backgrounds the accent must stand out from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// `widget.css`'s light colours: `--wf-bg` `#ffffff`, `--wf-bubble` `#eef1f6`.
    Light,
    /// Its dark colours: `--wf-bg` `#1b1d21`, `--wf-bubble` `#272a31`.
    Dark,
}

impl Scheme {
    /// The backgrounds accent-coloured text sits on (the dialog and the bot's bubbles).
    fn backgrounds(self) -> [Rgb; 2] {
        match self {
            Self::Light => [WHITE, Rgb(0xee, 0xf1, 0xf6)],
            Self::Dark => [Rgb(0x1b, 0x1d, 0x21), Rgb(0x27, 0x2a, 0x31)],
        }
    }

    /// What the accent is mixed with to gain contrast: black on light, white on dark.
    fn toward(self) -> u8 {
        match self {
            Self::Light => 0,
            Self::Dark => 0xff,
        }
    }
}

/// The three custom properties a colour sets for one scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Accent {
    /// `--wf-accent`: the corrected colour.
    pub accent: Rgb,
    /// `--wf-accent-hover`: a step further from the background.
    pub hover: Rgb,
    /// `--wf-on-accent`: white or near-black, whichever contrasts more with the accent.
    pub on: Rgb,
}

/// Reads a CSS hex colour, `#rgb` or `#rrggbb` (any case); `None` for anything else.
pub fn parse(text: &str) -> Option<Rgb> {
    let d = text.trim().strip_prefix('#')?.as_bytes();
    let n = |i: usize| char::from(d[i]).to_digit(16).map(|v| v as u8);
    match d.len() {
        3 => Some(Rgb(n(0)? * 17, n(1)? * 17, n(2)? * 17)),
        6 => Some(Rgb(
            n(0)? << 4 | n(1)?,
            n(2)? << 4 | n(3)?,
            n(4)? << 4 | n(5)?,
        )),
        _ => None,
    }
}

/// `#rrggbb` in lower case.
pub fn hex(c: Rgb) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(7);
    out.push('#');
    for v in [c.0, c.1, c.2] {
        out.push(DIGITS[usize::from(v >> 4)] as char);
        out.push(DIGITS[usize::from(v & 15)] as char);
    }
    out
}

/// `x` to the power 2.4 for `x` in 0..=1: `x²` times `x^0.4`, the latter from repeated
/// square roots (0.4 ≈ 0x6666 / 2¹⁶), exact to about 10⁻⁵ of a luminance.
fn pow_2_4(x: f64) -> f64 {
    let mut result = x * x;
    let mut root = x;
    for bit in (0..16).rev() {
        root = root.sqrt();
        if (0x6666 >> bit) & 1 == 1 {
            result *= root;
        }
    }
    result
}

/// One channel (0–255) in linear light.
fn linear(v: u8) -> f64 {
    let s = f64::from(v) / 255.0;
    if s <= 0.040_45 {
        s / 12.92
    } else {
        pow_2_4((s + 0.055) / 1.055)
    }
}

/// WCAG 2 relative luminance, 0 (black) to 1 (white).
pub fn luminance(c: Rgb) -> f64 {
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

/// WCAG 2 contrast ratio of two colours, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// `c` mixed with grey level `toward`, `step` twentieths of the way.
fn mix(c: Rgb, toward: u8, step: u32) -> Rgb {
    let channel = |v: u8| ((u32::from(v) * (20 - step) + u32::from(toward) * step + 10) / 20) as u8;
    Rgb(channel(c.0), channel(c.1), channel(c.2))
}

/// The accent for `scheme` from the city's `color`: unchanged when it already has 4.5:1
/// against both backgrounds, otherwise darkened or lightened 5 % at a time until it has.
pub fn accent(color: Rgb, scheme: Scheme) -> Accent {
    let toward = scheme.toward();
    let passes = |c: Rgb| {
        scheme
            .backgrounds()
            .iter()
            .all(|&bg| contrast(c, bg) >= AA_TEXT)
    };
    let step = (0..20)
        .find(|&s| passes(mix(color, toward, s)))
        .unwrap_or(20);
    let accent = mix(color, toward, step);
    let on = if contrast(accent, WHITE) >= contrast(accent, NEAR_BLACK) {
        WHITE
    } else {
        NEAR_BLACK
    };
    Accent {
        accent,
        hover: mix(accent, toward, 4),
        on,
    }
}

/// The stylesheet that applies `color` to the dialog: the corrected accent for the light and
/// the dark scheme. It is left out under forced colours, where the system colours win, and
/// the high-contrast preference keeps its own colours (they are set on the panel).
pub fn css(color: Rgb) -> String {
    let mut css = String::from("@media (forced-colors:none){");
    for scheme in [Scheme::Light, Scheme::Dark] {
        if scheme == Scheme::Dark {
            css.push_str("@media (prefers-color-scheme:dark){");
        }
        let a = accent(color, scheme);
        for (property, value) in [
            (":host{--wf-accent:", a.accent),
            (";--wf-accent-hover:", a.hover),
            (";--wf-on-accent:", a.on),
        ] {
            css.push_str(property);
            css.push_str(&hex(value));
        }
        css.push('}');
    }
    css.push_str("}}");
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.01
    }

    #[test]
    fn hex_colours_parse_in_both_lengths() {
        assert_eq!(parse("#0b7a3e"), Some(Rgb(0x0b, 0x7a, 0x3e)));
        assert_eq!(parse(" #0B5 "), Some(Rgb(0x00, 0xbb, 0x55)));
        for bad in [
            "0b7a3e",
            "#0b7a3",
            "#ggg",
            "red",
            "#",
            "",
            "#0b7a3e00",
            "#ß12",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn hex_is_written_back() {
        assert_eq!(hex(Rgb(0x0b, 0x7a, 0x3e)), "#0b7a3e");
        assert_eq!(hex(WHITE), "#ffffff");
        assert_eq!(hex(Rgb(0, 0, 0)), "#000000");
    }

    #[test]
    fn luminance_matches_wcag() {
        assert!(close(luminance(WHITE), 1.0));
        assert!(close(luminance(Rgb(0, 0, 0)), 0.0));
        // sRGB mid grey #777777: 0.1845.
        assert!((luminance(Rgb(0x77, 0x77, 0x77)) - 0.1845).abs() < 0.0005);
        assert!((pow_2_4(0.5) - 0.5_f64.powf(2.4)).abs() < 1e-5);
    }

    #[test]
    fn known_contrast_ratios() {
        let black = Rgb(0, 0, 0);
        assert!(close(contrast(black, WHITE), 21.0));
        assert!(close(contrast(WHITE, WHITE), 1.0));
        // #767676 on white is the classic just-passing grey: 4.54.
        assert!(close(contrast(Rgb(0x76, 0x76, 0x76), WHITE), 4.54));
        // #777777 just fails: 4.48.
        assert!(close(contrast(Rgb(0x77, 0x77, 0x77), WHITE), 4.48));
        // Pure red on white: 4.00; blue on white 8.59.
        assert!(close(contrast(Rgb(0xff, 0, 0), WHITE), 4.0));
        assert!(close(contrast(Rgb(0, 0, 0xff), WHITE), 8.59));
        // The default accent: #1549a8 on white.
        assert!(contrast(Rgb(0x15, 0x49, 0xa8), WHITE) > 7.0);
    }

    #[test]
    fn a_passing_colour_is_kept() {
        let green = Rgb(0x0b, 0x5e, 0x2f);
        let light = accent(green, Scheme::Light);
        assert_eq!(light.accent, green);
        assert_eq!(light.on, WHITE);
    }

    #[test]
    fn failing_colours_are_corrected_for_each_scheme() {
        let sky = parse("#7fdbff").expect("colour");
        assert!(contrast(sky, WHITE) < 4.5);
        for scheme in [Scheme::Light, Scheme::Dark] {
            let a = accent(sky, scheme);
            for bg in scheme.backgrounds() {
                assert!(contrast(a.accent, bg) >= AA_TEXT, "{scheme:?}");
                assert!(contrast(a.hover, bg) >= AA_TEXT, "{scheme:?} hover");
            }
            assert!(contrast(a.on, a.accent) >= AA_TEXT, "{scheme:?} on");
            assert!(contrast(a.on, a.hover) >= AA_TEXT, "{scheme:?} on hover");
        }
        // Light sky blue is already readable on the dark scheme.
        assert_eq!(accent(sky, Scheme::Dark).accent, sky);
        assert_eq!(accent(sky, Scheme::Dark).on, NEAR_BLACK);
        // A dark green is lightened there.
        let green = parse("#0b5e2f").expect("colour");
        let dark = accent(green, Scheme::Dark);
        assert_ne!(dark.accent, green);
        assert!(luminance(dark.accent) > luminance(green));
        assert_eq!(dark.on, NEAR_BLACK);
    }

    #[test]
    fn extremes_still_pass() {
        for c in [
            WHITE,
            Rgb(0, 0, 0),
            Rgb(0xff, 0xff, 0),
            Rgb(0x80, 0x80, 0x80),
        ] {
            for scheme in [Scheme::Light, Scheme::Dark] {
                let a = accent(c, scheme);
                for bg in scheme.backgrounds() {
                    assert!(contrast(a.accent, bg) >= AA_TEXT, "{c:?} {scheme:?}");
                }
                assert!(contrast(a.on, a.accent) >= AA_TEXT, "{c:?} {scheme:?}");
            }
        }
    }

    #[test]
    fn the_stylesheet_sets_both_schemes_outside_forced_colours() {
        let css = css(parse("#7fdbff").expect("colour"));
        assert!(css.starts_with("@media (forced-colors:none){:host{--wf-accent:#"));
        assert!(css.contains("@media (prefers-color-scheme:dark){:host{--wf-accent:#7fdbff;"));
        assert_eq!(css.matches("--wf-on-accent:").count(), 2);
    }
}
