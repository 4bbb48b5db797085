//! Accounts and pre-signed extrinsics, built with the runtime's own types so that what is
//! sent is exactly what the runtime decodes.

use codec::Encode;
use sp_core::{crypto::Pair as _, sr25519, H256};
use sp_runtime::{
	generic::Era,
	traits::{BlakeTwo256, Hash, IdentifyAccount},
	MultiAddress, MultiSigner,
};
use zerochain_runtime::{
	AccountId, Balance, Runtime, RuntimeCall, SignedPayload, TxExtension, UncheckedExtrinsic,
};

/// What every transaction of a chain commits to beside its call: the chain's genesis and the
/// runtime version it was signed for.
#[derive(Clone, Copy)]
pub struct ChainContext {
	pub genesis: H256,
	pub spec_version: u32,
	pub transaction_version: u32,
}

/// A key that signs, and the account it controls.
#[derive(Clone)]
pub struct Signer {
	pair: sr25519::Pair,
	pub account: AccountId,
}

impl Signer {
	/// A dev key such as `//Alice`.
	pub fn from_uri(uri: &str) -> Result<Self, String> {
		let pair = sr25519::Pair::from_string(uri, None).map_err(|e| format!("{uri}: {e:?}"))?;
		Ok(Self::from_pair(pair))
	}

	/// The `index`th account of a family (`"sender"`, `"twin"`) of a run's `seed`: derived by
	/// hashing, which is much faster than hard derivation from a phrase, and the same in every
	/// run with that seed.
	pub fn derived(family: &str, seed: u64, index: u32) -> Self {
		let secret = BlakeTwo256::hash_of(&("zerochain-loadgen", family, seed, index));
		Self::from_pair(sr25519::Pair::from_seed(&secret.into()))
	}

	fn from_pair(pair: sr25519::Pair) -> Self {
		let account = MultiSigner::from(pair.public()).into_account();
		Self { pair, account }
	}

	/// `call` signed by this account with `nonce`, immortal and without tip, as the hex string
	/// `author_submitExtrinsic` takes.
	pub fn sign(&self, chain: &ChainContext, call: RuntimeCall, nonce: u32) -> String {
		let extension: TxExtension = (
			frame_system::CheckNonZeroSender::<Runtime>::new(),
			frame_system::CheckSpecVersion::<Runtime>::new(),
			frame_system::CheckTxVersion::<Runtime>::new(),
			frame_system::CheckGenesis::<Runtime>::new(),
			frame_system::CheckEra::<Runtime>::from(Era::Immortal),
			frame_system::CheckNonce::<Runtime>::from(nonce),
			frame_system::CheckWeight::<Runtime>::new(),
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
			frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
			frame_system::WeightReclaim::<Runtime>::new(),
		);
		// What the extensions add to the signed payload without sending it: the runtime
		// version, the genesis hash twice (chain and immortal era), no metadata hash.
		let implicit = (
			(),
			chain.spec_version,
			chain.transaction_version,
			chain.genesis,
			chain.genesis,
			(),
			(),
			(),
			None,
			(),
		);
		let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
		let signature = payload.using_encoded(|bytes| self.pair.sign(bytes));
		let extrinsic = UncheckedExtrinsic::new_signed(
			call,
			MultiAddress::Id(self.account.clone()),
			signature.into(),
			extension,
		);
		sp_core::bytes::to_hex(&extrinsic.encode(), false)
	}
}

/// `Balances.transfer_keep_alive` of `amount` to `dest`.
pub fn transfer(dest: &AccountId, amount: Balance) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: MultiAddress::Id(dest.clone()),
		value: amount,
	})
}

/// `Twins.create_twin` with a name and a relay unique to (`seed`, `index`), the shape of a
/// real registration.
pub fn create_twin(seed: u64, index: u32) -> RuntimeCall {
	let name = format!("lg{seed}-{index}");
	let relay = format!("relay{index}.lg{seed}.example.org");
	RuntimeCall::Twins(pallet_twins::Call::create_twin {
		relay: Some(relay.into_bytes().try_into().expect("a short relay fits")),
		name: Some(name.into_bytes().try_into().expect("a short name fits")),
	})
}

/// Signs `jobs` (signer, call, nonce) on every core, keeping their order.
pub fn sign_all(chain: &ChainContext, jobs: Vec<(Signer, RuntimeCall, u32)>) -> Vec<String> {
	let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
	let chunk = jobs.len().div_ceil(threads).max(1);
	std::thread::scope(|scope| {
		let handles: Vec<_> = jobs
			.chunks(chunk)
			.map(|part| {
				scope.spawn(move || {
					part.iter()
						.map(|(signer, call, nonce)| signer.sign(chain, call.clone(), *nonce))
						.collect::<Vec<_>>()
				})
			})
			.collect();
		handles
			.into_iter()
			.flat_map(|h| h.join().expect("signing does not panic"))
			.collect()
	})
}
