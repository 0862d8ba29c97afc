//! The resident's place in the queue as they are told it: the position, and the wait in whole
//! minutes when the server has an honest estimate. Two frames that would read the same are the
//! same note, so a repeat is neither shown nor announced again.

use crate::ids;

/// Estimates up to this many minutes are given to the minute; longer ones in steps of
/// [`ROUGH_STEP_MINUTES`] (an estimate of 23 minutes reads as "about 25").
pub const EXACT_UP_TO_MINUTES: u32 = 10;
/// The step of long estimates, in minutes.
pub const ROUGH_STEP_MINUTES: u32 = 5;

/// What the resident is told about their place in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueNote {
    /// 1 = next to be taken.
    pub position: u32,
    /// The estimated wait, rounded up to whole minutes (at least 1), when there is one.
    pub wait_minutes: Option<u32>,
}

impl QueueNote {
    /// The note for a `queue` frame.
    pub fn new(position: u32, wait_seconds: Option<u32>) -> Self {
        Self {
            position: position.max(1),
            wait_minutes: wait_seconds.map(minutes),
        }
    }

    /// The message that says it: with the wait when there is an estimate, otherwise only the
    /// position. Its variables are `$position` and, with a wait, `$wait`.
    pub fn message_id(self) -> &'static str {
        if self.wait_minutes.is_some() {
            ids::LIVE_QUEUE_WAIT
        } else {
            ids::LIVE_QUEUE_POSITION
        }
    }
}

/// Seconds as the minutes a resident is told: rounded up, at least one, and coarser when long.
fn minutes(seconds: u32) -> u32 {
    let exact = seconds.div_ceil(60).max(1);
    if exact <= EXACT_UP_TO_MINUTES {
        exact
    } else {
        exact.div_ceil(ROUGH_STEP_MINUTES) * ROUGH_STEP_MINUTES
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_an_estimate_only_the_position_is_said() {
        let note = QueueNote::new(2, None);
        assert_eq!(note.wait_minutes, None);
        assert_eq!(note.message_id(), ids::LIVE_QUEUE_POSITION);
    }

    #[test]
    fn with_an_estimate_the_wait_is_said_in_minutes() {
        let note = QueueNote::new(2, Some(180));
        assert_eq!(note.wait_minutes, Some(3));
        assert_eq!(note.message_id(), ids::LIVE_QUEUE_WAIT);
    }

    #[test]
    fn short_waits_round_up_to_a_minute_and_long_ones_to_five() {
        let wait = |s| QueueNote::new(1, Some(s)).wait_minutes;
        assert_eq!(wait(0), Some(1));
        assert_eq!(wait(30), Some(1));
        assert_eq!(wait(61), Some(2));
        assert_eq!(wait(600), Some(10));
        assert_eq!(wait(601), Some(15));
        assert_eq!(wait(23 * 60), Some(25));
        assert_eq!(wait(3_600), Some(60));
    }

    #[test]
    fn frames_that_read_the_same_are_the_same_note() {
        // 150 s and 170 s both read "about 3 minutes": nothing new to announce.
        assert_eq!(QueueNote::new(2, Some(150)), QueueNote::new(2, Some(170)));
        assert_ne!(QueueNote::new(2, Some(150)), QueueNote::new(1, Some(150)));
        assert_ne!(QueueNote::new(2, None), QueueNote::new(2, Some(60)));
    }

    #[test]
    fn position_zero_reads_as_next() {
        assert_eq!(QueueNote::new(0, None).position, 1);
    }
}
