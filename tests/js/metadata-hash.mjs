// Signs a remark three times with the metadata hash checked (CheckMetadataHash, mode on),
// as a Ledger's generic app does: once with the chain's token (ZERO, 12 decimals), once with
// a wrong symbol, once with wrong decimals; the hash of each differs. Prints
// {"right": …, "wrongSymbol": …, "wrongDecimals": …}: the outcome of each.
// Usage: node metadata-hash.mjs ws://127.0.0.1:PORT (Node.js 20: --experimental-websocket).
import { Binary, createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { getPolkadotSigner, withMetadataHash } from 'polkadot-api/signer';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

await cryptoWaitReady();
const client = createClient(getWsProvider(process.argv[2]));
// No descriptors: the unsafe API reads the calls from the node's metadata at run time.
const api = client.getUnsafeApi();
const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
const signer = getPolkadotSigner(alice.publicKey, 'Sr25519', (bytes) => alice.sign(bytes));

async function remark(token) {
  const tx = api.tx.System.remark({ remark: Binary.fromText(`signed for ${token.tokenSymbol}`) });
  try {
    const result = await tx.signAndSubmit(withMetadataHash(token, signer));
    return result.ok ? 'included' : `failed: ${JSON.stringify(result.dispatchError)}`;
  } catch (error) {
    return `refused: ${error.message}`;
  }
}

const right = await remark({ decimals: 12, tokenSymbol: 'ZERO' });
const wrongSymbol = await remark({ decimals: 12, tokenSymbol: 'DOT' });
const wrongDecimals = await remark({ decimals: 10, tokenSymbol: 'ZERO' });
console.log(JSON.stringify({ right, wrongSymbol, wrongDecimals }));
client.destroy();
