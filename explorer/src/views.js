// The explorer's pages. Each reads the node (through `client`) and returns `{title, html}`;
// a record the chain does not have is a page that says so.

import { bytes, duration, esc, facts, link, section, table, when, zero } from './html.js';

const PAGE = 20;

function notFound(what) {
  return { title: 'Not found', html: `<p class="notice" role="status">${esc(what)}</p>` };
}

/** The "more" link of a paged list, when the node says more may follow. */
function more(route, next) {
  return next == null ? '' : `<p><a class="more" href="${route}${route.includes('?') ? '&' : '?'}after=${next}">Next page →</a></p>`;
}

function resources(r) {
  return `${r.cores} cores · ${bytes(r.memory)} memory · ${bytes(r.ssd)} SSD · ${bytes(r.hdd)} HDD`;
}

function country(code) {
  return `<a href="#/farms?country=${esc(code)}">${esc(code)}</a>`;
}

/** The grid overview: totals, and farms and nodes by country. */
export async function overview(client) {
  const totals = await client.phonebook('totals');
  const certified = totals.certifiedNodes;
  const cards = [
    ['Twins', `<a href="#/twins">${totals.twins}</a>`],
    ['Circles', `<a href="#/circles">${totals.circles}</a>`],
    ['Farms', `<a href="#/farms">${totals.farms}</a>`],
    ['Nodes', `<a href="#/nodes">${totals.nodes}</a>`],
    ['Certified nodes', `${certified}`],
    ['DIY nodes', `${totals.nodes - certified}`],
  ]
    .map(([label, value]) => `<div class="card"><span class="value">${value}</span><span class="label">${esc(label)}</span></div>`)
    .join('');
  const capacity = facts([
    ['Capacity', resources(totals.resources)],
    ['In use', resources(totals.used)],
  ]);
  const countries = table(
    ['Country', 'Farms', 'Nodes', 'Certified', 'DIY'],
    totals.countries.map((c) => [
      country(c.country),
      `${c.farms}`,
      `<a href="#/nodes?country=${esc(c.country)}">${c.nodes}</a>`,
      `${c.certifiedNodes}`,
      `${c.nodes - c.certifiedNodes}`,
    ]),
    'No node has registered yet.',
  );
  return {
    title: 'The phonebook',
    html: `<div class="cards" id="totals">${cards}</div>${section('Grid capacity', capacity)}${section('By country', countries)}`,
  };
}

/** A twin: its records, entities, circles, farms and nodes. */
export async function twin(client, id) {
  const record = await client.phonebook('twin', Number(id));
  if (!record) return notFound(`No twin ${id} on this chain.`);
  const [entities, children, owned, farms, nodes, circles, node] = await Promise.all([
    client.entitiesOf(record.id),
    client.recordsOf(record.id, 'Twin'),
    client.recordsOf(record.id, 'Circle'),
    client.recordsOf(record.id, 'Farm'),
    client.recordsOf(record.id, 'Node'),
    client.phonebook('twinCircles', record.id, null, 100),
    client.phonebook('nodeByTwin', record.id),
  ]);
  // Names, for the lists: a circle's and a farm's records.
  const [circleRecords, farmRecords] = await Promise.all([
    Promise.all(owned.map((c) => client.phonebook('circle', c.id))),
    Promise.all(farms.map((f) => client.phonebook('farm', f.id))),
  ]);
  const named = (records, i) => esc(records[i]?.name ?? '');
  const key = record.publicKey ? `<code>${esc(record.publicKey.hex)}</code> (${esc(record.publicKey.scheme)})` : '—';
  const parent = record.parent
    ? `${link('twin', record.parent.twin)} (its record ${link('address', `${record.parent.twin}/${record.parent.record}`, `${record.parent.twin}.${record.parent.record}`)})`
    : '— (a top-level twin)';
  const about = facts([
    ['Name', record.name ? esc(record.name) : '—'],
    ['Account', `<code>${esc(record.account)}</code>`],
    ['Relay', esc(record.relay)],
    ['Public key', key],
    ['Parent', parent],
    ['Depth', `${record.depth}`],
    ['Records', `${record.records}`],
    ['Deposit', zero(record.deposit)],
    ['Is a node', node ? link('node', node.id) : undefined],
  ]);
  const address = (r) => link('address', `${record.id}/${r}`, `${record.id}.${r}`);
  const parts = [
    section('Twin', about),
    section('Entities', table(
      ['Entity', 'Kind', 'Name', 'City', 'Country'],
      entities.map((e) => [`${e.id}`, esc(e.kind), esc(e.name), esc(e.city), country(e.country)]),
      'No entity vouches for this twin.',
    )),
    section('Child twins', table(['Address', 'Twin'], children.map((c) => [address(c.record), link('twin', c.id)]), 'No child twins.')),
    section('Circles it owns', table(
      ['Address', 'Circle', 'Name'],
      owned.map((c, i) => [address(c.record), link('circle', c.id), named(circleRecords, i)]),
      'No circles.',
    )),
    section('Public circles it is in', table(
      ['Circle', 'Standing', 'Role', 'Address'],
      circles.items.map((m) => [link('circle', m.circle), esc(m.standing), esc(m.role ?? '—'), m.record == null ? '—' : address(m.record)]),
      'Not a member of any public circle.',
    )),
    section('Farms', table(
      ['Address', 'Farm', 'Name'],
      farms.map((f, i) => [address(f.record), link('farm', f.id), named(farmRecords, i)]),
      'No farms.',
    )),
    section('Nodes', table(['Address', 'Node'], nodes.map((n) => [address(n.record), link('node', n.id)]), 'No nodes.')),
  ];
  return { title: `Twin ${record.id}${record.name ? ` · ${record.name}` : ''}`, html: parts.join('') };
}

