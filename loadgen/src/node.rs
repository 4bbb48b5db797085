//! The node's CPU time and resident memory, read from `/proc` (Linux).

use std::time::Instant;

/// Linux reports CPU time in clock ticks of 1/100 s (`USER_HZ`) on every architecture it runs.
const TICKS_PER_SECOND: f64 = 100.0;

/// One reading of the node process.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
	pub at: Instant,
	/// User and system CPU seconds so far.
	pub cpu_seconds: f64,
	/// Resident memory, MiB.
	pub rss_mib: f64,
}

/// Reads process `pid` now; `None` when it is gone or not readable.
pub fn sample(pid: u32) -> Option<Sample> {
	let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
	// Fields after the command name (which may hold spaces) start at the state, field 3;
	// utime and stime are fields 14 and 15.
	let rest = &stat[stat.rfind(')')? + 2..];
	let fields: Vec<&str> = rest.split_whitespace().collect();
	let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
	let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
	let rss_kib: f64 = status
		.lines()
		.find_map(|line| line.strip_prefix("VmRSS:"))?
		.split_whitespace()
		.next()?
		.parse()
		.ok()?;
	Some(Sample {
		at: Instant::now(),
		cpu_seconds: ticks / TICKS_PER_SECOND,
		rss_mib: rss_kib / 1024.0,
	})
}

/// CPU used between two samples, in cores (1.0: one core busy all the time).
pub fn cores_busy(from: &Sample, to: &Sample) -> f64 {
	let wall = to.at.duration_since(from.at).as_secs_f64();
	if wall > 0.0 {
		(to.cpu_seconds - from.cpu_seconds) / wall
	} else {
		0.0
	}
}
