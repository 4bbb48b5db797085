//! `zerochain-loadgen`: loads a Zero Chain node with pre-signed transactions and reports how
//! fast it takes them in.
//!
//! A run funds its senders from a dev account, pre-signs the whole workload (transfers
//! between the senders, or twin registrations from fresh accounts the senders fund), then
//! submits it over WebSocket — at `--rate` per second or as fast as the node answers — and
//! follows every accepted transaction (`transactionWatch_v1`) and the blocks until each is
//! included and final, or reported dropped, or `--timeout` passes. It reports submitted/s,
//! included/s and finalised/s over the run, every block's count, the node's refusals and
//! drops by reason, the transactions lost (accepted, then never included nor reported on:
//! the run then exits with an error), and (with `--node-pid`) the node's CPU and memory.
//! docs/benchmarks.md has the figures and the commands that produced them.

mod chain;
mod lookups;
mod node;
mod report;
mod sign;
mod submit;

use chain::Error;
use clap::Parser;
use sign::{ChainContext, Signer};
use std::time::{Duration, Instant};
use zerochain_runtime::{AccountId, Balance, UNITS};

/// What to load the node with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Workload {
	/// `Balances.transfer_keep_alive` between the senders.
	Transfers,
	/// `Twins.create_twin` (name and relay), each from a fresh account.
	Twins,
	/// Every `phonebook_*` method, `--count` times each, on a chain started with
	/// `--chain bench`: requests per second and latencies, no transactions.
	Lookups,
}

/// The workloads that submit transactions.
#[derive(Clone, Copy, Debug)]
enum Transactions {
	Transfers,
	Twins,
}

#[derive(Debug, Parser)]
#[command(about = "Loads a Zero Chain node with pre-signed transactions and reports its rates")]
struct Args {
	/// The node's WebSocket RPC endpoint.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// What to submit.
	#[arg(long, value_enum, default_value_t = Workload::Transfers)]
	workload: Workload,
	/// How many transactions to submit (with `--workload lookups`: requests per method).
	#[arg(long, default_value_t = 20_000)]
	count: u32,
	/// Transactions per second; without it, as fast as the node answers.
	#[arg(long)]
	rate: Option<f64>,
	/// Accounts that send the transfers (and fund the twins' accounts).
	#[arg(long, default_value_t = 1_000)]
	senders: u32,
	/// WebSocket connections to submit over.
	#[arg(long, default_value_t = 16)]
	connections: usize,
	/// Senders each connection has a request in flight for at once (a sender's own requests
	/// go one after the other, in nonce order); keep `--senders` within connections times
	/// this, or the senders beyond it start late.
	#[arg(long, default_value_t = 64)]
	in_flight: usize,
	/// Accepted transactions each connection follows at once, to their inclusion or the
	/// node's report that it dropped them; keep it under the node's
	/// `--rpc-max-subscriptions-per-connection` (1,024 by default) with room for the
	/// unsubscriptions under way (at 1,000 the node refused a few dozen subscriptions of a
	/// long run). Connections times this bounds what the run has waiting in the pool.
	#[arg(long, default_value_t = 900)]
	watches: usize,
	/// With `--workload lookups`: only these methods (`phonebook_twin,phonebook_node`, …).
	#[arg(long, value_delimiter = ',')]
	methods: Vec<String>,
	/// The dev account that funds the senders.
	#[arg(long, default_value = "//Alice")]
	funder: String,
	/// Derives the run's accounts: a new seed gives new twin accounts and names.
	#[arg(long)]
	seed: Option<u64>,
	/// The node's process id, to report its CPU and memory.
	#[arg(long)]
	node_pid: Option<u32>,
	/// Gives up waiting for inclusion and finality after this many seconds of the run: an
	/// accepted transaction neither included nor reported dropped by then is lost, and the
	/// run exits with an error.
	#[arg(long, default_value_t = 600)]
	timeout: u64,
	/// Also writes the report as JSON to this file.
	#[arg(long)]
	json: Option<std::path::PathBuf>,
}

