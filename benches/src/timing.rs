//! CPU-time measurement: the machines the figures come from are shared with other builds, and the
//! time the measuring thread spends on a CPU is much less disturbed by them than wall time.

use std::time::Duration;

/// Runs `f` and returns its result and the CPU time the calling thread spent in it (wall time
/// where the platform has no thread clock).
pub fn thread_time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    match cpu_time::ThreadTime::try_now() {
        Ok(start) => {
            let out = f();
            let time = start.try_elapsed().unwrap_or_default();
            (out, time)
        }
        Err(_) => {
            let start = std::time::Instant::now();
            let out = f();
            (out, start.elapsed())
        }
    }
}

/// The median of some durations (the upper one of an even count; zero for none).
pub fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_even_and_none() {
        let ms = Duration::from_millis;
        assert_eq!(median(&[ms(3), ms(1), ms(2)]), ms(2));
        assert_eq!(median(&[ms(4), ms(1), ms(3), ms(2)]), ms(3));
        assert_eq!(median(&[]), Duration::ZERO);
    }

    #[test]
    fn thread_time_counts_work() {
        let (sum, time) = thread_time(|| (0..2_000_000u64).map(std::hint::black_box).sum::<u64>());
        assert_eq!(sum, 1_999_999_000_000);
        assert!(time > Duration::ZERO);
    }
}
