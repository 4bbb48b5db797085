//! The phonebook's read path under load: every `phonebook_*` method asked `--count` times
//! over `--connections` WebSocket connections with `--in-flight` requests under way on each,
//! against a state the bench chain built (`zerochain_bench_state`). Each request asks for a
//! record picked at random from that state, found from its number alone with the same
//! functions the genesis used; the report gives, per method, requests per second, latency
//! percentiles as the client saw them, and how many answers were errors or empty (a lookup of
//! a record the state holds must find it). The layout is read from the chain's totals and
//! holds on the chain as its genesis made it: twins registered since shift the ids the
//! lookups derive, and some then find nothing.

use crate::{
	chain::{connect, Error},
	node::{self, Sample},
	report,
};
use futures::StreamExt;
use jsonrpsee::core::{client::ClientT, params::ArrayParams};
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;
use std::time::{Duration, Instant};
use zerochain_bench_state::fixture;
use zerochain_runtime::{AccountId, SS58_PREFIX};

/// Entries a page asks for.
const PAGE: u32 = 50;

/// How the bench state is laid out, from the chain's totals.
struct Shape {
	twins: u32,
	/// Top-level twins, ids `1..=top`; node twins follow.
	top: u32,
	farms: u32,
	nodes_per_farm: u32,
	circles: u32,
}

impl Shape {
	async fn read(url: &str) -> Result<Self, Error> {
		let client = connect(url).await?;
		let totals: Value = client.request("phonebook_totals", ArrayParams::new()).await?;
		let count = |key: &str| {
			totals[key]
				.as_u64()
				.map(|n| n as u32)
				.ok_or_else(|| format!("no {key} in {totals}"))
		};
		let (twins, farms, nodes, circles) =
			(count("twins")?, count("farms")?, count("nodes")?, count("circles")?);
		if twins == 0 || farms == 0 || circles == 0 {
			return Err(format!(
				"the lookups need a bench state (--chain bench); the chain has {twins} twins, \
				 {farms} farms and {circles} circles"
			)
			.into());
		}
		Ok(Self { twins, top: twins - nodes, farms, nodes_per_farm: nodes / farms, circles })
	}

	/// A node twin's id and its node's: node `k` (from 0) of farm `f` is node
	/// `(f − 1) × n + k + 1` on twin `top + that`.
	fn node(&self, pick: u64) -> (u32, u32) {
		let node = pick_in(pick, self.farms * self.nodes_per_farm);
		(self.top + node, node)
	}
}

/// The i-th pseudo-random number of a run: splitmix64.
fn mix(i: u64) -> u64 {
	let mut z = i.wrapping_add(0x9e37_79b9_7f4a_7c15);
	z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
	z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
	z ^ (z >> 31)
}

/// A number in `1..=n` from a random pick.
fn pick_in(pick: u64, n: u32) -> u32 {
	(pick % u64::from(n.max(1))) as u32 + 1
}

/// A page's cursor (the id it starts after) in `0..n`, so that the page holds at least one of
/// `n` records.
fn after(pick: u64, n: u32) -> u32 {
	pick_in(pick, n) - 1
}

/// The parameters of a method's request for random pick `pick`.
type Params = fn(&Shape, u64) -> Value;

