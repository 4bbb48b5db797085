//! What the load generator asks the node: the chain's context, nonces, and the blocks as
//! they are authored and finalised.

use crate::sign::ChainContext;
use codec::{Compact, Decode};
use jsonrpsee::{
	core::client::{ClientT, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;
use std::{
	collections::BTreeMap,
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};
use zerochain_runtime::AccountId;

pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// A WebSocket connection that allows as many requests in flight as the submitter keeps.
pub async fn connect(url: &str) -> Result<WsClient, Error> {
	Ok(WsClientBuilder::default()
		.max_concurrent_requests(4096)
		.request_timeout(Duration::from_secs(120))
		.build(url)
		.await?)
}

/// The genesis hash and the runtime version transactions must be signed for.
pub async fn context(client: &WsClient) -> Result<ChainContext, Error> {
	let genesis: String = client.request("chain_getBlockHash", rpc_params![0]).await?;
	let version: Value = client.request("state_getRuntimeVersion", rpc_params![]).await?;
	let number = |key: &str| {
		version[key]
			.as_u64()
			.map(|n| n as u32)
			.ok_or_else(|| format!("no {key} in {version}"))
	};
	Ok(ChainContext {
		genesis: genesis.parse().map_err(|e| format!("genesis hash {genesis}: {e:?}"))?,
		spec_version: number("specVersion")?,
		transaction_version: number("transactionVersion")?,
	})
}

/// The number of the node's best block.
pub async fn best_number(client: &WsClient) -> Result<u32, Error> {
	let header: Value = client.request("chain_getHeader", rpc_params![]).await?;
	Ok(header_number(&header).ok_or_else(|| format!("a header without a number: {header}"))?)
}

/// The nonce the account's next transaction must carry (counting those in the pool).
pub async fn next_nonce(client: &WsClient, account: &AccountId) -> Result<u32, Error> {
	Ok(client
		.request("system_accountNextIndex", rpc_params![account.to_string()])
		.await?)
}

/// Waits until every account's nonce (as the chain's best block has it) reached its target.
pub async fn wait_for_nonces(
	client: &WsClient,
	targets: &[(AccountId, u32)],
	timeout: Duration,
) -> Result<(), Error> {
	let deadline = Instant::now() + timeout;
	for (account, target) in targets {
		loop {
			let nonce: u32 = on_chain_nonce(client, account).await?;
			if nonce >= *target {
				break;
			}
			if Instant::now() > deadline {
				return Err(
					format!("{account}: nonce {nonce}, not {target}, after {timeout:?}").into()
				);
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}
	Ok(())
}

/// The account's nonce in the best block's state (`frame_system::Account`'s first field).
async fn on_chain_nonce(client: &WsClient, account: &AccountId) -> Result<u32, Error> {
	let key = frame_system::Account::<zerochain_runtime::Runtime>::hashed_key_for(account);
	let value: Option<String> = client
		.request("state_getStorage", rpc_params![sp_core::bytes::to_hex(&key, false)])
		.await?;
	let Some(value) = value else { return Ok(0) };
	let bytes = sp_core::bytes::from_hex(&value).map_err(|e| format!("{value}: {e:?}"))?;
	Ok(u32::decode(&mut &bytes[..])?)
}

/// A block seen by the watcher: how many signed transactions it holds and when it was seen
/// as the best block and as finalised.
#[derive(Clone, Debug)]
pub struct SeenBlock {
	pub transactions: usize,
	pub best_at: Instant,
	pub finalised_at: Option<Instant>,
}

/// Blocks by number, as the watcher saw them.
pub type Blocks = Arc<Mutex<BTreeMap<u32, SeenBlock>>>;

/// Follows new best and finalised heads on its own connection, recording every block's
/// signed transactions, until the returned handle is aborted.
pub async fn watch_blocks(url: &str) -> Result<(Blocks, tokio::task::JoinHandle<()>), Error> {
	let client = connect(url).await?;
	let blocks = Blocks::default();
	let heads = |kind: &str| {
		let (subscribe, unsubscribe) =
			(format!("chain_subscribe{kind}Heads"), format!("chain_unsubscribe{kind}Heads"));
		let client = &client;
		async move { client.subscribe::<Value, _>(&subscribe, rpc_params![], &unsubscribe).await }
	};
	let mut best = heads("New").await?;
	let mut finalised = heads("Finalized").await?;
	let seen = blocks.clone();
	let task = tokio::spawn(async move {
		// The last block recorded and the last finalised, so that a head the subscription
		// skipped is fetched anyway, and a block recorded after its finality notification
		// (the two streams race) is final at once.
		let mut last_recorded: Option<u32> = None;
		let mut last_finalised: Option<u32> = None;
		loop {
			tokio::select! {
				Some(Ok(header)) = best.next() => {
					let Some(number) = header_number(&header) else { continue };
					let from = last_recorded.map_or(number, |last| (last + 1).min(number));
					for n in from..=number {
						let Some(transactions) = signed_transactions_retrying(&client, n).await
						else { continue };
						let now = Instant::now();
						let finalised_at = last_finalised.filter(|f| n <= *f).map(|_| now);
						seen.lock().expect("not poisoned").entry(n).or_insert(SeenBlock {
							transactions,
							best_at: now,
							finalised_at,
						});
						println!("block #{n}: {transactions} transactions");
					}
					last_recorded = Some(last_recorded.map_or(number, |last| last.max(number)));
				},
				Some(Ok(header)) = finalised.next() => {
					let Some(number) = header_number(&header) else { continue };
					let now = Instant::now();
					last_finalised = Some(last_finalised.map_or(number, |last| last.max(number)));
					// GRANDPA finalises blocks in runs: every block up to this one is final.
					let mut seen = seen.lock().expect("not poisoned");
					for (_, block) in seen.range_mut(..=number) {
						block.finalised_at.get_or_insert(now);
					}
				},
				else => break,
			}
		}
	});
	Ok((blocks, task))
}

/// [`signed_transactions`], tried three times: a block lost to one failed request would
/// leave its transactions uncounted.
async fn signed_transactions_retrying(client: &WsClient, number: u32) -> Option<usize> {
	for attempt in 0..3 {
		match signed_transactions(client, number).await {
			Ok(count) => return Some(count),
			Err(e) if attempt == 2 => eprintln!("block #{number} not read: {e}"),
			Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
		}
	}
	None
}

fn header_number(header: &Value) -> Option<u32> {
	let hex = header["number"].as_str()?.trim_start_matches("0x");
	u32::from_str_radix(hex, 16).ok()
}

/// Signed extrinsics of the best chain's block `number` (inherents are unsigned).
async fn signed_transactions(client: &WsClient, number: u32) -> Result<usize, Error> {
	let hash: String = client.request("chain_getBlockHash", rpc_params![number]).await?;
	let block: Value = client.request("chain_getBlock", rpc_params![hash]).await?;
	let extrinsics = block["block"]["extrinsics"].as_array().ok_or("a block without extrinsics")?;
	Ok(extrinsics.iter().filter(|xt| xt.as_str().is_some_and(is_signed)).count())
}

/// An extrinsic is signed when its version byte, after the length prefix, has the top bit.
fn is_signed(hex: &str) -> bool {
	let Ok(bytes) = sp_core::bytes::from_hex(hex) else { return false };
	let mut input = &bytes[..];
	Compact::<u32>::decode(&mut input).is_ok() && input.first().is_some_and(|v| v & 0x80 != 0)
}
