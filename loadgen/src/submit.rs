//! Sends pre-signed extrinsics with `author_submitExtrinsic` over several connections, at a
//! chosen rate or as fast as the node answers, and tallies what the node said.

use crate::chain::{connect, Error};
use futures::StreamExt;
use jsonrpsee::{core::client::ClientT, rpc_params};
use std::{
	collections::BTreeMap,
	time::{Duration, Instant},
};

/// How the node answered the submissions of one run.
#[derive(Default, Debug)]
pub struct Submitted {
	/// Accepted into the pool.
	pub accepted: usize,
	/// Refused, counted by the node's error (code and message).
	pub refused: BTreeMap<String, usize>,
	/// Not sent: their sender's earlier transaction was refused, so they could only wait in
	/// the pool for a nonce that never comes.
	pub skipped: usize,
	/// From the first submission to the last answer.
	pub elapsed: Duration,
}

impl Submitted {
	pub fn refused_total(&self) -> usize {
		self.refused.values().sum()
	}

	fn add(&mut self, other: Submitted) {
		self.accepted += other.accepted;
		self.skipped += other.skipped;
		for (reason, count) in other.refused {
			*self.refused.entry(reason).or_default() += count;
		}
	}
}

/// How to send.
pub struct Plan {
	pub connections: usize,
	/// Lanes (senders) each connection has under way at once, one request each.
	pub in_flight: usize,
	/// Extrinsics per second; `None`: as fast as the node answers.
	pub rate: Option<f64>,
}

/// Sends every extrinsic. A lane is one sender's extrinsics, sent in order, each after the
/// node answered the one before (in flight together they could arrive out of nonce order,
/// and the pool would hold the early arrivals as future), and no more of it once one is
/// refused, as a wallet would; lane `i` goes over connection
/// `i % connections`, where up to `in_flight` lanes are under way at once. Extrinsic `k` of
/// the whole run (taking the lanes' first extrinsics first, then their second, …) is due
/// `k / rate` seconds after the start.
pub async fn submit(url: &str, lanes: Vec<Vec<String>>, plan: &Plan) -> Result<Submitted, Error> {
	let connections = plan.connections.clamp(1, lanes.len().max(1));
	let longest = lanes.iter().map(Vec::len).max().unwrap_or(0);
	let mut due_lanes: Vec<Vec<(usize, String)>> = vec![Vec::new(); lanes.len()];
	let mut due = 0usize;
	for position in 0..longest {
		for (lane, extrinsics) in lanes.iter().enumerate() {
			if let Some(xt) = extrinsics.get(position) {
				due_lanes[lane].push((due, xt.clone()));
				due += 1;
			}
		}
	}
	drop(lanes);
	let mut per_connection: Vec<Vec<Vec<(usize, String)>>> = vec![Vec::new(); connections];
	for (lane, extrinsics) in due_lanes.into_iter().enumerate() {
		per_connection[lane % connections].push(extrinsics);
	}

	let mut clients = Vec::with_capacity(connections);
	for _ in 0..connections {
		clients.push(connect(url).await?);
	}
	let start = tokio::time::Instant::now();
	let rate = plan.rate;
	let tasks: Vec<_> = clients
		.into_iter()
		.zip(per_connection)
		.map(|(client, lanes)| {
			let in_flight = plan.in_flight.max(1);
			tokio::spawn(async move {
				let client = &client;
				futures::stream::iter(lanes)
					.map(|lane| async move {
						let mut tally = Submitted::default();
						let mut lane = lane.into_iter();
						while let Some((due, xt)) = lane.next() {
							if let Some(rate) = rate {
								let at = start + Duration::from_secs_f64(due as f64 / rate);
								tokio::time::sleep_until(at).await;
							}
							let answer = client
								.request::<String, _>("author_submitExtrinsic", rpc_params![xt])
								.await;
							match answer {
								Ok(_) => tally.accepted += 1,
								Err(e) => {
									*tally.refused.entry(describe(&e)).or_default() += 1;
									tally.skipped = lane.len();
									break;
								},
							}
						}
						tally
					})
					.buffer_unordered(in_flight)
					.fold(Submitted::default(), |mut total, tally| async move {
						total.add(tally);
						total
					})
					.await
			})
		})
		.collect();
	let began = Instant::now();
	let mut total = Submitted::default();
	for task in tasks {
		total.add(task.await?);
	}
	total.elapsed = began.elapsed();
	Ok(total)
}

/// A refusal as the node put it: `1016 Immediately Dropped: …`.
fn describe(error: &jsonrpsee::core::ClientError) -> String {
	match error {
		jsonrpsee::core::ClientError::Call(call) => {
			format!("{} {}", call.code(), call.message())
		},
		other => other.to_string(),
	}
}
