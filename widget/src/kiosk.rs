//! Kiosk mode (`data-mode="kiosk"`, served at `/kiosk?site=…`): the assistant on a public
//! terminal in a library or community centre. The dialog fills the screen with larger text
//! and large targets, nothing is stored on the device (see [`crate::prefs::keep_in_memory`]),
//! and after some time without a touch or key it warns — announced, with a "Keep going"
//! button — and then clears everything about the resident for the next one
//! ([`crate::app::App::reset`]). The dialog's close button becomes "Clear the screen".

use std::cell::Cell;
use std::rc::{Rc, Weak};

use web_sys::HtmlElement;

use crate::dom;
use crate::ids;
use crate::live_parts::Parts;
use crate::numbers;
use crate::prefs::Prefs;
use crate::texts::Arg;
use crate::timer::Timer;

/// The preferences a kiosk starts with, and goes back to at each reset: larger text.
pub const PREFS: Prefs = Prefs {
    larger_text: true,
    high_contrast: false,
    read_aloud: false,
};

/// The longest warning before the screen is cleared, in seconds.
pub const WARNING_SECONDS: u32 = 30;

/// Events that show someone is using the kiosk (they bubble out of the shadow root).
const ACTIVITY: [&str; 4] = ["keydown", "pointerdown", "input", "wheel"];

/// How long the warning lasts when the kiosk waits `idle_seconds` before warning: 30 seconds,
/// or as long as the wait itself when that is shorter.
pub fn warning_seconds(idle_seconds: u32) -> u32 {
    idle_seconds.min(WARNING_SECONDS)
}

/// The inactivity timer and its warning.
pub struct Kiosk {
    parts: Parts,
    idle_ms: i32,
    warn_seconds: u32,
    /// The warning (`#wf-idle`), hidden until it is needed.
    warning: HtmlElement,
    text: HtmlElement,
    /// "Keep going" (`#wf-keep`).
    keep: HtmlElement,
    idle: Timer,
    clear: Timer,
    /// Clears the screen (see [`crate::app::App::reset`]); `false` while a live chat ends.
    reset: Box<dyn Fn(bool) -> bool>,
    /// Times the reset waited for a live chat to end.
    waited: Cell<u32>,
}

impl Kiosk {
    /// Builds the warning into the dialog, wires "Keep going", "Clear the screen" and the
    /// activity listeners, and starts counting. `reset(force)` clears the screen for the
    /// next resident, or returns `false` while a live chat is still ending (it is called
    /// again every half second, and forced after five seconds).
    pub fn start(
        parts: Parts,
        idle_seconds: u32,
        reset: impl Fn(bool) -> bool + 'static,
    ) -> Rc<Self> {
        // After the dialog's heading.
        if let Some(head) = parts.chrome.dialog.first_element_child() {
            dom::insert_after(
                &head,
                "<div id=\"wf-idle\" class=\"idle\" hidden><p id=\"wf-idle-text\"></p>\
                 <button id=\"wf-keep\" type=\"button\" class=\"submit\" \
                 aria-describedby=\"wf-idle-text\"></button></div>",
            );
        }
        let warning = dom::by_id(&parts.root, "wf-idle");
        let text = dom::by_id(&parts.root, "wf-idle-text");
        let keep = dom::by_id(&parts.root, "wf-keep");
        let window = parts.window.clone();
        let kiosk = Rc::new_cyclic(|weak: &Weak<Self>| {
            let (on_idle, on_clear) = (weak.clone(), weak.clone());
            Self {
                idle: Timer::new(window.clone(), move || {
                    if let Some(kiosk) = on_idle.upgrade() {
                        kiosk.warn();
                    }
                }),
                clear: Timer::new(window, move || {
                    if let Some(kiosk) = on_clear.upgrade() {
                        kiosk.clear_now();
                    }
                }),
                idle_ms: (idle_seconds * 1000) as i32,
                warn_seconds: warning_seconds(idle_seconds),
                parts,
                warning,
                text,
                keep,
                reset: Box::new(reset),
                waited: Cell::new(0),
            }
        });
        kiosk.wire();
        kiosk.idle.start(kiosk.idle_ms);
        kiosk
    }

    fn wire(self: &Rc<Self>) {
        for kind in ACTIVITY {
            let kiosk = Rc::clone(self);
            dom::listen(&self.parts.doc, kind, move |_| kiosk.active());
        }
        let kiosk = Rc::clone(self);
        dom::listen(&self.keep, "click", move |_| kiosk.keep_going());
        let kiosk = Rc::clone(self);
        dom::listen(&self.parts.chrome.close, "click", move |_| {
            kiosk.clear_now()
        });
    }

    /// Someone touched the screen or pressed a key: counting starts again (while the warning
    /// shows, only "Keep going" dismisses it).
    fn active(&self) {
        if self.warning.hidden() {
            self.idle.start(self.idle_ms);
        }
    }

    /// Shows and announces the warning, and starts the countdown to clearing.
    fn warn(&self) {
        let texts = self.parts.texts();
        let lang = texts.lang();
        let shown = numbers::format(self.warn_seconds, lang);
        let warning = texts.format_args(
            ids::KIOSK_WARNING,
            &[("seconds", Arg::Number(f64::from(self.warn_seconds), &shown))],
        );
        self.text.set_text_content(Some(&warning));
        self.keep
            .set_text_content(Some(&texts.get(ids::KIOSK_KEEP_GOING)));
        self.warning.set_hidden(false);
        self.parts.announcer.say(&warning);
        // The one place focus moves without the resident asking: they are being warned that
        // the screen is about to be cleared, and "Keep going" must be one press away.
        dom::focus(&self.keep);
        self.clear.start((self.warn_seconds * 1000) as i32);
    }

    /// "Keep going": the warning goes, focus returns to the question box, counting restarts.
    fn keep_going(&self) {
        self.clear.cancel();
        self.warning.set_hidden(true);
        dom::focus(&self.parts.chrome.input);
        self.idle.start(self.idle_ms);
    }

    /// Clears the screen for the next resident (the countdown ran out, or "Clear the screen").
    fn clear_now(&self) {
        self.warning.set_hidden(true);
        let waited = self.waited.get();
        if (self.reset)(waited >= 10) {
            self.waited.set(0);
            self.clear.cancel();
            self.idle.start(self.idle_ms);
        } else {
            self.waited.set(waited + 1);
            self.clear.start(500);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_lasts_thirty_seconds_at_most() {
        assert_eq!(warning_seconds(120), 30);
        assert_eq!(warning_seconds(30), 30);
        assert_eq!(warning_seconds(3), 3);
    }

    #[test]
    fn kiosks_start_with_larger_text_only() {
        let larger = Prefs {
            larger_text: true,
            ..Prefs::default()
        };
        assert_eq!(PREFS, larger);
    }
}
