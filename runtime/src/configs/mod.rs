//! The configuration of each pallet of the runtime, one file per pallet or pallet group.

mod balances;
mod circles;
pub mod consensus;
pub mod governance;
mod grid;
mod sudo;
mod system;
mod twins;

pub use balances::*;
pub use system::*;
