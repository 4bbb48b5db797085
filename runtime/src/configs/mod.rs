//! The configuration of each pallet of the runtime, one file per pallet or pallet group.

mod balances;
mod circles;
mod consensus;
mod grid;
mod sudo;
mod system;
mod twins;

pub use balances::*;
pub use system::*;
