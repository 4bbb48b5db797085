//! Finalised blocks with the phonebook's events, decoded with the runtime's types.

use crate::{error::Lift, runtime, Client, Error};
use futures::{stream::BoxStream, StreamExt};

/// A pallet event of the phonebook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhonebookEvent {
	/// An event of the twins pallet.
	Twins(runtime::twins::Event),
	/// An event of the circles pallet.
	Circles(runtime::circles::Event),
	/// An event of the grid pallet.
	Grid(runtime::grid::Event),
}

/// A finalised block and the phonebook events in it, in order.
#[derive(Clone, Debug)]
pub struct PhonebookBlock {
	/// Its number.
	pub number: u64,
	/// Its hash.
	pub hash: subxt::utils::H256,
	/// Its events of the twins, circles and grid pallets.
	pub events: Vec<PhonebookEvent>,
}

impl Client {
	/// Every finalised block, from the newest one now, with its phonebook events. The stream
	/// owns its connection: it may outlive this client and move to another task.
	pub async fn follow_phonebook(
		&self,
	) -> Result<BoxStream<'static, Result<PhonebookBlock, Error>>, Error> {
		let blocks = self.api.stream_blocks().await.lift()?;
		Ok(blocks
			.then(|block| async move {
				let block = block.lift()?;
				let (number, hash) = (block.number(), block.hash());
				let at = block.at().await.lift()?;
				let events = at.events().fetch().await.lift()?;
				let mut phonebook = Vec::new();
				for event in events.iter() {
					let event = event.lift()?;
					let decoded = event.decode_as::<runtime::Event>().lift()?;
					match decoded {
						runtime::Event::Twins(e) => phonebook.push(PhonebookEvent::Twins(e)),
						runtime::Event::Circles(e) => phonebook.push(PhonebookEvent::Circles(e)),
						runtime::Event::Grid(e) => phonebook.push(PhonebookEvent::Grid(e)),
						_ => {},
					}
				}
				Ok(PhonebookBlock { number, hash, events: phonebook })
			})
			.boxed())
	}
}