/// What a sender is given for each transaction it will send: fees, with room for the fee
/// multiplier to rise under load.
const FEE_ALLOWANCE: Balance = UNITS / 100;
/// What each twin's account is given: the twin deposit (one ZERO), its fee and the
/// existential deposit.
const TWIN_FUNDS: Balance = 2 * UNITS;
/// What each transfer moves.
const TRANSFER_AMOUNT: Balance = UNITS / 1_000;

#[tokio::main]
async fn main() {
	if let Err(e) = run(Args::parse()).await {
		eprintln!("zerochain-loadgen: {e}");
		std::process::exit(1);
	}
}

async fn run(args: Args) -> Result<(), Error> {
	if args.count == 0 {
		return Err("--count must be at least 1".into());
	}
	if args.rate.is_some_and(|rate| !(rate.is_finite() && rate > 0.0)) {
		return Err("--rate must be a positive number of transactions a second".into());
	}
	let seed = args.seed.unwrap_or_else(|| {
		std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.map_or(0, |d| d.as_secs())
	});
	let kind = match args.workload {
		Workload::Transfers => Transactions::Transfers,
		Workload::Twins => Transactions::Twins,
		Workload::Lookups => {
			let plan = lookups::Plan {
				count: args.count,
				connections: args.connections,
				in_flight: args.in_flight,
				seed,
				methods: args.methods.clone(),
				node_pid: args.node_pid,
				json: args.json.clone(),
			};
			return lookups::run(&args.url, &plan).await;
		},
	};
	let deadline = Instant::now() + Duration::from_secs(args.timeout);
	let client = chain::connect(&args.url).await?;
	let context = chain::context(&client).await?;
	let (blocks, watcher) = chain::watch_blocks(&args.url).await?;

	let senders: Vec<Signer> =
		(0..args.senders.max(1)).map(|i| Signer::derived("sender", seed, i)).collect();
	let per_sender = args.count.div_ceil(senders.len() as u32);
	let sender_funds = match kind {
		Transactions::Transfers => {
			Balance::from(per_sender) * (FEE_ALLOWANCE + TRANSFER_AMOUNT) + UNITS
		},
		Transactions::Twins => Balance::from(per_sender) * (FEE_ALLOWANCE + TWIN_FUNDS) + UNITS,
	};
	let funder = Signer::from_uri(&args.funder)?;
	println!(
		"funding {} senders with {} ZERO each from {}",
		senders.len(),
		sender_funds / UNITS,
		args.funder
	);
	let accounts: Vec<AccountId> = senders.iter().map(|s| s.account.clone()).collect();
	fund(&args, &client, &context, &[funder], &accounts, sender_funds, deadline).await?;

	let twins: Vec<Signer> = match kind {
		Transactions::Transfers => Vec::new(),
		Transactions::Twins => (0..args.count).map(|i| Signer::derived("twin", seed, i)).collect(),
	};
	if !twins.is_empty() {
		println!("funding {} twin accounts", twins.len());
		let accounts: Vec<AccountId> = twins.iter().map(|s| s.account.clone()).collect();
		fund(&args, &client, &context, &senders, &accounts, TWIN_FUNDS, deadline).await?;
	}

	let lanes = match kind {
		Transactions::Transfers => {
			presign_transfers(&client, &context, &senders, args.count).await?
		},
		Transactions::Twins => presign_twins(&context, &twins, seed),
	};
	let first_block = chain::best_number(&client).await? + 1;
	println!("submitting {} {kind:?} from block #{first_block} on", args.count);
	let sampler = args.node_pid.map(report::sample_node);
	let plan = submit::Plan {
		connections: args.connections,
		in_flight: args.in_flight,
		rate: args.rate,
		watches: args.watches,
		deadline,
	};
	let submitted_at = Instant::now();
	let following = submit::submit(&args.url, lanes, &plan).await?;
	let answered = following.submitted();
	println!(
		"submitted: {} accepted, {} refused in {:.1} s",
		answered.accepted,
		answered.refused_total(),
		answered.elapsed.as_secs_f64()
	);
	let submitted = following.settle().await;
	report::wait_until_final(&blocks, first_block, submitted.included, deadline).await;
	let samples = match sampler {
		Some(sampler) => sampler.finish().await,
		None => Vec::new(),
	};
	watcher.abort();
	let summary =
		report::Summary::new(&args.url, submitted, submitted_at, &blocks, first_block, &samples);
	summary.print();
	if let Some(path) = &args.json {
		std::fs::write(path, serde_json::to_string_pretty(&summary.to_json())?)?;
	}
	match summary.lost() {
		0 => Ok(()),
		lost => Err(format!("{lost} accepted transactions were lost").into()),
	}
}

