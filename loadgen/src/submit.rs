//! Sends pre-signed extrinsics with `transactionWatch_v1_submitAndWatch` over several
//! connections, at a chosen rate or as fast as the node answers, and follows each one the node
//! accepted until a block includes it or the node reports it dropped or invalid, with the
//! node's reason. One it accepted and never reported on is **lost**.

use crate::chain::{connect, Error};
use futures::StreamExt;
use jsonrpsee::{
	core::client::{Subscription, SubscriptionClientT},
	rpc_params,
};
use serde_json::Value;
use std::{
	collections::BTreeMap,
	sync::Arc,
	time::{Duration, Instant},
};
use tokio::sync::{mpsc, OwnedSemaphorePermit, Semaphore};

/// How the node answered the submissions of one run, and what became of those it accepted.
#[derive(Default, Debug)]
pub struct Submitted {
	/// Accepted into the pool.
	pub accepted: usize,
	/// Refused at submission, counted by the node's reason.
	pub refused: BTreeMap<String, usize>,
	/// Not sent: their sender's earlier transaction was refused, so they could only wait in
	/// the pool for a nonce that never comes.
	pub skipped: usize,
	/// From the first submission to the last answer.
	pub elapsed: Duration,
	/// Accepted, then reported in a block of the best chain.
	pub included: usize,
	/// Accepted, then reported dropped or invalid, counted by the node's reason.
	pub dropped: BTreeMap<String, usize>,
	/// Accepted (or never answered), then neither included nor reported on before the run's
	/// deadline.
	pub lost: usize,
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
	/// Transactions each connection follows at once: the node serves 1,024 subscriptions a
	/// connection by default (`--rpc-max-subscriptions-per-connection`), and a lane waits for
	/// room before it sends.
	pub watches: usize,
	/// When the run gives up: a lane sends nothing after it, and a transaction the node has
	/// not answered by then is counted accepted and unreported (lost).
	pub deadline: Instant,
}

/// What became of an accepted transaction.
enum Outcome {
	Included,
	Dropped(String),
	/// The subscription ended without a word: the connection went away.
	Unreported,
}

/// Submissions under way: the accepted transactions' outcomes arrive on `outcomes`.
pub struct Following {
	submitted: Submitted,
	outcomes: mpsc::UnboundedReceiver<Outcome>,
	/// The plan's deadline.
	deadline: Instant,
}

impl Following {
	/// The answers at submission.
	pub fn submitted(&self) -> &Submitted {
		&self.submitted
	}

	/// Waits until every accepted transaction has an outcome or the plan's deadline passes;
	/// what has none by then is lost.
	pub async fn settle(mut self) -> Submitted {
		let mut settled = 0;
		while settled < self.submitted.accepted {
			let left = self.deadline.saturating_duration_since(Instant::now());
			match tokio::time::timeout(left, self.outcomes.recv()).await {
				Ok(Some(Outcome::Included)) => self.submitted.included += 1,
				Ok(Some(Outcome::Dropped(reason))) => {
					*self.submitted.dropped.entry(reason).or_default() += 1
				},
				Ok(Some(Outcome::Unreported)) => self.submitted.lost += 1,
				Ok(None) | Err(_) => break,
			}
			settled += 1;
		}
		self.submitted.lost += self.submitted.accepted - settled;
		self.submitted
	}
}

