//! The runtime API of the grid pallet, which the node serves over JSON-RPC (`phonebook_farm`,
//! `phonebook_farms`, `phonebook_node`, `phonebook_farmNodes`, `phonebook_searchNodes`,
//! `phonebook_totals`). `Farm` and `Node` are
//! the runtime's farm and node records (`pallet_grid::FarmOf<Runtime>`, `NodeOf<Runtime>`).
//!
//! Version 2 adds methods that answer a lookup in one runtime call: a farm with its countries
//! (`farm_details`), a farm by name (`find_farm_by_name`), a node by its twin
//! (`find_node_by_twin`). The node's RPC uses them, and so needs version 2; the version 1
//! methods stay for other clients.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use pallet_grid::{
	CountryTotals, FarmCountryList, FarmFilter, FarmId, FarmName, GridTotals, NodeFilter, NodeId,
};
use pallet_twins::{paging::ScanPage, CountryCode, TwinId};

sp_api::decl_runtime_apis! {
	/// Farms, nodes, and the search for capacity.
	pub trait GridApi<Farm, Node>
	where
		Farm: Codec,
		Node: Codec,
	{
		/// The farm with this id.
		fn farm(farm: FarmId) -> Option<Farm>;
		/// The farm with this name, in any case.
		fn farm_by_name(name: FarmName) -> Option<FarmId>;
		/// A page of the farms that match `filter`, by id, each with its countries.
		fn farms(filter: FarmFilter, after: Option<FarmId>, limit: u32) -> ScanPage<(Farm, FarmCountryList)>;
		/// The countries a farm's nodes stand in, with how many nodes in each.
		fn farm_countries(farm: FarmId) -> FarmCountryList;
		/// The grid's totals.
		fn totals() -> GridTotals;
		/// Every country with a node, with its totals.
		fn countries() -> Vec<(CountryCode, CountryTotals)>;
		/// The node with this id.
		fn node(node: NodeId) -> Option<Node>;
		/// The node whose twin this is.
		fn node_by_twin(twin: TwinId) -> Option<NodeId>;
		/// A page of a farm's nodes, by id.
		fn farm_nodes(farm: FarmId, after: Option<NodeId>, limit: u32) -> Vec<(NodeId, Node)>;
		/// A page of the nodes that match `filter`, by id.
		fn search_nodes(filter: NodeFilter, after: Option<NodeId>, limit: u32) -> ScanPage<Node>;
		/// The farm with this id, with the countries its nodes stand in.
		#[api_version(2)]
		fn farm_details(farm: FarmId) -> Option<(Farm, FarmCountryList)>;
		/// The farm with this name, in any case, with its id and countries.
		#[api_version(2)]
		fn find_farm_by_name(name: FarmName) -> Option<(FarmId, Farm, FarmCountryList)>;
		/// The node whose twin this is, with its id.
		#[api_version(2)]
		fn find_node_by_twin(twin: TwinId) -> Option<(NodeId, Node)>;
	}
}
