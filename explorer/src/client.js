// The explorer's way to the chain: a node's JSON-RPC over WebSocket, through @polkadot/api, or
// the light client (light.js). The phonebook's own methods (`phonebook_*`, docs/rpc.md) go to
// the node as they are, or are computed from the runtime APIs (phonebook.js) where the node is
// the light client; storage (a twin's entities and records) and events are decoded from the
// chain's metadata, so nothing here is generated from or tied to one runtime version.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { arity, methods } from './phonebook.js';

/** How long a first connection may take before the page says the node cannot be reached. */
const CONNECT_TIMEOUT_MS = 8000;

/** The fields of an event about a private circle that name a twin: its members, inviters,
 * owners past and offered. */
const TWIN_FIELDS = new Set(['twin', 'by', 'from', 'to', 'owner']);
/** What the feed shows in their place. */
const PRIVATE = '(private circle)';

/** The index of the field `name` of an event, or -1. */
function fieldIndex(event, name) {
  return event.meta.fields.findIndex((f) => f.name.isSome && f.name.unwrap().toString() === name);
}

/** The endpoint the page reads: `?rpc=` in its URL, else a node on this machine. */
export function endpointFromUrl(location) {
  const asked = new URLSearchParams(location.search).get('rpc');
  return asked && asked.trim() ? asked.trim() : 'ws://127.0.0.1:9944';
}

/** Why a connection failed, in words a person can act on. */
function unreachable(endpoint, reason) {
  return new Error(
    `Cannot reach a Zero Chain node at ${endpoint}: ${reason}. ` +
      'Check the endpoint (a ws:// or wss:// address) and that the node is running.',
  );
}

/**
 * Connects to `endpoint`; resolves to a client, or rejects with a message that says what is
 * wrong. `onStatus` hears `connected` / `disconnected` as the connection comes and goes (the
 * provider reconnects by itself).
 */