/// The methods, each with how to ask it for a random record of the state.
const METHODS: &[(&str, Params)] = &[
	("phonebook_twin", |s, p| json!([pick_in(p, s.twins)])),
	("phonebook_twinByName", |s, p| {
		json!([String::from_utf8_lossy(&fixture::twin_name(pick_in(p, s.twins)))])
	}),
	("phonebook_twinByKey", |s, p| {
		let public = fixture::TwinKey::of(pick_in(p, s.twins)).public();
		json!(["ed25519", format!("0x{}", hex(&public))])
	}),
	("phonebook_twinByAccount", |s, p| {
		let account = AccountId::new(fixture::account_seed(pick_in(p, s.top)));
		json!([account.to_ss58check_with_version(SS58_PREFIX.into())])
	}),
	// A farm's owner's first record is its farm.
	("phonebook_resolve", |s, p| json!([pick_in(p, s.farms), 1])),
	("phonebook_twins", |s, p| json!([after(p, s.twins), PAGE])),
	("phonebook_circle", |s, p| json!([pick_in(p, s.circles)])),
	("phonebook_circles", |s, p| json!([after(p, s.circles), PAGE])),
	("phonebook_circleMembers", |s, p| json!([pick_in(p, s.circles), null, PAGE])),
	// Circle c is owned by twin (c − 1) mod top + 1, whose next twin is a member.
	("phonebook_twinCircles", |s, p| json!([pick_in(p, s.top.min(s.circles)) % s.top + 1])),
	("phonebook_hasRight", |s, p| {
		let circle = pick_in(p, s.circles);
		let owner = (circle - 1) % s.top + 1;
		json!([circle, owner % s.top + 1, "read"])
	}),
	("phonebook_farm", |s, p| json!([pick_in(p, s.farms)])),
	("phonebook_farmByName", |s, p| {
		json!([String::from_utf8_lossy(&fixture::farm_name(pick_in(p, s.farms)))])
	}),
	("phonebook_farms", |s, p| json!([null, after(p, s.farms), PAGE])),
	("phonebook_node", |s, p| json!([s.node(p).1])),
	("phonebook_nodeByTwin", |s, p| json!([s.node(p).0])),
	("phonebook_farmNodes", |s, p| json!([pick_in(p, s.farms), null, PAGE])),
	// Nodes in one of the state's countries with at least 8 free cores: three in five of them.
	("phonebook_searchNodes", |s, p| {
		let country = fixture::country(pick_in(p, s.farms));
		json!([
			{ "country": String::from_utf8_lossy(&country), "minFree": { "cores": 8 } },
			null,
			PAGE
		])
	}),
	("phonebook_totals", |_, _| json!([])),
];

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What one method's requests gave.
struct Measured {
	method: &'static str,
	requests: usize,
	elapsed: Duration,
	/// Sorted.
	latencies: Vec<Duration>,
	errors: usize,
	/// Answers that were `null`, an empty page or `false`: the record was not found.
	empty: usize,
}

impl Measured {
	fn per_second(&self) -> f64 {
		self.requests as f64 / self.elapsed.as_secs_f64().max(f64::EPSILON)
	}

	fn percentile(&self, fraction: f64) -> Duration {
		let last = self.latencies.len().saturating_sub(1);
		self.latencies
			.get(((last as f64) * fraction).round() as usize)
			.copied()
			.unwrap_or_default()
	}

	fn to_json(&self) -> Value {
		let micros = |d: Duration| d.as_secs_f64() * 1e6;
		json!({
			"method": self.method,
			"requests": self.requests,
			"per_second": self.per_second(),
			"p50_us": micros(self.percentile(0.5)),
			"p99_us": micros(self.percentile(0.99)),
			"max_us": micros(self.latencies.last().copied().unwrap_or_default()),
			"errors": self.errors,
			"empty": self.empty,
		})
	}
}

/// How to ask.
pub struct Plan {
	pub count: u32,
	pub connections: usize,
	pub in_flight: usize,
	pub seed: u64,
	/// Only these methods; all when empty.
	pub methods: Vec<String>,
	pub node_pid: Option<u32>,
	pub json: Option<std::path::PathBuf>,
}

