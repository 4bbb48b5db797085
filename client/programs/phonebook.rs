//! The Zero Chain client at work: connects by RPC or by light client, registers a twin for a
//! development account with a relay and a proven key, looks it up by id, account and name,
//! lists a farm's nodes, and shows a refused call by its error's name, all the while following
//! finalised blocks with their phonebook events, until `--blocks` more after its work.
//!
//!   zerochain-client-example --rpc ws://127.0.0.1:9944 --signer //Ferdie --farm 1
//!   zerochain-client-example --chain-spec local-raw.json --twin 1
//!
//! Without `--signer` it only reads: twin `--twin`, farm `--farm`, and the blocks.

use clap::Parser;
use futures::{stream::BoxStream, StreamExt};
use std::path::PathBuf;
use tokio::sync::watch;
use zerochain_client::{sr25519::Keypair, Client, Error, PhonebookBlock, SecretUri, Twin};

#[derive(Parser)]
#[command(about = "The Zero Chain client (zerochain-client, on subxt) at work.")]
struct Args {
	/// A node's JSON-RPC URL (`ws://…`): the client believes it.
	#[arg(long, required_unless_present = "chain_spec", conflicts_with = "chain_spec")]
	rpc: Option<String>,
	/// A raw chain spec: the client goes through a light client started from it.
	#[arg(long)]
	chain_spec: Option<PathBuf>,
	/// The secret URI of a funded account (`//Ferdie` on a development chain) that registers a
	/// twin; without it, the program only reads.
	#[arg(long)]
	signer: Option<String>,
	/// The name of the twin it registers.
	#[arg(long, default_value = "rusty")]
	name: String,
	/// A twin to look up.
	#[arg(long)]
	twin: Option<u32>,
	/// A farm whose nodes to list.
	#[arg(long)]
	farm: Option<u32>,
	/// How many finalised blocks to follow once its work is done.
	#[arg(long, default_value_t = 2)]
	blocks: usize,
}

/// A name's or relay's bytes as text, or "-" where the twin has none.
fn text(bytes: Option<&Vec<u8>>) -> String {
	bytes.map_or("-".into(), |bytes| String::from_utf8_lossy(bytes).into_owned())
}

fn describe(id: u32, twin: &Twin) -> String {
	format!(
		"twin {id}: account {}, name {}, relay {}, key {}",
		twin.account,
		text(twin.name.as_ref().map(|name| &name.0 .0)),
		text(twin.relay.as_ref().map(|relay| &relay.0 .0)),
		twin.public_key.as_ref().map_or("-".into(), |key| format!("{key:?}")),
	)
}

/// Prints each finalised block with its phonebook events, until `after` more blocks have come
/// once `done` says the work is over.
async fn print_blocks(
	mut blocks: BoxStream<'static, Result<PhonebookBlock, Error>>,
	mut done: watch::Receiver<bool>,
	after: usize,
) -> Result<(), Error> {
	let mut left = None;
	while left != Some(0) {
		let Some(block) = blocks.next().await else { break };
		let block = block?;
		println!("finalised block #{}: {} phonebook events", block.number, block.events.len());
		for event in &block.events {
			println!("  {event:?}");
		}
		if *done.borrow_and_update() {
			left = Some(left.unwrap_or(after).saturating_sub(1));
		}
	}
	Ok(())
}

/// The program's work: a twin registered and proven, lookups, a farm's nodes.
async fn work(client: &Client, args: &Args) -> Result<(), Box<dyn std::error::Error>> {
	let mut twin = args.twin;
	if let Some(secret) = &args.signer {
		let signer = Keypair::from_uri(&secret.parse::<SecretUri>()?)?;
		let id = client.register_twin(&signer, Some(&args.name), None).await?;
		println!("registered twin {id}");
		client.set_relay(&signer, id, Some("relay.rusty.example")).await?;
		client.set_public_key(&signer, id).await?;
		println!("set the relay and proved the key of twin {id}");
		match client.register_twin(&signer, Some("another"), None).await {
			Err(Error::Refused { pallet, error }) => {
				println!("a second twin: refused: {pallet}::{error}")
			},
			other => return Err(format!("a second twin of one account: {other:?}").into()),
		}
		let account = signer.public_key().to_account_id();
		let (by_account, _) =
			client.twin_by_account(&account).await?.ok_or("no twin by account")?;
		let (by_name, _) = client.twin_by_name(&args.name).await?.ok_or("no twin by name")?;
		println!("by account: twin {by_account}; by name: twin {by_name}");
		twin = Some(id);
	}
	if let Some(id) = twin {
		match client.twin(id).await? {
			Some(found) => println!("{}", describe(id, &found)),
			None => println!("twin {id}: none"),
		}
	}
	if let Some(farm) = args.farm {
		let nodes = client.farm_nodes(farm, None, 100).await?;
		let ids: Vec<u32> = nodes.iter().map(|(id, _)| *id).collect();
		println!("farm {farm}: nodes {ids:?}");
	}
	Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
	let args = Args::parse();
	let client = match (&args.rpc, &args.chain_spec) {
		(Some(url), _) => Client::rpc(url).await?,
		(None, Some(spec)) => Client::light(&std::fs::read_to_string(spec)?).await?,
		(None, None) => unreachable!("clap requires one"),
	};
	println!("connected: genesis {:?}", client.subxt().genesis_hash());

	// The blocks are followed from the start, in a task of their own: the program's own
	// registrations show among their events.
	let (done, finished) = watch::channel(false);
	let follower =
		tokio::spawn(print_blocks(client.follow_phonebook().await?, finished, args.blocks));
	work(&client, &args).await?;
	done.send(true)?;
	follower.await??;
	Ok(())
}