export async function connect(endpoint, onStatus = () => {}) {
  if (!/^wss?:\/\/.+/.test(endpoint)) {
    throw unreachable(endpoint, 'not a WebSocket address');
  }
  let provider;
  try {
    provider = new WsProvider(endpoint, 2500, {}, CONNECT_TIMEOUT_MS);
  } catch (error) {
    throw unreachable(endpoint, error.message);
  }
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(unreachable(endpoint, `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)),
      CONNECT_TIMEOUT_MS,
    );
  });
  try {
    const api = await Promise.race([
      ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true }),
      timeout,
    ]);
    provider.on('disconnected', () => onStatus('disconnected'));
    provider.on('connected', () => onStatus('connected'));
    return new Client(api, { provider, endpoint });
  } catch (error) {
    await provider.disconnect().catch(() => {});
    throw error.message?.startsWith('Cannot reach') ? error : unreachable(endpoint, error.message);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A connected node: the phonebook's questions, a twin's storage, and finalised events. It reads
 * the newest state, or one block's (`at`). Where `computed` is set, the phonebook's answers
 * are computed from the runtime APIs rather than asked of the node's `phonebook_*` methods,
 * which a light client does not serve.
 */
export class Client {
  constructor(api, { provider, endpoint, block = null, computed = false }) {
    this.api = api;
    this.provider = provider;
    this.endpoint = endpoint;
    this.block = block;
    this.computed = computed;
  }

  /** The same node, read at block `hash`. */
  async at(hash) {
    const api = await this.api.at(hash);
    return new Client(api, { provider: this.provider, endpoint: this.endpoint, block: hash, computed: this.computed });
  }

  /** What a page reads through: the node's newest state. */
  page() {
    return this;
  }

  /** A `phonebook_*` method, by its name without the prefix. */
  phonebook(method, ...params) {
    if (this.computed) return methods[method](this.api, ...params);
    if (this.block === null) return this.provider.send(`phonebook_${method}`, params);
    const all = Array.from({ length: arity[method] }, (_, i) => params[i] ?? null);
    return this.provider.send(`phonebook_${method}`, [...all, this.block]);
  }

  /** The chain's name and the node's version, for the header. */
  async describe() {
    const [chain, version] = await Promise.all([
      this.api.rpc.system.chain(),
      this.api.rpc.system.version(),
    ]);
    return { chain: chain.toString(), version: version.toString() };
  }

  /** The entities that vouch for a twin, each with its kind, name and country. */
  async entitiesOf(twin) {
    const keys = await this.api.query.twins.twinEntities.keys(twin);
    const ids = keys.map((key) => key.args[1].toNumber());
    const records = await Promise.all(ids.map((id) => this.api.query.twins.entities(id)));
    return ids.flatMap((id, i) => {
      if (records[i].isNone) return [];
      const entity = records[i].unwrap();
      return [{
        id,
        kind: entity.kind.toString(),
        name: entity.name.toUtf8(),
        city: entity.city.toUtf8(),
        country: new TextDecoder().decode(entity.country.toU8a()),
      }];
    });
  }

  /**
   * A twin's records of one kind (`Twin`, `Circle`, `Farm`, `Node`): the ids of its child
   * twins, circles, farms and nodes, by record number. Memberships are left to
   * `phonebook_twinCircles`, which shows only public circles.
   */
  async recordsOf(twin, kind) {
    const entries = await this.api.query.twins.records.entries(twin);
    return entries
      .filter(([, value]) => value.isSome && value.unwrap().kind.toString() === kind)
      .map(([key, value]) => ({ record: key.args[1].toNumber(), id: value.unwrap().key.toNumber() }))
      .sort((a, b) => a.record - b.record);
  }

  /**
   * Calls `onBlock({number, hash, events})` for every new finalised block, with its
   * phonebook events (Twins, Circles, Grid), in order. The node announces only the last
   * block of each finalisation; the derive fills in the blocks between. A block whose events
   * cannot be read because the connection dropped is skipped. Returns the function that
   * unsubscribes.
   */
  followFinalized(onBlock) {
    const sections = new Set(['twins', 'circles', 'grid']);
    return this.api.derive.chain.subscribeFinalizedHeads(async (header) => {
      const hash = header.hash.toHex();
      let records;
      try {
        records = await this.api.query.system.events.at(hash);
      } catch (error) {
        // Most often the node went away while its events were asked for: the status line says
        // so, and the feed goes on with the blocks finalised once it is back.
        console.warn(`the events of block #${header.number} could not be read:`, error);
        return;
      }
      const phonebook = records.filter(({ event }) => sections.has(event.section));
      let hidden;
      try {
        // A block's events often concern one circle: each circle's line is read once a block.
        const lines = new Map();
        const publicAt = (at, circle) => {
          const key = `${at}/${circle}`;
          if (!lines.has(key)) lines.set(key, this.publicLine(at, circle));
          return lines.get(key);
        };
        const parent = header.parentHash.toHex();
        hidden = await Promise.all(phonebook.map(({ event }) => this.aboutPrivateCircle(event, hash, parent, publicAt)));
      } catch (error) {
        console.warn(`the circles of block #${header.number} could not be read:`, error);
        return;
      }
      const events = phonebook.map(({ event }, e) => ({
        name: `${event.section}.${event.method}`,
        fields: event.meta.fields.map((field, i) => {
          const name = field.name.isSome ? field.name.unwrap().toString() : `${i}`;
          return { name, value: hidden[e] && TWIN_FIELDS.has(name) ? PRIVATE : event.data[i].toHuman() };
        }),
      }));
      onBlock({ number: header.number.toNumber(), hash, events });
    });
  }

  /**
   * Whether `event`, in block `hash` (whose parent is `parent`), says something of a circle
   * that was not public all along the block: an event of a circle that is private, under a
   * private one (its rights come down from the private circle's members) or missing, at the
   * block or at its parent (a circle made public in the block was private before); a record a
   * twin gains or loses that is a membership of such a circle; a record lost that was gained
   * in the same block (its kind is then unknown). The feed names no twin in those: the
   * phonebook lists nobody in a private circle. `publicAt(at, circle)` answers as
   * `publicLine` does.
   */
  async aboutPrivateCircle(event, hash, parent, publicAt) {
    const hidden = async (circle) => !(await publicAt(hash, circle)) || !(await publicAt(parent, circle));
    if (event.section === 'circles') {
      const i = fieldIndex(event, 'circle');
      return i >= 0 && hidden(event.data[i].toNumber());
    }
    if (event.section !== 'twins') return false;
    if (event.method === 'RecordAdded') {
      const target = event.data[fieldIndex(event, 'record_ref')];
      return target.kind.isMembership && hidden(target.key.toNumber());
    }
    if (event.method === 'RecordRemoved') {
      const [twin, record] = [event.data[fieldIndex(event, 'twin')], event.data[fieldIndex(event, 'record')]];
      const was = await this.api.query.twins.records.at(parent, twin, record);
      if (was.isNone) return true;
      return was.unwrap().kind.isMembership && hidden(was.unwrap().key.toNumber());
    }
    return false;
  }

  /** Whether circle `id` and every circle above it are public at block `hash`. */
  async publicLine(hash, id) {
    for (let next = id; next !== undefined;) {
      const record = await this.api.query.circles.circles.at(hash, next);
      if (record.isNone) return false;
      const circle = record.unwrap();
      if (!circle.visibility.isPublic) return false;
      next = circle.parent.isSome ? circle.parent.unwrap().toNumber() : undefined;
    }
    return true;
  }

  async disconnect() {
    await this.api.disconnect().catch(() => {});
  }
}
