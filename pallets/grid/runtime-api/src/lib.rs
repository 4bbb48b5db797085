//! The runtime API of the grid pallet, which the node serves over JSON-RPC (`phonebook_farm`,
//! `phonebook_farms`, `phonebook_node`, `phonebook_farmNodes`, `phonebook_searchNodes`,
//! `phonebook_totals`). `Farm` and `Node` are the runtime's farm and node records
//! (`pallet_grid::FarmOf<Runtime>`, `NodeOf<Runtime>`). Each method forwards to the pallet's
//! own query (`pallet_grid::Pallet`'s query functions).
//!
//! Version 3 is the only one: a farm comes with the countries its nodes stand in, and a lookup
//! by name or by twin answers with the record and its id, each in one call. (Versions 1 and 2,
//! which also had lookups that answered with the id alone, ran on no live network and are
//! gone.)

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use pallet_grid::{CountryTotals, FarmCountryList, FarmFilter, FarmName, GridTotals, NodeFilter};
use zerochain_primitives::{CountryCode, FarmId, NodeId, ScanPage, TwinId};

sp_api::decl_runtime_apis! {
	/// Farms, nodes, and the search for capacity.
	#[api_version(3)]
	pub trait GridApi<Farm, Node>
	where
		Farm: Codec,
		Node: Codec,
	{
		/// The farm with this id, with the countries its nodes stand in and how many in each.
		fn farm(farm: FarmId) -> Option<(Farm, FarmCountryList)>;
		/// The farm with this name, in any case, with its id and countries.
		fn farm_by_name(name: FarmName) -> Option<(FarmId, Farm, FarmCountryList)>;
		/// A page of the farms that match `filter`, by id, each with its countries.
		fn farms(filter: FarmFilter, after: Option<FarmId>, limit: u32) -> ScanPage<(Farm, FarmCountryList)>;
		/// The grid's totals.
		fn totals() -> GridTotals;
		/// Every country with a node, with its totals.
		fn countries() -> Vec<(CountryCode, CountryTotals)>;
		/// The node with this id.
		fn node(node: NodeId) -> Option<Node>;
		/// The node whose twin this is, with its id.
		fn node_by_twin(twin: TwinId) -> Option<(NodeId, Node)>;
		/// A page of a farm's nodes, by id.
		fn farm_nodes(farm: FarmId, after: Option<NodeId>, limit: u32) -> Vec<(NodeId, Node)>;
		/// A page of the nodes that match `filter`, by id.
		fn search_nodes(filter: NodeFilter, after: Option<NodeId>, limit: u32) -> ScanPage<Node>;
	}
}
