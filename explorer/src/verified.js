// The verified mode: every record the page shows is read through the light client (light.js)
// at its newest finalised block, so it is the chain's record whoever relayed it. The same
// questions go to the RPC node at the same block, and the page says where its answers differ:
// an RPC node that lies, or a proxy between it and the reader that rewrites its answers, is
// caught in the act rather than believed.

import { Client } from './client.js';
import { startLightClient } from './light.js';

/** The JSON-RPC code of a malformed parameter. */
const INVALID_PARAMS = -32602;
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

/** A reader for a node that gave no answer: every question is left uncompared, with why. */
function silent(reason) {
  const refuse = async () => {
    throw new Error(reason);
  };
  return { phonebook: refuse, entitiesOf: refuse, recordsOf: refuse };
}

/**
 * Starts the light client from `specUrl` next to the RPC node `rpc` — a connected client, or
 * an `Error` saying why it could not be reached: the light client reads the phonebook either
 * way, and the node's answers are compared where it gives them.
 */
export async function connectVerified(specUrl, rpc) {
  const { api, provider, stop } = await startLightClient(specUrl);
  const light = new Client(api, { provider, endpoint: 'the light client', computed: true });
  const client = new VerifiedClient(light, rpc, specUrl, stop);
  try {
    await client.following();
    return client;
  } catch (error) {
    await client.disconnect();
    throw error;
  }
}

/** The light client, and the RPC node whose answers are checked against it. */
export class VerifiedClient {
  constructor(light, rpc, specUrl, stop) {
    this.light = light;
    this.rpc = rpc instanceof Error ? null : rpc;
    this.rpcError = rpc instanceof Error ? rpc : null;
    this.specUrl = specUrl;
    this.stop = stop;
    this.endpoint = this.rpc?.endpoint ?? null;
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

  /** The chain's name and genesis hash, from the light client; the RPC node's version. */
  async describe() {
    const [light, rpc] = await Promise.all([
      this.light.describe(),
      this.rpc?.describe().catch(() => null),
    ]);
    return { chain: light.chain, genesis: this.light.api.genesisHash.toHex(), version: rpc?.version ?? null };
  }

  /**
   * What a page reads through: the light client and the RPC node at the finalised block. A
   * node that cannot read that block (it lags, or refuses) leaves every question uncompared.
   */
  async page() {
    const block = this.head;
    const light = await this.light.at(block.hash);
    const rpc = this.rpc
      ? await this.rpc.at(block.hash).catch((error) => silent(`the node cannot read block #${block.number}: ${error.message}`))
      : silent(`the node could not be reached: ${this.rpcError.message}`);
    return new VerifiedPage(light, rpc, block);
  }

  /** The finalised blocks and their events, as the light client follows them. */
  followFinalized(onBlock) {
    return this.light.followFinalized(onBlock);
  }

  async disconnect() {
    this.unsubscribe?.();
    await Promise.all([this.light.disconnect(), this.rpc?.disconnect()]);
    await this.stop();
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
    if (truth.status === 'rejected') {
      // A parameter no record can match (a malformed name, an unassigned country code) is
      // the node's to explain, as in plain mode; it says nothing of the chain's state.
      const malformed = claim.status === 'rejected' && claim.reason?.code === INVALID_PARAMS;
      throw malformed ? claim.reason : truth.reason;
    }
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
