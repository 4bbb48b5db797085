//! What a run measured: rates over the blocks that carried the load, per-block counts,
//! refusals, and the node's CPU and memory.

use crate::{
	chain::{Blocks, SeenBlock},
	node::{self, Sample},
	submit::Submitted,
};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// Samples the node's process every second until finished.
pub struct NodeSampler {
	stop: oneshot::Sender<()>,
	task: tokio::task::JoinHandle<Vec<Sample>>,
}

pub fn sample_node(pid: u32) -> NodeSampler {
	let (stop, mut stopped) = oneshot::channel();
	let task = tokio::spawn(async move {
		let mut samples = Vec::new();
		let mut tick = tokio::time::interval(Duration::from_secs(1));
		loop {
			tokio::select! {
				_ = tick.tick() => samples.extend(node::sample(pid)),
				_ = &mut stopped => break,
			}
		}
		samples.extend(node::sample(pid));
		samples
	});
	NodeSampler { stop, task }
}

impl NodeSampler {
	pub async fn finish(self) -> Vec<Sample> {
		let _ = self.stop.send(());
		self.task.await.unwrap_or_default()
	}
}

/// Waits until the blocks from `first` on hold `expected` transactions and the last of those
/// that carried any is finalised, or until the deadline.
pub async fn wait_until_final(blocks: &Blocks, first: u32, expected: usize, deadline: Instant) {
	while expected > 0 && Instant::now() < deadline {
		let (included, last_final) = {
			let blocks = blocks.lock().expect("not poisoned");
			let carrying: Vec<&SeenBlock> =
				blocks.range(first..).map(|(_, b)| b).filter(|b| b.transactions > 0).collect();
			let included: usize = carrying.iter().map(|b| b.transactions).sum();
			(included, carrying.last().is_some_and(|b| b.finalised_at.is_some()))
		};
		if included >= expected && last_final {
			return;
		}
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
	println!("timed out waiting for inclusion and finality");
}

/// The run's figures.
pub struct Summary {
	url: String,
	submitted: Submitted,
	/// (number, transactions) of each block from the first that carried the load.
	per_block: Vec<(u32, usize)>,
	included: usize,
	included_per_second: f64,
	finalised: usize,
	finalised_per_second: f64,
	node_cores_busy: Option<f64>,
	node_rss_peak_mib: Option<f64>,
	node_rss_end_mib: Option<f64>,
}

impl Summary {
	pub fn new(
		url: &str,
		submitted: Submitted,
		submitted_at: Instant,
		blocks: &Blocks,
		first: u32,
		samples: &[Sample],
	) -> Self {
		let blocks = blocks.lock().expect("not poisoned");
		// The load's window opens when the block before the first that carried any was seen
		// (or, if it was not, when the submission began) and closes when the last that
		// carried any was seen (included) or finalised (finalised).
		let carrying: Vec<(u32, &SeenBlock)> = blocks
			.range(first..)
			.filter(|(_, b)| b.transactions > 0)
			.map(|(n, b)| (*n, b))
			.collect();
		let per_block = blocks.range(first..).map(|(n, b)| (*n, b.transactions)).collect();
		let opened = carrying
			.first()
			.and_then(|(n, _)| blocks.get(&n.saturating_sub(1)))
			.map_or(submitted_at, |b| b.best_at);
		let rate = |count: usize, closed: Option<Instant>| match closed {
			Some(closed) if closed > opened => count as f64 / (closed - opened).as_secs_f64(),
			_ => 0.0,
		};
		let included: usize = carrying.iter().map(|(_, b)| b.transactions).sum();
		let included_per_second = rate(included, carrying.last().map(|(_, b)| b.best_at));
		let finalised_blocks: Vec<&SeenBlock> =
			carrying.iter().map(|(_, b)| *b).filter(|b| b.finalised_at.is_some()).collect();
		let finalised: usize = finalised_blocks.iter().map(|b| b.transactions).sum();
		let finalised_per_second =
			rate(finalised, finalised_blocks.iter().filter_map(|b| b.finalised_at).max());
		let node_cores_busy = match (samples.first(), samples.last()) {
			(Some(a), Some(b)) => Some(node::cores_busy(a, b)),
			_ => None,
		};
		Self {
			url: url.to_string(),
			submitted,
			per_block,
			included,
			included_per_second,
			finalised,
			finalised_per_second,
			node_cores_busy,
			node_rss_peak_mib: samples.iter().map(|s| s.rss_mib).reduce(f64::max),
			node_rss_end_mib: samples.last().map(|s| s.rss_mib),
		}
	}

	/// Accepted transactions neither included nor reported dropped before the deadline.
	pub fn lost(&self) -> usize {
		self.submitted.lost
	}

	fn submitted_per_second(&self) -> f64 {
		let seconds = self.submitted.elapsed.as_secs_f64();
		if seconds > 0.0 {
			self.submitted.accepted as f64 / seconds
		} else {
			0.0
		}
	}

	pub fn print(&self) {
		println!("--- {}", self.url);
		println!(
			"submitted  {:>8} accepted   {:>9.0}/s over {:.1} s",
			self.submitted.accepted,
			self.submitted_per_second(),
			self.submitted.elapsed.as_secs_f64()
		);
		for (reason, count) in &self.submitted.refused {
			println!("refused    {count:>8}            {reason}");
		}
		if self.submitted.skipped > 0 {
			println!(
				"not sent   {:>8}            after their sender's refusal",
				self.submitted.skipped
			);
		}
		for (reason, count) in &self.submitted.dropped {
			println!("dropped    {count:>8}            {reason}");
		}
		println!(
			"lost       {:>8}            accepted or unanswered, then neither included nor reported",
			self.lost()
		);
		println!("included   {:>8}            {:>9.0}/s", self.included, self.included_per_second);
		println!(
			"finalised  {:>8}            {:>9.0}/s",
			self.finalised, self.finalised_per_second
		);
		let counts: Vec<String> = self.per_block.iter().map(|(n, c)| format!("#{n}:{c}")).collect();
		println!("per block  {}", counts.join(" "));
		if let (Some(cores), Some(peak), Some(end)) =
			(self.node_cores_busy, self.node_rss_peak_mib, self.node_rss_end_mib)
		{
			println!(
				"node       {cores:.2} cores busy, RSS peak {peak:.0} MiB, at the end {end:.0} MiB"
			);
		}
	}

	pub fn to_json(&self) -> Value {
		json!({
			"url": self.url,
			"accepted": self.submitted.accepted,
			"refused": self.submitted.refused,
			"skipped": self.submitted.skipped,
			"dropped": self.submitted.dropped,
			"lost": self.submitted.lost,
			"submitted_seconds": self.submitted.elapsed.as_secs_f64(),
			"submitted_per_second": self.submitted_per_second(),
			"included": self.included,
			"included_per_second": self.included_per_second,
			"finalised": self.finalised,
			"finalised_per_second": self.finalised_per_second,
			"per_block": self.per_block.iter().map(|(n, c)| json!([n, c])).collect::<Vec<_>>(),
			"node_cores_busy": self.node_cores_busy,
			"node_rss_peak_mib": self.node_rss_peak_mib,
			"node_rss_end_mib": self.node_rss_end_mib,
		})
	}
}