/// Asks every method in turn and prints (and writes, with `--json`) what each gave.
pub async fn run(url: &str, plan: &Plan) -> Result<(), Error> {
	if let Some(unknown) = plan.methods.iter().find(|m| !METHODS.iter().any(|(name, _)| name == m))
	{
		return Err(format!("--methods: no method {unknown} among the lookups").into());
	}
	let shape = Shape::read(url).await?;
	println!(
		"bench state: {} twins ({} top-level), {} farms × {} nodes, {} circles",
		shape.twins, shape.top, shape.farms, shape.nodes_per_farm, shape.circles
	);
	let mut clients = Vec::with_capacity(plan.connections.max(1));
	for _ in 0..plan.connections.max(1) {
		clients.push(connect(url).await?);
	}
	let first = plan.node_pid.and_then(node::sample);
	let sampler = plan.node_pid.map(report::sample_node);
	println!(
		"{:<26} {:>9} {:>10} {:>9} {:>9} {:>9} {:>6} {:>6}",
		"method", "requests", "req/s", "p50 µs", "p99 µs", "max µs", "errors", "empty"
	);
	let mut measured = Vec::with_capacity(METHODS.len());
	for (index, (method, params)) in METHODS.iter().enumerate() {
		if !plan.methods.is_empty() && !plan.methods.iter().any(|m| m == method) {
			continue;
		}
		let picks = (0..u64::from(plan.count)).map(|i| mix(plan.seed ^ ((index as u64) << 40) ^ i));
		let requests: Vec<Value> = picks.map(|pick| params(&shape, pick)).collect();
		let result = ask(&clients, method, requests, plan.in_flight).await;
		println!(
			"{:<26} {:>9} {:>10.0} {:>9.0} {:>9.0} {:>9.0} {:>6} {:>6}",
			method,
			result.requests,
			result.per_second(),
			result.percentile(0.5).as_secs_f64() * 1e6,
			result.percentile(0.99).as_secs_f64() * 1e6,
			result.latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e6,
			result.errors,
			result.empty
		);
		measured.push(result);
	}
	let samples = match sampler {
		Some(sampler) => sampler.finish().await,
		None => Vec::new(),
	};
	let node = node_figures(first, &samples);
	if let Some(node) = &node {
		println!("node: {node}");
	}
	if let Some(path) = &plan.json {
		let report = json!({
			"twins": shape.twins,
			"farms": shape.farms,
			"circles": shape.circles,
			"connections": clients.len(),
			"in_flight": plan.in_flight,
			"methods": measured.iter().map(Measured::to_json).collect::<Vec<_>>(),
			"node": node,
		});
		std::fs::write(path, serde_json::to_string_pretty(&report)?)?;
	}
	Ok(())
}

/// Sends `requests` of `method`, spread over the connections with `in_flight` under way on
/// each, and times each answer.
async fn ask(
	clients: &[jsonrpsee::ws_client::WsClient],
	method: &'static str,
	requests: Vec<Value>,
	in_flight: usize,
) -> Measured {
	let count = requests.len();
	let mut shares: Vec<Vec<Value>> = vec![Vec::new(); clients.len()];
	for (i, params) in requests.into_iter().enumerate() {
		shares[i % clients.len()].push(params);
	}
	let began = Instant::now();
	let answers = futures::future::join_all(clients.iter().zip(shares).map(|(client, share)| {
		futures::stream::iter(share)
			.map(move |params| async move {
				let mut array = ArrayParams::new();
				if let Value::Array(values) = params {
					for value in values {
						array.insert(value).expect("a JSON value serialises");
					}
				}
				let sent = Instant::now();
				let answer = client.request::<Value, _>(method, array).await;
				(sent.elapsed(), answer)
			})
			.buffer_unordered(in_flight.max(1))
			.collect::<Vec<_>>()
	}))
	.await;
	let elapsed = began.elapsed();
	let mut measured =
		Measured { method, requests: count, elapsed, latencies: Vec::new(), errors: 0, empty: 0 };
	for (latency, answer) in answers.into_iter().flatten() {
		measured.latencies.push(latency);
		match answer {
			Err(_) => measured.errors += 1,
			Ok(value) if found(&value) => {},
			Ok(_) => measured.empty += 1,
		}
	}
	measured.latencies.sort();
	measured
}

/// Whether an answer found something: not `null`, not `false`, not a page without entries.
fn found(value: &Value) -> bool {
	match value {
		Value::Null | Value::Bool(false) => false,
		Value::Object(page) => match page.get("items") {
			Some(Value::Array(entries)) => !entries.is_empty(),
			_ => true,
		},
		_ => true,
	}
}

/// The node's CPU and memory over the run.
fn node_figures(first: Option<Sample>, samples: &[Sample]) -> Option<Value> {
	let (first, last) = (first?, samples.last()?);
	let peak = samples.iter().map(|s| s.rss_mib).fold(first.rss_mib, f64::max);
	Some(json!({
		"cores_busy": node::cores_busy(&first, last),
		"rss_start_mib": first.rss_mib,
		"rss_end_mib": last.rss_mib,
		"rss_peak_mib": peak,
	}))
}
