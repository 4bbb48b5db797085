// The phonebook's answers computed in the page from the runtime's own APIs (`TwinsApi`,
// `CirclesApi`, `GridApi`), in the JSON the node's `phonebook_*` methods give (docs/rpc.md,
// node/src/rpc/json.rs). The verified mode asks these through the light client, which checks
// every runtime call against a finalised block's state root, so a record drawn from here is the
// chain's, whoever relayed it; and since the shapes are the node's, the page can tell where an
// RPC node's answer differs.

import { isHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';

/** The JSON-RPC code of a malformed parameter, as the node answers it. */
const INVALID_PARAMS = -32602;
/** A listing's page size when none is given, and the largest (the node's, `paging.rs`). */
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
/** The rights of a circle role, in the order of their bits. */
const RIGHTS = ['read', 'write', 'invite', 'manage'];
const KEY_BYTES = { ed25519: 32, sr25519: 32, secp256k1: 33 };

function invalid(message) {
  return Object.assign(new Error(message), { code: INVALID_PARAMS });
}

// As Rust's lossy UTF-8: a leading byte-order mark is kept, not dropped.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
/** An integer as a JSON number, rounded as parsing the node's JSON rounds one past 2^53. */
const num = (codec) => Number(codec.toString());
/** Bytes (a codec or `0x` hex) as text, as the node's lossy UTF-8 reads them. */
function text(bytes) {
  const raw = typeof bytes === 'string' ? hexBytes(bytes) : bytes.toU8a(true);
  return utf8.decode(raw);
}
function optionalText(option) {
  return option.isSome ? text(option.unwrap()) : null;
}
function hexBytes(hex) {
  return Uint8Array.from(hex.slice(2).match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
const lowerFirst = (name) => name[0].toLowerCase() + name.slice(1);

function publicKey(option) {
  if (option.isNone) return null;
  const key = option.unwrap();
  return { scheme: key.type.toLowerCase(), hex: key.value.toHex() };
}

function twin(id, t) {
  return {
    id,
    account: t.account.toString(),
    parent: t.parent.isSome ? { twin: num(t.parent.unwrap().twin), record: num(t.parent.unwrap().record) } : null,
    depth: num(t.depth),
    relay: optionalText(t.relay),
    publicKey: publicKey(t.publicKey),
    name: optionalText(t.name),
    children: num(t.children),
    records: num(t.records),
    entities: num(t.entities),
    deposit: t.deposit.toString(),
  };
}

function rights(bits) {
  return RIGHTS.filter((_, bit) => num(bits) & (1 << bit));
}

function circle(id, c) {
  return {
    id,
    owner: num(c.owner),
    record: num(c.record),
    name: text(c.name),
    description: text(c.description),
    parent: c.parent.isSome ? num(c.parent.unwrap()) : null,
    depth: num(c.depth),
    visibility: c.visibility.type.toLowerCase(),
    rights: { admin: rights(c.rights.admin), member: rights(c.rights.member), viewer: rights(c.rights.viewer) },
    members: num(c.members),
    invitations: num(c.invitations),
    requests: num(c.requests),
    children: num(c.children),
    depositor: c.depositor.toString(),
    deposit: c.deposit.toString(),
  };
}

/** A twin's entry in a circle; `key` names the other side (`twin` or `circle`). */
function membership(key, id, entry) {
  const standing = entry.standing;
  return {
    [key]: id,
    standing: standing.type.toLowerCase(),
    role: standing.isRequested ? null : standing.value.type.toLowerCase(),
    record: entry.record.isSome ? num(entry.record.unwrap()) : null,
  };
}

function ipv4Text(bytes) {
  return Array.from(bytes).join('.');
}

/** An IPv6 address as Rust writes it (RFC 5952): the longest run of zero groups as `::`,
 * and an IPv4-mapped address with its IPv4 part dotted. */
function ipv6Text(bytes) {
  const groups = Array.from({ length: 8 }, (_, i) => (bytes[2 * i] << 8) | bytes[2 * i + 1]);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${ipv4Text(bytes.slice(12))}`;
  }
  let [start, length] = [-1, 0];
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > length && j - i > 1) [start, length] = [i, j - i];
    i = j > i ? j : i + 1;
  }
  const hex = (part) => part.map((g) => g.toString(16)).join(':');
  if (start < 0) return hex(groups);
  return `${hex(groups.slice(0, start))}::${hex(groups.slice(start + length))}`;
}

function publicIp(ip, write) {
  return { ip: `${write(ip.ip.toU8a())}/${num(ip.prefix)}`, gateway: write(ip.gateway.toU8a()) };
}

function farm(id, f, countries) {
  return {
    id,
    owner: num(f.owner),
    record: num(f.record),
    name: text(f.name),
    certification: lowerFirst(f.certification.type),
    dedicated: f.dedicated.isTrue,
    publicIps: f.publicIps.map((ip) => publicIp(ip, ipv4Text)),
    nodes: num(f.nodes),
    countries: countries.map(([code, nodes]) => ({ country: text(code), nodes: num(nodes) })),
    depositor: f.depositor.toString(),
    deposit: f.deposit.toString(),
  };
}

function resources(r) {
  return { cores: num(r.cores), memory: num(r.memory), ssd: num(r.ssd), hdd: num(r.hdd) };
}

function free(r, used) {
  const less = (a, b) => Math.max(0, a - b);
  const [have, taken] = [resources(r), resources(used)];
  return Object.fromEntries(Object.keys(have).map((k) => [k, less(have[k], taken[k])]));
}

/** Summed capacity, bytes as decimal strings (as the node gives them). */
function resourceTotals(r) {
  return { cores: num(r.cores), memory: r.memory.toString(), ssd: r.ssd.toString(), hdd: r.hdd.toString() };
}

function address(ip) {
  return ip.isV4 ? ipv4Text(ip.asV4.toU8a()) : ipv6Text(ip.asV6.toU8a());
}

function node(id, n) {
  const location = n.location;
  const config = n.publicConfig.isSome ? n.publicConfig.unwrap() : null;
  return {
    id,
    farm: num(n.farm),
    twin: num(n.twin),
    record: num(n.record),
    resources: resources(n.resources),
    used: resources(n.used),
    free: free(n.resources, n.used),
    location: {
      city: text(location.city),
      country: text(location.country),
      latitude: num(location.latitude) / 1e6,
      longitude: num(location.longitude) / 1e6,
    },
    interfaces: n.interfaces.map((i) => ({
      name: text(i.name),
      mac: Array.from(i.mac.toU8a(), (b) => b.toString(16).padStart(2, '0')).join(':'),
      ips: i.ips.map(address),
    })),
    publicConfig: config && {
      ipv4: publicIp(config.ipv4, ipv4Text),
      ipv6: config.ipv6.isSome ? publicIp(config.ipv6.unwrap(), ipv6Text) : null,
      domain: optionalText(config.domain),
    },
    certification: n.certification.type.toLowerCase(),
    secureBoot: n.secureBoot.isTrue,
    virtualised: n.virtualised.isTrue,
    serial: optionalText(n.serial),
    created: num(n.created),
    uptime: n.uptime.isSome ? { uptime: num(n.uptime.unwrap().uptime), at: num(n.uptime.unwrap().at) } : null,
    power: { target: n.power.target.type.toLowerCase(), state: n.power.state.type.toLowerCase() },
    depositor: n.depositor.toString(),
    deposit: n.deposit.toString(),
  };
}

function limitOf(limit) {
  const size = limit ?? DEFAULT_PAGE_SIZE;
  if (!(size >= 1 && size <= MAX_PAGE_SIZE)) throw invalid(`limit must be between 1 and ${MAX_PAGE_SIZE}`);
  return size;
}

/** A runtime page (`ScanPage`) in the node's JSON. */
function page(found, view) {
  return { items: found.items.map(([id, item]) => view(num(id), item)), next: found.next.isSome ? num(found.next.unwrap()) : null };
}

/** A page of a listing bounded by a prefix: `next` is set when the page is full. */
function fullPage(items, limit, view) {
  const last = items.length === limit ? num(items[items.length - 1][0]) : null;
  return { items: items.map(([id, item]) => view(num(id), item)), next: last };
}

function optional(found, view) {
  return found.isSome ? view(found.unwrap()) : null;
}

function countryCode(code) {
  if (code == null) return null;
  if (!/^[A-Z]{2}$/.test(code)) throw invalid(`\`${code}\` is not an ISO 3166-1 alpha-2 code`);
  return `0x${Array.from(code, (c) => c.charCodeAt(0).toString(16)).join('')}`;
}

function certification(name, known) {
  if (name == null) return null;
  const found = known.find((k) => lowerFirst(k) === name);
  if (!found) throw invalid(`unknown certification \`${name}\`: ${known.map(lowerFirst).join(' or ')}`);
  return found;
}

function account(text, ss58Format) {
  if (isHex(text)) throw invalid(`\`${text}\` is not an SS58 address`);
  try {
    return decodeAddress(text, false, ss58Format);
  } catch (error) {
    throw invalid(`\`${text}\` is not an SS58 address of this chain: ${error.message}`);
  }
}

function signingKey(scheme, hex) {
  const length = KEY_BYTES[scheme];
  if (length === undefined) throw invalid(`not a key scheme a twin proves: \`${scheme}\``);
  if (!new RegExp(`^0x[0-9a-fA-F]{${2 * length}}$`).test(hex)) throw invalid(`not a ${scheme} key`);
  return { [scheme[0].toUpperCase() + scheme.slice(1)]: hex };
}

/**
 * The `phonebook_*` method `method`, answered at the block `api` reads (an `api.at(hash)`),
 * with the node's parameters in its order (without the block).
 */
export const methods = {
  twin: async (api, id) => optional(await api.call.twinsApi.twin(id), (t) => twin(id, t)),
  twins: async (api, after, limit) => page(await api.call.twinsApi.twins(after, limitOf(limit)), twin),
  twinByAccount: async (api, who) => optional(
    await api.call.twinsApi.twinByAccount(account(who, api.registry.chainSS58)), ([id, t]) => twin(num(id), t)),
  twinByName: async (api, name) => optional(await api.call.twinsApi.twinByName(name), ([id, t]) => twin(num(id), t)),
  twinByKey: async (api, scheme, hex) => optional(
    await api.call.twinsApi.twinByKey(signingKey(scheme, hex)), ([id, t]) => twin(num(id), t)),
  totals: async (api) => {
    const [twins, circles, grid, countries] = await Promise.all([
      api.call.twinsApi.twinCount(), api.call.circlesApi.circleCount(), api.call.gridApi.totals(), api.call.gridApi.countries(),
    ]);
    return {
      twins: num(twins),
      circles: num(circles),
      farms: num(grid.farms),
      nodes: num(grid.nodes),
      certifiedNodes: num(grid.certifiedNodes),
      resources: resourceTotals(grid.resources),
      used: resourceTotals(grid.used),
      countries: countries.map(([code, there]) => ({
        country: text(code), farms: num(there.farms), nodes: num(there.nodes), certifiedNodes: num(there.certifiedNodes),
      })),
    };
  },
  resolve: async (api, twinId, recordId) => {
    const found = await api.call.twinsApi.record(twinId, recordId);
    if (found.isNone) return null;
    const { kind, key } = found.unwrap();
    const id = num(key);
    const views = {
      Twin: () => methods.twin(api, id),
      Circle: () => methods.circle(api, id),
      Farm: () => methods.farm(api, id),
      Node: () => methods.node(api, id),
      Membership: async () => optional(await api.call.circlesApi.membership(id, twinId), (entry) => membership('circle', id, entry)),
    };
    const record = await views[kind.type]();
    // The runtime answers no entry of a membership it hides: the address then shows nothing.
    if (kind.type === 'Membership' && record === null) return null;
    return { kind: kind.type.toLowerCase(), id, record };
  },
  circle: async (api, id) => optional(await api.call.circlesApi.circle(id), (c) => circle(id, c)),
  circles: async (api, after, limit) => page(await api.call.circlesApi.circles(after, limitOf(limit)), circle),
  twinCircles: async (api, twinId, after, limit) => {
    const size = limitOf(limit);
    return fullPage(await api.call.circlesApi.twinCircles(twinId, after, size), size, (id, e) => membership('circle', id, e));
  },
  circleMembers: async (api, circleId, after, limit) => {
    const size = limitOf(limit);
    return fullPage(await api.call.circlesApi.members(circleId, after, size), size, (id, e) => membership('twin', id, e));
  },
  farm: async (api, id) => optional(await api.call.gridApi.farm(id), ([f, countries]) => farm(id, f, countries)),
  farmByName: async (api, name) => optional(await api.call.gridApi.farmByName(name), ([id, f, countries]) => farm(num(id), f, countries)),
  farms: async (api, filter, after, limit) => {
    const wanted = {
      country: countryCode(filter?.country),
      certification: certification(filter?.certification, ['NotCertified', 'Gold']),
    };
    return page(await api.call.gridApi.farms(wanted, after, limitOf(limit)), (id, [f, countries]) => farm(id, f, countries));
  },
  node: async (api, id) => optional(await api.call.gridApi.node(id), (n) => node(id, n)),
  nodeByTwin: async (api, twinId) => optional(await api.call.gridApi.nodeByTwin(twinId), ([id, n]) => node(num(id), n)),
  farmNodes: async (api, farmId, after, limit) => {
    const size = limitOf(limit);
    return fullPage(await api.call.gridApi.farmNodes(farmId, after, size), size, node);
  },
  searchNodes: async (api, filter, after, limit) => {
    const min = filter?.minFree ?? {};
    const wanted = {
      country: countryCode(filter?.country),
      certification: certification(filter?.certification, ['Diy', 'Certified']),
      minFree: { cores: min.cores ?? 0, memory: min.memory ?? 0, ssd: min.ssd ?? 0, hdd: min.hdd ?? 0 },
    };
    return page(await api.call.gridApi.searchNodes(wanted, after, limitOf(limit)), node);
  },
};

/** How many parameters each method takes before the block (`at`), as the node numbers them. */
export const arity = Object.fromEntries(Object.entries(methods).map(([name, f]) => [name, f.length - 1]));
