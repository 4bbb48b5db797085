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
	while Instant::now() < deadline {
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
		blocks: &Blocks,
		first: u32,
		samples: &[Sample],
	) -> Self {
		let blocks = blocks.lock().expect("not poisoned");
		// The load's window: from the block before the first that carried any (when it was
		// seen) to the last that did.
		let carrying: Vec<(u32, &SeenBlock)> = blocks
			.range(first..)
			.filter(|(_, b)| b.transactions > 0)
			.map(|(n, b)| (*n, b))
			.collect();
		let per_block = blocks.range(first..).map(|(n, b)| (*n, b.transactions)).collect();
		let (included, included_per_second, finalised, finalised_per_second) =
			match (carrying.first(), carrying.last()) {
				(Some((first_n, _)), Some((_, last))) => {
					let start = blocks.get(&first_n.saturating_sub(1)).map(|b| b.best_at);
					let included: usize = carrying.iter().map(|(_, b)| b.transactions).sum();
					let finalised: usize = carrying
						.iter()
						.filter(|(_, b)| b.finalised_at.is_some())
						.map(|(_, b)| b.transactions)
						.sum();
					let rate =
						|count: usize, from: Option<Instant>, to: Option<Instant>| match (from, to)
						{
							(Some(from), Some(to)) if to > from => {
								count as f64 / to.duration_since(from).as_secs_f64()
							},
							_ => 0.0,
						};
					let start_final =
						blocks.get(&first_n.saturating_sub(1)).and_then(|b| b.finalised_at);
					(
						included,
						rate(included, start, Some(last.best_at)),
						finalised,
						rate(finalised, start_final, last.finalised_at),
					)
				},
				_ => (0, 0.0, 0, 0.0),
			};
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