/// Sends `amount` to every account in `to`, spread over the `from` accounts, and waits until
/// the transfers are in the best block.
async fn fund(
	args: &Args,
	client: &jsonrpsee::ws_client::WsClient,
	context: &ChainContext,
	from: &[Signer],
	to: &[AccountId],
	amount: Balance,
	deadline: Instant,
) -> Result<(), Error> {
	let mut jobs = Vec::with_capacity(to.len());
	let mut lane_of = Vec::with_capacity(to.len());
	let mut targets = Vec::with_capacity(from.len());
	for (index, payer) in from.iter().enumerate() {
		let mut nonce = chain::next_nonce(client, &payer.account).await?;
		for dest in to.iter().skip(index).step_by(from.len()) {
			jobs.push((payer.clone(), sign::transfer(dest, amount), nonce));
			lane_of.push(index);
			nonce += 1;
		}
		targets.push((payer.account.clone(), nonce));
	}
	let lanes = into_lanes(sign::sign_all(context, jobs), &lane_of, from.len());
	let plan = submit::Plan {
		connections: args.connections,
		in_flight: args.in_flight,
		rate: None,
		watches: args.watches,
		deadline,
	};
	let submitted = submit::submit(&args.url, lanes, &plan).await?.settle().await;
	if submitted.refused_total() > 0 || !submitted.dropped.is_empty() || submitted.lost > 0 {
		return Err(format!(
			"funding transfers refused: {:?}, dropped: {:?}, lost: {}",
			submitted.refused, submitted.dropped, submitted.lost
		)
		.into());
	}
	let left = deadline.saturating_duration_since(Instant::now());
	chain::wait_for_nonces(client, &targets, left).await
}

/// Each sender's share of `count` transfers to the next sender, signed with its next nonces.
async fn presign_transfers(
	client: &jsonrpsee::ws_client::WsClient,
	context: &ChainContext,
	senders: &[Signer],
	count: u32,
) -> Result<Vec<Vec<String>>, Error> {
	let mut jobs = Vec::with_capacity(count as usize);
	let mut nonces = Vec::with_capacity(senders.len());
	for sender in senders {
		nonces.push(chain::next_nonce(client, &sender.account).await?);
	}
	let mut lane_of = Vec::with_capacity(count as usize);
	for k in 0..count as usize {
		let index = k % senders.len();
		let dest = &senders[(index + 1) % senders.len()].account;
		jobs.push((senders[index].clone(), sign::transfer(dest, TRANSFER_AMOUNT), nonces[index]));
		nonces[index] += 1;
		lane_of.push(index);
	}
	Ok(into_lanes(sign::sign_all(context, jobs), &lane_of, senders.len()))
}

/// One registration per fresh twin account, each its account's first transaction.
fn presign_twins(context: &ChainContext, twins: &[Signer], seed: u64) -> Vec<Vec<String>> {
	let jobs = twins
		.iter()
		.enumerate()
		.map(|(index, twin)| (twin.clone(), sign::create_twin(seed, index as u32), 0))
		.collect();
	sign::sign_all(context, jobs).into_iter().map(|xt| vec![xt]).collect()
}

/// Groups signed extrinsics by the lane (sender) each belongs to, keeping their order.
fn into_lanes(signed: Vec<String>, lane_of: &[usize], lanes: usize) -> Vec<Vec<String>> {
	let mut grouped = vec![Vec::new(); lanes];
	for (xt, lane) in signed.into_iter().zip(lane_of) {
		grouped[*lane].push(xt);
	}
	grouped
}
