//! What can go wrong, with a refusal by the chain named as its pallet names it.

use subxt::error::{DispatchError, TransactionEventsError, TransactionFinalizedSuccessError};

/// An error of the client.
#[derive(Debug, thiserror::Error)]
pub enum Error {
	/// The chain refused the call: the pallet and its error's name
	/// (`Twins::AccountHasTwin`), as the runtime's metadata names them.
	#[error("the chain refused the call: {pallet}::{error}")]
	Refused {
		/// The pallet, as `construct_runtime!` names it (`Twins`).
		pallet: String,
		/// The error's variant (`AccountHasTwin`).
		error: String,
	},
	/// The chain refused the call with an error no pallet owns (`BadOrigin`, …).
	#[error("the chain refused the call: {0}")]
	Dispatch(String),
	/// An answer lacked what it must hold (an event the call always emits).
	#[error("the chain's answer has no {0}")]
	Missing(&'static str),
	/// The light client did not get in step with the chain in time.
	#[error("the light client is not in step with the chain: {0}")]
	NotInStep(&'static str),
	/// The connection, the light client or decoding failed, or the transaction pool turned the
	/// transaction away (boxed: subxt's error is large).
	#[error(transparent)]
	Subxt(Box<subxt::Error>),
}

impl Error {
	/// The pallet's error by name where the transaction failed in its block, else the failure.
	pub(crate) fn from_finalized(error: TransactionFinalizedSuccessError) -> Self {
		match error {
			TransactionFinalizedSuccessError::SuccessError(
				TransactionEventsError::ExtrinsicFailed(failed),
			) => Self::from_dispatch(failed),
			other => Self::Subxt(Box::new(other.into())),
		}
	}

	fn from_dispatch(error: DispatchError) -> Self {
		if let DispatchError::Module(module) = &error {
			if let Ok(details) = module.details() {
				return Self::Refused {
					pallet: details.pallet.name().to_string(),
					error: details.variant.name.to_string(),
				};
			}
		}
		Self::Dispatch(error.to_string())
	}

	/// `Some(("Twins", "AccountHasTwin"))` when the chain refused the call in a pallet.
	pub fn refused(&self) -> Option<(&str, &str)> {
		match self {
			Self::Refused { pallet, error } => Some((pallet, error)),
			_ => None,
		}
	}
}

/// Lifts any of subxt's error types into the client's, for `?`.
pub(crate) trait Lift<T> {
	fn lift(self) -> Result<T, Error>;
}

impl<T, E> Lift<T> for Result<T, E>
where
	subxt::Error: From<E>,
{
	fn lift(self) -> Result<T, Error> {
		self.map_err(|error| Error::Subxt(Box::new(error.into())))
	}
}
