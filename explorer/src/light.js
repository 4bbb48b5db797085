// The light client in the page: smoldot, started from a chain spec alone, in a Web Worker
// (light-worker.js). It follows the chain over the peer-to-peer network from the spec's
// bootnodes, trusts GRANDPA's finality under the genesis the spec names and nothing else, and
// checks every storage read and runtime call it answers against a block's state root with a
// Merkle proof. @polkadot/api talks to it through `LightProvider`, so the page decodes what it
// reads with the metadata the light client read from the chain itself.

import { ApiPromise } from '@polkadot/api';
import { startWithBytecode } from 'smoldot/no-auto-bytecode';

/** How long the light client may take to start, find a peer and catch up with the chain. */
const SYNC_TIMEOUT_MS = 90_000;
/** How long one request to the light client may take. */
const REQUEST_TIMEOUT_MS = 60_000;

function refused(spec, reason) {
  return new Error(`Cannot start the light client from the chain spec at ${spec}: ${reason}.`);
}

/**
 * @polkadot/api's provider interface over one smoldot chain: JSON-RPC requests by id, and
 * subscriptions' notifications by subscription id. A notification that comes before its
 * subscription's id is known is kept until it is.
 */
export class LightProvider {
  #chain;
  #nextId = 0;
  #replies = new Map();
  #subscriptions = new Map();
  #early = new Map();
  #listeners = new Map();
  #connected = true;

  constructor(chain) {
    this.#chain = chain;
    this.#read();
  }

  async #read() {
    for (;;) {
      let message;
      try {
        message = JSON.parse(await this.#chain.nextJsonRpcResponse());
      } catch (error) {
        this.#connected = false;
        for (const { reject } of this.#replies.values()) reject(error);
        this.#replies.clear();
        this.#emit('disconnected');
        return;
      }
      if (message.id !== undefined) {
        const reply = this.#replies.get(message.id);
        this.#replies.delete(message.id);
        if (message.error) reply?.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
        else reply?.resolve(message.result);
      } else if (message.params?.subscription !== undefined) {
        const id = `${message.params.subscription}`;
        const callback = this.#subscriptions.get(id);
        if (callback) callback(null, message.params.result);
        else this.#early.set(id, [...(this.#early.get(id) ?? []), message.params.result]);
      }
    }
  }

  #emit(type, ...args) {
    for (const listener of this.#listeners.get(type) ?? []) listener(...args);
  }

  get hasSubscriptions() { return true; }
  get isClonable() { return false; }
  get isConnected() { return this.#connected; }
  get stats() { return { active: { requests: this.#replies.size, subscriptions: this.#subscriptions.size } }; }
  clone() { throw new Error('a light client connection cannot be cloned'); }
  async connect() {}

  async disconnect() {
    this.#connected = false;
    try {
      this.#chain.remove();
    } catch {
      // Already removed: the client was terminated.
    }
  }

  on(type, listener) {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
    return () => this.#listeners.set(type, this.#listeners.get(type).filter((l) => l !== listener));
  }

  send(method, params) {
    return new Promise((resolve, reject) => {
      const id = ++this.#nextId;
      const timer = setTimeout(() => {
        this.#replies.delete(id);
        reject(new Error(`the light client did not answer ${method} within ${REQUEST_TIMEOUT_MS / 1000} s`));
      }, REQUEST_TIMEOUT_MS);
      const settle = (then) => (value) => {
        clearTimeout(timer);
        then(value);
      };
      this.#replies.set(id, { resolve: settle(resolve), reject: settle(reject) });
      try {
        this.#chain.sendJsonRpc(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
      } catch (error) {
        this.#replies.delete(id);
        reject(error);
      }
    });
  }

  async subscribe(_type, method, params, callback) {
    const id = `${await this.send(method, params)}`;
    this.#subscriptions.set(id, callback);
    for (const result of this.#early.get(id) ?? []) callback(null, result);
    this.#early.delete(id);
    return id;
  }

  async unsubscribe(_type, method, id) {
    this.#subscriptions.delete(`${id}`);
    return this.send(method, [id]);
  }
}

/** Resolves once the light client has a peer and has caught up with the chain's finality. */
async function synced(provider) {
  const deadline = Date.now() + SYNC_TIMEOUT_MS;
  for (;;) {
    const health = await provider.send('system_health', []);
    if (health.peers > 0 && !health.isSyncing) return;
    if (Date.now() > deadline) {
      throw new Error(health.peers > 0
        ? 'the light client is still catching up with the chain'
        : "no peer of the chain spec's bootnodes answered");
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** `promise`, or a rejection saying what did not happen within `ms`. */
function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Starts the light client from the raw chain spec at `specUrl`; resolves to `{api, provider,
 * stop}` once it is in step with the chain, or rejects with what went wrong.
 */
export async function startLightClient(specUrl) {
  let chainSpec;
  try {
    const response = await fetch(specUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    chainSpec = await response.text();
    JSON.parse(chainSpec);
  } catch (error) {
    throw refused(specUrl, `it could not be read (${error.message})`);
  }
  const worker = new Worker(new URL('./light-worker.js', import.meta.url), { type: 'module' });
  const failed = new Promise((_, reject) => {
    worker.onerror = (event) => reject(new Error(`its worker failed: ${event.message ?? 'it could not be loaded'}`));
  });
  const bytecode = new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
  });
  const { port1, port2 } = new MessageChannel();
  worker.postMessage(port1, [port1]);
  const smoldot = startWithBytecode({ bytecode, portToWorker: port2, maxLogLevel: 2 });
  const stop = async () => {
    await smoldot.terminate().catch(() => {});
    worker.terminate();
  };
  try {
    const started = (async () => {
      const chain = await smoldot.addChain({ chainSpec });
      const provider = new LightProvider(chain);
      await synced(provider);
      const api = await ApiPromise.create({ provider, noInitWarn: true });
      return { api, provider, stop };
    })();
    return await within(Promise.race([started, failed]), SYNC_TIMEOUT_MS + 30_000, 'starting the light client');
  } catch (error) {
    await stop();
    throw refused(specUrl, error.message);
  }
}