/// Sends every extrinsic. A lane is one sender's extrinsics, sent in order, each after the
/// node validated the one before (in flight together they could arrive out of nonce order,
/// and the pool would hold the early arrivals as future), and no more of it once one is
/// refused, as a wallet would; lane `i` goes over connection `i % connections`, where up to
/// `in_flight` lanes are under way at once. Extrinsic `k` of the whole run (taking the lanes'
/// first extrinsics first, then their second, …) is due `k / rate` seconds after the start.
/// Returns once every extrinsic is sent or refused; the accepted ones are still followed.
pub async fn submit(url: &str, lanes: Vec<Vec<String>>, plan: &Plan) -> Result<Following, Error> {
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
		clients.push(Arc::new(connect(url).await?));
	}
	let (report, outcomes) = mpsc::unbounded_channel();
	let start = tokio::time::Instant::now();
	let deadline = tokio::time::Instant::from_std(plan.deadline);
	let rate = plan.rate;
	let tasks: Vec<_> = clients
		.into_iter()
		.zip(per_connection)
		.map(|(client, lanes)| {
			let in_flight = plan.in_flight.max(1);
			let slots = Arc::new(Semaphore::new(plan.watches.max(1)));
			let report = report.clone();
			tokio::spawn(async move {
				futures::stream::iter(lanes)
					.map(|lane| {
						let (client, slots, report) =
							(client.clone(), slots.clone(), report.clone());
						async move {
							let mut tally = Submitted::default();
							let mut lane = lane.into_iter();
							while let Some((due, xt)) = lane.next() {
								if let Some(rate) = rate {
									let at = start + Duration::from_secs_f64(due as f64 / rate);
									tokio::time::sleep_until(at).await;
								}
								let slot = slots.clone().acquire_owned();
								let Ok(Ok(slot)) = tokio::time::timeout_at(deadline, slot).await
								else {
									tally.skipped = lane.len() + 1;
									break;
								};
								match tokio::time::timeout_at(deadline, send(&client, xt)).await {
									Ok(Ok(watch)) => {
										tally.accepted += 1;
										let report = report.clone();
										tokio::spawn(follow(client.clone(), watch, slot, report));
									},
									// No answer (the deadline, or the connection failed): the
									// node may hold it, so it counts as accepted and unreported.
									Err(_) | Ok(Err(Refusal::Unanswered)) => {
										tally.accepted += 1;
										let _ = report.send(Outcome::Unreported);
										tally.skipped = lane.len();
										break;
									},
									Ok(Err(Refusal::Refused(reason))) => {
										*tally.refused.entry(reason).or_default() += 1;
										tally.skipped = lane.len();
										break;
									},
								}
							}
							tally
						}
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
	let mut submitted = Submitted::default();
	for task in tasks {
		submitted.add(task.await?);
	}
	submitted.elapsed = began.elapsed();
	Ok(Following { submitted, outcomes, deadline: plan.deadline })
}

/// An accepted transaction's subscription, and its first event (included already, or only
/// validated).
struct Watch {
	subscription: Subscription<Value>,
	included: bool,
}

/// Why a submission has no watch.
enum Refusal {
	/// The node refused it, with its reason.
	Refused(String),
	/// No answer from the node: the connection failed or the subscription ended unanswered.
	Unanswered,
}

/// Submits `xt` and waits for the node's first word on it: accepted (validated, or already
/// included), or refused with the node's reason.
async fn send(client: &jsonrpsee::ws_client::WsClient, xt: String) -> Result<Watch, Refusal> {
	let mut subscription = client
		.subscribe::<Value, _>(
			"transactionWatch_v1_submitAndWatch",
			rpc_params![xt],
			"transactionWatch_v1_unwatch",
		)
		.await
		.map_err(|e| match e {
			// A JSON-RPC error: the node's own (its limit of subscriptions, say).
			jsonrpsee::core::ClientError::Call(call) => {
				Refusal::Refused(format!("{} {}", call.code(), call.message()))
			},
			_ => Refusal::Unanswered,
		})?;
	match subscription.next().await {
		Some(Ok(event)) => match classify(&event) {
			Event::Validated => Ok(Watch { subscription, included: false }),
			Event::Included => Ok(Watch { subscription, included: true }),
			Event::Ended(reason) => Err(Refusal::Refused(reason)),
			Event::Retracted => Ok(Watch { subscription, included: false }),
		},
		Some(Err(_)) | None => Err(Refusal::Unanswered),
	}
}

/// Follows an accepted transaction to its outcome, holding its connection (which closes when
/// the last of its holders is done) and a slot of it meanwhile.
async fn follow(
	_connection: Arc<jsonrpsee::ws_client::WsClient>,
	watch: Watch,
	slot: OwnedSemaphorePermit,
	report: mpsc::UnboundedSender<Outcome>,
) {
	let Watch { mut subscription, included } = watch;
	let outcome = match included {
		true => Outcome::Included,
		false => loop {
			match subscription.next().await {
				Some(Ok(event)) => match classify(&event) {
					Event::Included => break Outcome::Included,
					Event::Ended(reason) => break Outcome::Dropped(reason),
					Event::Validated | Event::Retracted => {},
				},
				Some(Err(_)) | None => break Outcome::Unreported,
			}
		},
	};
	drop(slot);
	let _ = report.send(outcome);
}

/// A `transactionWatch_v1` event, as far as the load generator cares.
enum Event {
	Validated,
	/// In a block of the best chain (`bestChainBlockIncluded` with a block) or final.
	Included,
	/// Out of the best chain again: it waits in the pool for another block.
	Retracted,
	/// `invalid`, `dropped` or `error`, with the node's reason.
	Ended(String),
}

fn classify(event: &Value) -> Event {
	let kind = event["event"].as_str().unwrap_or_default();
	match kind {
		"validated" => Event::Validated,
		"bestChainBlockIncluded" if event["block"].is_null() => Event::Retracted,
		"bestChainBlockIncluded" | "finalized" => Event::Included,
		_ => {
			let error = event["error"].as_str().unwrap_or("no reason given");
			Event::Ended(format!("{kind}: {error}"))
		},
	}
}
