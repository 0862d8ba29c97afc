//! When to tell staff that the resident is typing: once when typing starts, once when it
//! stops (after [`IDLE_MS`] without a keystroke, on sending, or when the input is emptied),
//! never per keystroke.

/// How long after the last keystroke typing counts as stopped, in milliseconds.
pub const IDLE_MS: i32 = 3_000;

/// Whether staff were last told that the resident is typing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Typing {
    active: bool,
}

impl Typing {
    /// A keystroke left the input with (`has_text`) or without text. Returns the state to send
    /// when it changed.
    pub fn keystroke(&mut self, has_text: bool) -> Option<bool> {
        if !has_text {
            return self.stop();
        }
        (!self.active).then(|| {
            self.active = true;
            true
        })
    }

    /// Typing stopped (idle, sent, or the chat's connection changed). Returns `false` to send
    /// when staff were told the resident was typing.
    pub fn stop(&mut self) -> Option<bool> {
        self.active.then(|| {
            self.active = false;
            false
        })
    }

    /// Whether staff were told the resident is typing.
    pub fn active(self) -> bool {
        self.active
    }

    /// Forgets what was sent, without sending anything (a new connection starts with "not
    /// typing").
    pub fn forget(&mut self) {
        self.active = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_of_keystrokes_sends_one_start() {
        let mut typing = Typing::default();
        assert_eq!(typing.keystroke(true), Some(true));
        for _ in 0..20 {
            assert_eq!(typing.keystroke(true), None);
        }
        assert!(typing.active());
    }

    #[test]
    fn idle_or_send_sends_one_stop() {
        let mut typing = Typing::default();
        assert_eq!(typing.stop(), None);
        typing.keystroke(true);
        assert_eq!(typing.stop(), Some(false));
        assert_eq!(typing.stop(), None);
        assert_eq!(typing.keystroke(true), Some(true));
    }

    #[test]
    fn emptying_the_input_stops_typing() {
        let mut typing = Typing::default();
        assert_eq!(typing.keystroke(false), None);
        typing.keystroke(true);
        assert_eq!(typing.keystroke(false), Some(false));
    }

    #[test]
    fn a_new_connection_starts_quiet() {
        let mut typing = Typing::default();
        typing.keystroke(true);
        typing.forget();
        assert!(!typing.active());
        assert_eq!(typing.keystroke(true), Some(true));
    }
}
