//! When to try again after the chat's connection drops: 1 s, 2 s, 4 s … up to 30 s, each
//! shortened by a random share so that many residents cut off at once do not all come back in
//! the same second.

/// The first wait, in milliseconds.
pub const FIRST_MS: u32 = 1_000;
/// The longest wait, in milliseconds.
pub const MAX_MS: u32 = 30_000;
/// The largest share of a wait that jitter takes off (a quarter).
pub const JITTER: f64 = 0.25;

/// Consecutive failed attempts to connect, and the waits they earn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Backoff {
    attempt: u32,
}

impl Backoff {
    /// The wait before attempt `attempt` (0 = the first retry) without jitter: doubling from
    /// [`FIRST_MS`], capped at [`MAX_MS`].
    pub fn base_ms(attempt: u32) -> u32 {
        FIRST_MS
            .saturating_mul(1_u32 << attempt.min(16))
            .min(MAX_MS)
    }

    /// The wait before the next attempt, counting it. `random` is in `[0, 1)`; the wait is
    /// between 75 % and 100 % of [`Backoff::base_ms`], so it never exceeds [`MAX_MS`].
    pub fn next_ms(&mut self, random: f64) -> u32 {
        let base = Self::base_ms(self.attempt);
        self.attempt = self.attempt.saturating_add(1);
        let share = 1.0 - JITTER * random.clamp(0.0, 1.0);
        // Rounded down, so the wait stays within [75 %, 100 %] of the base.
        (f64::from(base) * share) as u32
    }

    /// How many attempts have been made since the last success.
    pub fn attempts(self) -> u32 {
        self.attempt
    }

    /// Starts again from [`FIRST_MS`] (after connecting).
    pub fn reset(&mut self) {
        self.attempt = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_up_to_thirty_seconds() {
        let schedule: Vec<u32> = (0..8).map(Backoff::base_ms).collect();
        assert_eq!(
            schedule,
            [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]
        );
        assert_eq!(Backoff::base_ms(u32::MAX), MAX_MS);
    }

    #[test]
    fn jitter_only_shortens_and_by_at_most_a_quarter() {
        let mut none = Backoff::default();
        let mut most = Backoff::default();
        for attempt in 0..10 {
            let base = Backoff::base_ms(attempt);
            assert_eq!(none.next_ms(0.0), base);
            let short = most.next_ms(0.999_999);
            assert!(short >= base * 3 / 4 && short <= base, "{attempt}: {short}");
        }
        assert!(Backoff::default().next_ms(7.0) >= FIRST_MS * 3 / 4);
    }

    #[test]
    fn attempts_count_until_reset() {
        let mut backoff = Backoff::default();
        backoff.next_ms(0.5);
        backoff.next_ms(0.5);
        assert_eq!(backoff.attempts(), 2);
        assert_eq!(backoff.next_ms(0.0), 4_000);
        backoff.reset();
        assert_eq!(backoff.attempts(), 0);
        assert_eq!(backoff.next_ms(0.0), 1_000);
    }
}
