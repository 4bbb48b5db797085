//! Names and texts that can only be built valid.
//!
//! A call receives text as bytes bounded a little above its rule's length (an *input*,
//! [`INPUT_SLACK`] times as long), so that a value slightly too long still reaches the pallet,
//! which refuses it with its own typed error, instead of the transaction pool refusing bytes it
//! cannot decode without saying why. The pallet then builds the value from the input with
//! `TryFrom`, which checks the rule: once a call holds the value, it is valid. Every such
//! value on the chain is declared with [`checked_bytes!`](crate::checked_bytes).

use sp_runtime::{traits::Get, BoundedVec};

/// How many times its rule's length a text input may be as a call receives it.
pub const INPUT_SLACK: u32 = 2;

/// The shortest twin name.
pub const MIN_NAME_LEN: usize = 3;
/// The longest twin name.
pub const MAX_NAME_LEN: u32 = 32;
/// The longest entity name and city, in bytes of UTF-8.
pub const MAX_TEXT_LEN: u32 = 64;

/// The bytes of an input in the tighter bound of the value stored, if they fit it.
pub fn fitted<Stored: Get<u32>, In: Get<u32>>(
	input: BoundedVec<u8, In>,
) -> Option<BoundedVec<u8, Stored>> {
	BoundedVec::try_from(input.into_inner()).ok()
}

/// Declares a byte string that can only be built valid, and the input a call receives it as.
///
/// ```ignore
/// checked_bytes! {
///     /// A farm's name: 3 to 40 characters of `[A-Za-z0-9_-]`.
///     pub struct FarmName(max MAX_FARM_NAME_LEN) from FarmNameInput;
///     rule |bytes| bytes.len() >= 3 && bytes.iter().all(u8::is_ascii_alphanumeric);
///     invalid Invalid = Invalid::FarmName;
/// }
/// ```
///
/// declares `FarmName`, at most `MAX_FARM_NAME_LEN` bytes, with `as_bytes`; `FarmNameInput`,
/// [`INPUT_SLACK`] times as long; and `TryFrom<FarmNameInput> for FarmName`, which keeps the
/// bytes if they fit and the rule holds, and otherwise fails with `Invalid::FarmName`.
#[macro_export]
macro_rules! checked_bytes {
	(
		$(#[$attr:meta])*
		$vis:vis struct $name:ident(max $max:expr) from $input:ident;
		rule $rule:expr;
		invalid $error:ty = $invalid:expr;
	) => {
		#[doc = concat!("A [`", stringify!($name), "`] as a call receives it, unchecked.")]
		$vis type $input = $crate::__private::BoundedVec<
			u8,
			$crate::__private::ConstU32<{ $crate::text::INPUT_SLACK * $max }>,
		>;

		$(#[$attr])*
		#[derive(
			Clone,
			PartialEq,
			Eq,
			$crate::__private::codec::Encode,
			$crate::__private::codec::Decode,
			$crate::__private::codec::DecodeWithMemTracking,
			$crate::__private::codec::MaxEncodedLen,
			$crate::__private::scale_info::TypeInfo,
			Debug,
		)]
		#[codec(crate = $crate::__private::codec)]
		#[scale_info(crate = $crate::__private::scale_info)]
		$vis struct $name($crate::__private::BoundedVec<u8, $crate::__private::ConstU32<{ $max }>>);

		impl TryFrom<$input> for $name {
			type Error = $error;

			fn try_from(input: $input) -> Result<Self, $error> {
				let rule: fn(&[u8]) -> bool = $rule;
				match $crate::text::fitted(input) {
					Some(bytes) if rule(&bytes) => Ok(Self(bytes)),
					_ => Err($invalid),
				}
			}
		}

		impl $name {
			/// The bytes, as they were registered.
			pub fn as_bytes(&self) -> &[u8] {
				&self.0
			}
		}
	};
}

/// Why a value declared here was refused; each pallet maps it to its own error.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Invalid {
	/// Not a twin name.
	Name,
	/// Empty, not UTF-8, or holding control characters.
	Text,
	/// Not an assigned ISO 3166-1 alpha-2 code.
	Country,
}

/// Whether `bytes` are UTF-8 without control characters but those `allowed`.
pub fn is_plain_text(bytes: &[u8], allowed: &[char]) -> bool {
	core::str::from_utf8(bytes)
		.is_ok_and(|text| !text.chars().any(|c| c.is_control() && !allowed.contains(&c)))
}

/// The text of bytes a [`checked_bytes!`](crate::checked_bytes) rule found to be UTF-8.
pub fn as_text(bytes: &[u8]) -> &str {
	core::str::from_utf8(bytes).unwrap_or_default()
}

crate::checked_bytes! {
	/// A twin's phonebook handle: 3 to 32 characters of `[a-z0-9_-]`, unique on the chain.
	/// Upper case is refused, not folded, so that a name reads back exactly as it was
	/// registered. Circles are named by the same rule.
	pub struct TwinName(max MAX_NAME_LEN) from NameInput;
	rule |bytes| {
		let char_ok =
			|b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-' || *b == b'_';
		bytes.len() >= MIN_NAME_LEN && bytes.iter().all(char_ok)
	};
	invalid Invalid = Invalid::Name;
}

crate::checked_bytes! {
	/// Free text of an entity or a place (a name, a city): 1 to 64 bytes of UTF-8 without
	/// control characters.
	pub struct EntityText(max MAX_TEXT_LEN) from TextInput;
	rule |bytes| !bytes.is_empty() && is_plain_text(bytes, &[]);
	invalid Invalid = Invalid::Text;
}

impl EntityText {
	/// The text.
	pub fn as_str(&self) -> &str {
		as_text(&self.0)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn input<const N: u32>(bytes: &[u8]) -> BoundedVec<u8, sp_runtime::traits::ConstU32<N>> {
		BoundedVec::truncate_from(bytes.to_vec())
	}

	#[test]
	fn a_twin_name_is_three_to_thirty_two_lower_case_characters() {
		for good in [&b"bob"[..], b"a-b_c9", &[b'x'; 32]] {
			assert_eq!(
				TwinName::try_from(input(good)).map(|n| n.as_bytes().to_vec()),
				Ok(good.to_vec())
			);
		}
		for bad in [&b"ab"[..], b"Bob", b"bo b", b"b\xc3\xa9b", &[b'x'; 33]] {
			assert_eq!(TwinName::try_from(input(bad)), Err(Invalid::Name), "{bad:?}");
		}
	}

	#[test]
	fn entity_text_is_non_empty_utf8_without_control_characters() {
		assert_eq!(
			EntityText::try_from(input("Gent, België".as_bytes())).unwrap().as_str(),
			"Gent, België"
		);
		for bad in [&b""[..], b"a\nb", b"\xff", &[b'x'; 65]] {
			assert_eq!(EntityText::try_from(input(bad)), Err(Invalid::Text), "{bad:?}");
		}
	}
}
