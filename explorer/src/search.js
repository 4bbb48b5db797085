// What a search box entry means: a twin id, a two-number address, an account, a public key or
// a name. The node checks every parameter again; this only picks the question to ask.

import { decodeAddress } from '@polkadot/util-crypto';

/** The kinds of search, each with the page it leads to or the lookups it tries. */
export function classify(input) {
  const text = input.trim();
  if (/^\d+$/.test(text)) return { kind: 'twin', id: Number(text) };
  const address = text.match(/^(\d+)\s*[./:]\s*(\d+)$/);
  if (address) return { kind: 'address', twin: Number(address[1]), record: Number(address[2]) };
  if (/^0x[0-9a-fA-F]{64}$/.test(text)) return { kind: 'key', hex: text.toLowerCase(), schemes: ['sr25519', 'ed25519'] };
  if (/^0x0[23][0-9a-fA-F]{64}$/.test(text)) return { kind: 'key', hex: text.toLowerCase(), schemes: ['secp256k1'] };
  if (isAccount(text)) return { kind: 'account', account: text };
  return { kind: 'name', name: text };
}

function isAccount(text) {
  if (text.length < 40) return false;
  try {
    decodeAddress(text);
    return true;
  } catch {
    return false;
  }
}

/** The JSON-RPC code of a parameter no record can match (another network's address, …). */
const INVALID_PARAMS = -32602;

/**
 * Runs a search against the node: resolves to a route (`#/twin/1`, …) or to `null` when
 * nothing matches. A question the node refuses as malformed matches nothing; any other error
 * (the node is gone, …) is the caller's.
 */
export async function search(client, input) {
  const ask = (method, ...params) => client.phonebook(method, ...params).catch((error) => {
    if (error.code === INVALID_PARAMS) return null;
    throw error;
  });
  const query = classify(input);
  switch (query.kind) {
    case 'twin':
      return (await ask('twin', query.id)) ? `#/twin/${query.id}` : null;
    case 'address':
      return (await ask('resolve', query.twin, query.record))
        ? `#/address/${query.twin}/${query.record}`
        : null;
    case 'account': {
      const twin = await ask('twinByAccount', query.account);
      return twin ? `#/twin/${twin.id}` : null;
    }
    case 'key':
      for (const scheme of query.schemes) {
        const twin = await ask('twinByKey', scheme, query.hex);
        if (twin) return `#/twin/${twin.id}`;
      }
      return null;
    default: {
      // A twin name is lower case; a farm name matches in any case.
      const name = query.name;
      if (/^[a-z0-9_-]{3,32}$/.test(name)) {
        const twin = await ask('twinByName', name);
        if (twin) return `#/twin/${twin.id}`;
      }
      if (/^[A-Za-z0-9_-]{3,40}$/.test(name)) {
        const farm = await ask('farmByName', name);
        if (farm) return `#/farm/${farm.id}`;
      }
      return null;
    }
  }
}