/** A circle: its rights, members and sub-circles. */
export async function circle(client, id, params) {
  const record = await client.phonebook('circle', Number(id));
  if (!record) return notFound(`No circle ${id} on this chain.`);
  const after = params.get('after');
  const [members, owned] = await Promise.all([
    client.phonebook('circleMembers', record.id, after ? Number(after) : null, PAGE),
    client.recordsOf(record.owner, 'Circle'),
  ]);
  const siblings = await Promise.all(owned.map((c) => client.phonebook('circle', c.id)));
  const subCircles = siblings.filter((c) => c && c.parent === record.id);
  const rights = ['admin', 'member', 'viewer'].map((role) => [role, esc(record.rights[role].join(', ') || 'none')]);
  const about = facts([
    ['Name', esc(record.name)],
    ['Description', esc(record.description) || '—'],
    ['Owner', link('twin', record.owner)],
    ['Address', link('address', `${record.owner}/${record.record}`, `${record.owner}.${record.record}`)],
    ['Visibility', esc(record.visibility)],
    ['Parent circle', record.parent == null ? '—' : link('circle', record.parent)],
    ['Members', `${record.members}`],
    ['Invitations', `${record.invitations}`],
    ['Requests', `${record.requests}`],
  ]);
  const list = record.visibility === 'private'
    ? '<p class="notice">A private circle: the phonebook does not list who is in it.</p>'
    : table(
      ['Twin', 'Standing', 'Role'],
      members.items.map((m) => [link('twin', m.twin), esc(m.standing), esc(m.role ?? '—')]),
      'No members.',
    ) + more(`#/circle/${record.id}`, members.next);
  return {
    title: `Circle ${record.id} · ${record.name}`,
    html: [
      section('Circle', about),
      section('Rights by role', facts(rights)),
      section('Members', list),
      section('Sub-circles', table(['Circle', 'Name'], subCircles.map((c) => [link('circle', c.id), esc(c.name)]), 'No sub-circles.')),
    ].join(''),
  };
}

function nodeRow(n) {
  return [
    link('node', n.id),
    link('farm', n.farm),
    `${esc(n.location.city)}, ${country(n.location.country)}`,
    esc(n.certification),
    resources(n.free),
    esc(n.power.state),
  ];
}

const NODE_HEADERS = ['Node', 'Farm', 'Location', 'Certification', 'Free', 'Power'];

/** A farm: its public IPs, certification, countries and nodes. */
export async function farm(client, id, params) {
  const record = await client.phonebook('farm', Number(id));
  if (!record) return notFound(`No farm ${id} on this chain.`);
  const after = params.get('after');
  const nodes = await client.phonebook('farmNodes', record.id, after ? Number(after) : null, PAGE);
  const about = facts([
    ['Name', esc(record.name)],
    ['Owner', link('twin', record.owner)],
    ['Address', link('address', `${record.owner}/${record.record}`, `${record.owner}.${record.record}`)],
    ['Certification', esc(record.certification)],
    ['Dedicated', record.dedicated ? 'yes: nodes are rented whole' : 'no'],
    ['Nodes', `${record.nodes}`],
    ['Countries', record.countries.map((c) => `${country(c.country)} (${c.nodes})`).join(', ') || '—'],
    ['Deposit', zero(record.deposit)],
  ]);
  const ips = table(['Public IP', 'Gateway'], record.publicIps.map((ip) => [`<code>${esc(ip.ip)}</code>`, `<code>${esc(ip.gateway)}</code>`]), 'No public IPs.');
  return {
    title: `Farm ${record.id} · ${record.name}`,
    html: [
      section('Farm', about),
      section('Public IPs', ips),
      section('Nodes', table(NODE_HEADERS, nodes.items.map(nodeRow), 'No nodes.') + more(`#/farm/${record.id}`, nodes.next)),
    ].join(''),
  };
}

