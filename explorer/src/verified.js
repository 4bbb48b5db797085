// The verified mode: every record the page shows is read through the light client (light.js)
// at its newest finalised block, so it is the chain's record whoever relayed it. The same
// questions go to the RPC node at the same block, and the page says where its answers differ:
// an RPC node that lies, or a proxy between it and the reader that rewrites its answers, is
// caught in the act rather than believed.

import { Client } from './client.js';
import { startLightClient } from './light.js';

/** At most this many differing fields are named per answer, each with what the node said. */
const NAMED_FIELDS = 6;

/**
 * The paths at which two JSON values differ (`relay`, `items.0.publicKey`, …), the value
 * itself being ``.
 */
export function differences(truth, claim, path = '') {
  const isObject = (value) => value !== null && typeof value === 'object';
  if (!isObject(truth) || !isObject(claim) || Array.isArray(truth) !== Array.isArray(claim)) {
    return truth === claim ? [] : [path];
  }
  const keys = new Set([...Object.keys(truth), ...Object.keys(claim)]);
  return [...keys].flatMap((key) => differences(truth[key], claim[key], path ? `${path}.${key}` : key));
}

/** Starts the light client from `specUrl` next to the RPC client `rpc`. */
export async function connectVerified(specUrl, rpc) {
  const { api, provider } = await startLightClient(specUrl);
  const light = new Client(api, { provider, endpoint: 'the light client', computed: true });
  const client = new VerifiedClient(light, rpc, specUrl);
  await client.following();
  return client;
}

/** The light client, and the RPC node whose answers are checked against it. */
export class VerifiedClient {
  constructor(light, rpc, specUrl) {
    this.light = light;
    this.rpc = rpc;
    this.specUrl = specUrl;
    this.endpoint = rpc.endpoint;
    this.head = null;
  }

  /** Resolves once the light client has named its finalised block, and keeps it current. */
  following() {
    return new Promise((resolve, reject) => {
      this.light.api.rpc.chain
        .subscribeFinalizedHeads((header) => {
          this.head = { hash: header.hash.toHex(), number: header.number.toNumber() };
          resolve();
        })
        .then((unsubscribe) => { this.unsubscribe = unsubscribe; }, reject);
    });
  }

  async describe() {
    const [light, rpc] = await Promise.all([this.light.describe(), this.rpc.describe()]);
    return { chain: light.chain, version: rpc.version };
  }

  /** What a page reads through: the light client and the RPC node at the finalised block. */
  async page() {
    const block = this.head;
    const [light, rpc] = await Promise.all([this.light.at(block.hash), this.rpc.at(block.hash)]);
    return new VerifiedPage(light, rpc, block);
  }

  /** The finalised blocks and their events, as the light client follows them. */
  followFinalized(onBlock) {
    return this.light.followFinalized(onBlock);
  }

  async disconnect() {
    this.unsubscribe?.();
    await Promise.all([this.light.disconnect(), this.rpc.disconnect()]);
  }
}

/**
 * One page's reads at one finalised block: each answer is the light client's, and the RPC
 * node's answer to the same question is kept where it differs (or where it gave none).
 */
class VerifiedPage {
  constructor(light, rpc, block) {
    this.light = light;
    this.rpc = rpc;
    this.block = block;
    this.mismatches = [];
    this.unanswered = [];
  }

  phonebook(method, ...params) {
    const question = `phonebook_${method}(${params.map((p) => JSON.stringify(p)).join(', ')})`;
    return this.#checked(question, (client) => client.phonebook(method, ...params));
  }

  entitiesOf(twin) {
    return this.#checked(`the entities of twin ${twin}`, (client) => client.entitiesOf(twin));
  }

  recordsOf(twin, kind) {
    return this.#checked(`the ${kind} records of twin ${twin}`, (client) => client.recordsOf(twin, kind));
  }

  async #checked(question, ask) {
    const [truth, claim] = await Promise.allSettled([ask(this.light), ask(this.rpc)]);
    if (truth.status === 'rejected') throw truth.reason;
    if (claim.status === 'rejected') {
      this.unanswered.push({ question, reason: claim.reason?.message ?? `${claim.reason}` });
    } else {
      const fields = differences(truth.value, claim.value).slice(0, NAMED_FIELDS);
      const said = (path) => path.split('.').filter(Boolean).reduce((value, key) => value?.[key], claim.value);
      if (fields.length > 0) this.mismatches.push({ question, fields: fields.map((path) => ({ path, said: said(path) })) });
    }
    return truth.value;
  }

  /** The block the page was verified at, and what the RPC node answered differently. */
  verdict() {
    return { block: this.block, mismatches: this.mismatches, unanswered: this.unanswered };
  }
}
