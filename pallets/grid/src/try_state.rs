//! The pallet's invariants: every index points to a record that points back, every count
//! matches what it counts, and the deposits held are those the records name. `try_state` runs
//! them on a live chain; the tests after every call.

use crate::{pallet::BalanceOf, *};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::{traits::Saturating, TryRuntimeError};
use zerochain_primitives::{deposit, CountryCode, TwinRegistry};

type Held<T> = BTreeMap<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet's storage.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_farms()?;
		Self::check_nodes()?;
		Self::check_certifiers()?;
		Self::check_totals()
	}

	/// Every certification a certifier granted is indexed both ways and still in force; a
	/// certifier queued for revocation is no longer named.
	fn check_certifiers() -> Result<(), TryRuntimeError> {
		for (node, certifier) in CertifiedBy::<T>::iter() {
			let record =
				Nodes::<T>::get(node).ok_or("a certifier vouches for a node that is gone")?;
			ensure!(
				record.certification == NodeCertification::Certified,
				"a certifier vouches for a node that is not certified"
			);
			ensure!(
				CertifiedNodes::<T>::contains_key(&certifier, node),
				"a certification is not indexed by its certifier"
			);
		}
		for (certifier, node, ()) in CertifiedNodes::<T>::iter() {
			ensure!(CertifiedBy::<T>::get(node) == Some(certifier), "a certifier's index is stale");
		}
		let named = NodeCertifiers::<T>::get();
		for certifier in Unnamed::<T>::iter_keys() {
			ensure!(!named.contains(&certifier), "a named certifier is being revoked");
		}
		Ok(())
	}

	fn check_farms() -> Result<(), TryRuntimeError> {
		let last = LastFarmId::<T>::get();
		let mut held = Held::<T>::new();
		for (id, farm) in Farms::<T>::iter() {
			ensure!(id >= 1 && id <= last, "a farm id is beyond LastFarmId");
			ensure!(T::Twins::exists(farm.owner), "a farm's owner twin is gone");
			ensure!(
				FarmByName::<T>::get(farm.name.folded()) == Some(id),
				"a farm is not indexed by its name"
			);
			for ip in &farm.public_ips {
				ensure!(
					IpHolders::<T>::get(ip.ip()) == Some(IpHolder::Farm(id)),
					"a farm's IP is not indexed"
				);
			}
			let nodes = NodesByFarm::<T>::iter_key_prefix(id).count() as u32;
			ensure!(nodes == farm.nodes, "a farm's node count is wrong");
			ensure!(farm.nodes <= T::MaxNodesPerFarm::get(), "a farm has too many nodes");
			held.entry(farm.depositor)
				.or_default()
				.saturating_accrue(deposit::held(&farm.deposit));
		}
		for (name, id) in FarmByName::<T>::iter() {
			let farm = Farms::<T>::get(id).ok_or("a name indexes no farm")?;
			ensure!(farm.name.folded() == name, "a name indexes a farm of another name");
		}
		for (ip, holder) in IpHolders::<T>::iter() {
			let held = match holder {
				IpHolder::Farm(id) => Farms::<T>::get(id)
					.ok_or("an IP indexes no farm")?
					.public_ips
					.iter()
					.any(|p| p.ip() == ip),
				IpHolder::Node(id) => Nodes::<T>::get(id)
					.ok_or("an IP indexes no node")?
					.public_config
					.is_some_and(|c| c.ipv4().ip() == ip),
			};
			ensure!(held, "an IP indexes a holder without it");
		}
		Self::check_held(HoldReason::FarmDeposit, held)
	}

	fn check_nodes() -> Result<(), TryRuntimeError> {
		let last = LastNodeId::<T>::get();
		let mut held = Held::<T>::new();
		for (id, node) in Nodes::<T>::iter() {
			ensure!(id >= 1 && id <= last, "a node id is beyond LastNodeId");
			ensure!(Farms::<T>::contains_key(node.farm), "a node's farm is gone");
			ensure!(
				NodesByFarm::<T>::contains_key(node.farm, NodeKey::from(id)),
				"a node is not in its farm"
			);
			ensure!(T::Twins::exists(node.twin), "a node's twin is gone");
			ensure!(NodeByTwin::<T>::get(node.twin) == Some(id), "a node is not its twin's");
			ensure!(node.resources.covers(&node.used), "a node uses more than it has");
			if let Some(config) = &node.public_config {
				ensure!(
					IpHolders::<T>::get(config.ipv4().ip()) == Some(IpHolder::Node(id)),
					"a node's public IP is not indexed"
				);
			}
			held.entry(node.depositor)
				.or_default()
				.saturating_accrue(deposit::held(&node.deposit));
		}
		for (farm, key) in NodesByFarm::<T>::iter_keys() {
			let node = Nodes::<T>::get(key.id()).ok_or("a farm lists a node that is gone")?;
			ensure!(node.farm == farm, "a farm lists a node of another farm");
		}
		for (twin, id) in NodeByTwin::<T>::iter() {
			let node = Nodes::<T>::get(id).ok_or("a twin indexes a node that is gone")?;
			ensure!(node.twin == twin, "a twin indexes another twin's node");
		}
		Self::check_held(HoldReason::NodeDeposit, held)
	}

	/// The running totals are what a recount of every farm and node gives.
	fn check_totals() -> Result<(), TryRuntimeError> {
		let mut totals =
			GridTotals { farms: Farms::<T>::iter_keys().count() as u32, ..Default::default() };
		let mut countries = BTreeMap::<CountryCode, CountryTotals>::new();
		let mut farm_countries = BTreeMap::<(FarmId, CountryCode), u32>::new();
		for node in Nodes::<T>::iter_values() {
			let certified = u32::from(node.certification == NodeCertification::Certified);
			totals.nodes += 1;
			totals.certified_nodes += certified;
			totals.resources = totals.resources.plus(&node.resources);
			totals.used = totals.used.plus(&node.used);
			let there = countries.entry(node.location.country()).or_default();
			there.nodes += 1;
			there.certified_nodes += certified;
			let farm_there =
				farm_countries.entry((node.farm, node.location.country())).or_default();
			*farm_there += 1;
			if *farm_there == 1 {
				there.farms += 1;
			}
		}
		ensure!(Totals::<T>::get() == totals, "the grid's totals are not its recount");
		ensure!(
			Countries::<T>::iter().collect::<BTreeMap<_, _>>() == countries,
			"the countries' totals are not their recount"
		);
		ensure!(
			FarmCountries::<T>::iter()
				.map(|(farm, country, nodes)| ((farm, country), nodes))
				.collect::<BTreeMap<_, _>>()
				== farm_countries,
			"the farms' countries are not their recount"
		);
		Ok(())
	}

	/// Every account holds for `reason` exactly the deposits the records name: every account,
	/// so that a hold no record accounts for is found too.
	fn check_held(reason: HoldReason, held: Held<T>) -> Result<(), TryRuntimeError> {
		let holding =
			|account: &T::AccountId| T::Currency::balance_on_hold(&reason.into(), account);
		let accounts = frame_system::Account::<T>::iter_keys();
		ensure!(
			deposit::holds_exactly(accounts, &held, holding),
			"an account holds other than its deposits"
		);
		Ok(())
	}
}