/** A node: resources, location, interfaces, uptime and power. */
export async function node(client, id) {
  const n = await client.phonebook('node', Number(id));
  if (!n) return notFound(`No node ${id} on this chain.`);
  const config = n.publicConfig;
  const about = facts([
    ['Farm', link('farm', n.farm)],
    ['Twin', link('twin', n.twin)],
    ['Address', link('address', `${n.twin}/${n.record}`, `${n.twin}.${n.record}`)],
    ['Certification', esc(n.certification)],
    ['Resources', resources(n.resources)],
    ['In use', resources(n.used)],
    ['Free', resources(n.free)],
    ['Location', `${esc(n.location.city)}, ${country(n.location.country)} (${n.location.latitude.toFixed(4)}°, ${n.location.longitude.toFixed(4)}°)`],
    ['Uptime', n.uptime ? `${duration(n.uptime.uptime)} (reported ${when(n.uptime.at)})` : 'never reported'],
    ['Power', `${esc(n.power.state)} (target ${esc(n.power.target)})`],
    ['Public config', config ? `<code>${esc(config.ipv4.ip)}</code>${config.ipv6 ? ` · <code>${esc(config.ipv6.ip)}</code>` : ''}${config.domain ? ` · ${esc(config.domain)}` : ''}` : '—'],
    ['Secure boot', n.secureBoot ? 'yes' : 'no'],
    ['Virtualised', n.virtualised ? 'yes' : 'no'],
    ['Serial', esc(n.serial ?? '—')],
    ['Registered', when(n.created)],
  ]);
  const interfaces = table(
    ['Interface', 'MAC', 'IPs'],
    n.interfaces.map((i) => [esc(i.name), `<code>${esc(i.mac)}</code>`, i.ips.map((ip) => `<code>${esc(ip)}</code>`).join(' ')]),
    'No interfaces.',
  );
  return { title: `Node ${n.id}`, html: section('Node', about) + section('Interfaces', interfaces) };
}

/** What a two-number address points to. */
export async function address(client, twinId, recordId) {
  const found = await client.phonebook('resolve', Number(twinId), Number(recordId));
  if (!found) return notFound(`Nothing at address ${twinId}.${recordId} (or a membership of a private circle, which the phonebook does not show).`);
  const target = found.kind === 'membership'
    ? `membership of ${link('circle', found.record.circle)} (${esc(found.record.standing)}, ${esc(found.record.role ?? '—')})`
    : link(found.kind, found.id, `${found.kind} ${found.id}`);
  return {
    title: `Address ${twinId}.${recordId}`,
    html: section('Address', facts([
      ['Twin', link('twin', twinId)],
      ['Record', `${esc(recordId)}`],
      ['Points to', target],
    ])),
  };
}

/** All twins, a page at a time. */
export async function twins(client, params) {
  const after = params.get('after');
  const page = await client.phonebook('twins', after ? Number(after) : null, PAGE);
  return {
    title: 'Twins',
    html: table(
      ['Twin', 'Name', 'Relay', 'Parent'],
      page.items.map((t) => [link('twin', t.id), esc(t.name ?? '—'), esc(t.relay), t.parent ? link('twin', t.parent.twin) : '—']),
      'No twins.',
    ) + more('#/twins', page.next),
  };
}

/** All circles, a page at a time. */
export async function circles(client, params) {
  const after = params.get('after');
  const page = await client.phonebook('circles', after ? Number(after) : null, PAGE);
  return {
    title: 'Circles',
    html: table(
      ['Circle', 'Name', 'Owner', 'Visibility', 'Members'],
      page.items.map((c) => [link('circle', c.id), esc(c.name), link('twin', c.owner), esc(c.visibility), `${c.members}`]),
      'No circles.',
    ) + more('#/circles', page.next),
  };
}

/** Farms, by country if asked, a page at a time. */
export async function farms(client, params) {
  const after = params.get('after');
  const code = params.get('country');
  const filter = code ? { country: code } : null;
  const page = await client.phonebook('farms', filter, after ? Number(after) : null, PAGE);
  return {
    title: code ? `Farms in ${code}` : 'Farms',
    html: table(
      ['Farm', 'Name', 'Owner', 'Certification', 'Nodes', 'Countries'],
      page.items.map((f) => [
        link('farm', f.id),
        esc(f.name),
        link('twin', f.owner),
        esc(f.certification),
        `${f.nodes}`,
        f.countries.map((c) => country(c.country)).join(' '),
      ]),
      code ? `No farm has a node in ${code}.` : 'No farms.',
    ) + more(code ? `#/farms?country=${encodeURIComponent(code)}` : '#/farms', page.next),
  };
}

/** Nodes, by country if asked, a page at a time. */
export async function nodes(client, params) {
  const after = params.get('after');
  const code = params.get('country');
  const filter = code ? { country: code } : null;
  const page = await client.phonebook('searchNodes', filter, after ? Number(after) : null, PAGE);
  return {
    title: code ? `Nodes in ${code}` : 'Nodes',
    html: table(NODE_HEADERS, page.items.map(nodeRow), 'No nodes on this page.') +
      more(code ? `#/nodes?country=${encodeURIComponent(code)}` : '#/nodes', page.next),
  };
}
