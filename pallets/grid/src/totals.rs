//! The grid's running totals — chain-wide ([`Totals`]), per country ([`Countries`]) and per
//! farm and country ([`FarmCountries`]) — kept as nodes come, change and go, so that an
//! explorer's overview and a farm's countries cost a few reads however large the grid is.
//! Every write of a node record that changes what is counted goes through
//! [`Pallet::replace_node`], [`Pallet::count_node`] or [`Pallet::uncount_node`]; `try_state`
//! recounts everything and compares.

use crate::*;
use alloc::vec::Vec;
use sp_runtime::traits::Saturating;

/// Whether a node is being added to the totals or taken out of them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tally {
	Add,
	Remove,
}

impl Tally {
	fn apply(self, count: &mut u32) {
		match self {
			Tally::Add => count.saturating_inc(),
			Tally::Remove => count.saturating_dec(),
		}
	}

	fn resources(self, sum: ResourceTotals, resources: &Resources) -> ResourceTotals {
		match self {
			Tally::Add => sum.plus(resources),
			Tally::Remove => sum.minus(resources),
		}
	}
}

fn certified<AccountId, Deposit>(node: &Node<AccountId, Deposit>) -> bool {
	node.certification == NodeCertification::Certified
}

impl<T: Config> Pallet<T> {
	/// Counts a node that has just been stored.
	pub(crate) fn count_node(node: &NodeOf<T>) {
		Self::tally_grid(node, Tally::Add);
		Self::tally_country(node, Tally::Add);
	}

	/// Stops counting a node that is being deleted.
	pub(crate) fn uncount_node(node: &NodeOf<T>) {
		Self::tally_grid(node, Tally::Remove);
		Self::tally_country(node, Tally::Remove);
	}

	/// Stores `new` as node `id` in place of `old`, its previous record, and moves the totals
	/// from the one to the other, touching the per-country totals only when the node changes
	/// country, farm or certification: a node's frequent reports of its use cost one more
	/// read and write, of [`Totals`].
	pub(crate) fn replace_node(id: NodeId, old: &NodeOf<T>, new: NodeOf<T>) {
		Self::tally_grid(old, Tally::Remove);
		Self::tally_grid(&new, Tally::Add);
		let same_place = old.farm == new.farm && old.location.country() == new.location.country();
		if !same_place || certified(old) != certified(&new) {
			Self::tally_country(old, Tally::Remove);
			Self::tally_country(&new, Tally::Add);
		}
		Nodes::<T>::insert(id, new);
	}

	fn tally_grid(node: &NodeOf<T>, tally: Tally) {
		Totals::<T>::mutate(|totals| {
			tally.apply(&mut totals.nodes);
			if certified(node) {
				tally.apply(&mut totals.certified_nodes);
			}
			totals.resources = tally.resources(totals.resources, &node.resources);
			totals.used = tally.resources(totals.used, &node.used);
		});
	}

	fn tally_country(node: &NodeOf<T>, tally: Tally) {
		let country = node.location.country();
		let farm_nodes_there = FarmCountries::<T>::mutate_exists(node.farm, country, |count| {
			let mut nodes = count.unwrap_or(0);
			tally.apply(&mut nodes);
			*count = (nodes > 0).then_some(nodes);
			nodes
		});
		Countries::<T>::mutate_exists(country, |totals| {
			let mut there = totals.take().unwrap_or_default();
			tally.apply(&mut there.nodes);
			if certified(node) {
				tally.apply(&mut there.certified_nodes);
			}
			// The farm's first node there, or its last one gone.
			let farm_arrives = tally == Tally::Add && farm_nodes_there == 1;
			let farm_leaves = tally == Tally::Remove && farm_nodes_there == 0;
			if farm_arrives || farm_leaves {
				tally.apply(&mut there.farms);
			}
			*totals = (there.nodes > 0).then_some(there);
		});
	}

	/// The countries a farm's nodes stand in, with how many nodes each, by country code:
	/// for the runtime API. At most one entry per country code.
	pub fn farm_countries(farm: FarmId) -> FarmCountryList {
		let mut countries: Vec<_> = FarmCountries::<T>::iter_prefix(farm).collect();
		countries.sort_unstable_by_key(|(country, _)| *country);
		countries
	}

	/// The farm with this id and the countries its nodes stand in: for the runtime API.
	pub fn farm_details(farm: FarmId) -> Option<(FarmOf<T>, FarmCountryList)> {
		Farms::<T>::get(farm).map(|record| (record, Self::farm_countries(farm)))
	}

	/// The farm with this name, in any case, with its id and countries: for the runtime API.
	pub fn farm_by_name(name: FarmName) -> Option<(FarmId, FarmOf<T>, FarmCountryList)> {
		let farm = FarmByName::<T>::get(name.folded())?;
		let (record, countries) = Self::farm_details(farm)?;
		Some((farm, record, countries))
	}

	/// The node with this id: for the runtime API.
	pub fn node(node: NodeId) -> Option<NodeOf<T>> {
		Nodes::<T>::get(node)
	}

	/// The node whose twin this is, with its id: for the runtime API.
	pub fn node_by_twin(twin: TwinId) -> Option<(NodeId, NodeOf<T>)> {
		let node = NodeByTwin::<T>::get(twin)?;
		Nodes::<T>::get(node).map(|record| (node, record))
	}

	/// The grid's totals: for the runtime API.
	pub fn totals() -> GridTotals {
		Totals::<T>::get()
	}

	/// Every country with a node, and its totals, by country code: for the runtime API. At
	/// most one entry per country code.
	pub fn country_totals() -> Vec<(CountryCode, CountryTotals)> {
		let mut countries: Vec<_> = Countries::<T>::iter().collect();
		countries.sort_unstable_by_key(|(country, _)| *country);
		countries
	}

	/// Farms that match `filter`, by id, after `after`, each with its countries: for the
	/// runtime API. At most `limit` (capped at a page) are returned and
	/// [`paging::SCAN_LIMIT`] ids looked at; the page's cursor says where to go on.
	pub fn farms_page(
		filter: &FarmFilter,
		after: Option<FarmId>,
		limit: u32,
	) -> paging::ScanPage<(FarmOf<T>, FarmCountryList)> {
		paging::scan(after, LastFarmId::<T>::get(), limit, |id| {
			let in_country = |country| FarmCountries::<T>::contains_key(id, country);
			let farm = Farms::<T>::get(id).filter(|farm| {
				filter.certification.is_none_or(|wanted| farm.certification == wanted)
					&& filter.country.is_none_or(in_country)
			})?;
			Some((farm, Self::farm_countries(id)))
		})
	}

	/// Nodes that match `filter`, by id, after `after`: for the runtime API. At most
	/// `limit` (capped at a page) are returned and [`paging::SCAN_LIMIT`] ids looked at; the
	/// page's cursor says where to go on.
	pub fn search_nodes(
		filter: &NodeFilter,
		after: Option<NodeId>,
		limit: u32,
	) -> paging::ScanPage<NodeOf<T>> {
		paging::scan(after, LastNodeId::<T>::get(), limit, |id| {
			Nodes::<T>::get(id).filter(|node| filter.matches(node))
		})
	}
}
