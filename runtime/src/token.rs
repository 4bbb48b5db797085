// The token, in one file that both the runtime and its build script (`build.rs`, which puts
// the symbol and decimals into the metadata hash that wallets check) read.

/// The token's symbol, shown by wallets and explorers (chain spec property `tokenSymbol`).
pub const TOKEN_SYMBOL: &str = "ZERO";
/// Decimal places of the token (chain spec property `tokenDecimals`).
pub const TOKEN_DECIMALS: u8 = 12;
