// The phonebook explorer: a page per record (twin, circle, farm, node, two-number address), the
// grid's overview, listings, a search box, and a live feed of finalised blocks and phonebook
// events. It talks to one node's JSON-RPC, chosen in the page (`?rpc=ws://…`); given a chain
// spec (`?spec=URL`), it reads every record through a light client instead and checks the
// node's answers against it (verified.js). It has no server of its own beyond the static files.

import { connect, endpointFromUrl } from './client.js';
import { esc } from './html.js';
import { search } from './search.js';
import { connectVerified } from './verified.js';
import * as views from './views.js';

const FEED_LENGTH = 25;

const $ = (id) => document.getElementById(id);

/** The route of a location hash: `#/twin/5?after=3` → `{parts: ['twin', '5'], params}`. */
function route(hash) {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

/** The view a route shows. */
function viewOf({ parts, params }, client) {
  const [kind, a, b] = parts;
  switch (kind) {
    case undefined: return () => views.overview(client);
    case 'twin': return () => views.twin(client, a);
    case 'circle': return () => views.circle(client, a, params);
    case 'farm': return () => views.farm(client, a, params);
    case 'node': return () => views.node(client, a);
    case 'address': return () => views.address(client, a, b);
    case 'twins': return () => views.twins(client, params);
    case 'circles': return () => views.circles(client, params);
    case 'farms': return () => views.farms(client, params);
    case 'nodes': return () => views.nodes(client, params);
    case 'search': return () => searchPage(client, a ?? '');
    default: return async () => ({ title: 'Not found', html: `<p class="notice">No page at ${esc(location.hash)}.</p>` });
  }
}

/** A search: the route it found (`{redirect}`), or a page that says nothing matches. */
async function searchPage(client, text) {
  const found = await search(client, text);
  if (found) return { redirect: found };
  return {
    title: 'Search',
    html: `<p class="notice" role="status" id="no-match">Nothing matches “${esc(text)}”: no twin with that id, name, account or key, no farm with that name, no such two-number address.</p>`,
  };
}

class Explorer {
  constructor() {
    this.client = null;
    this.rendering = 0;
  }

  /** Shows `message` in the status line; `kind` is `ok`, `busy` or `error`. */
  status(message, kind) {
    const line = $('status');
    line.textContent = message;
    line.className = `status ${kind}`;
  }

  async start() {
    const endpoint = endpointFromUrl(location);
    $('endpoint').value = endpoint;
    $('endpoint-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const url = new URL(location.href);
      url.searchParams.set('rpc', $('endpoint').value.trim());
      location.href = url.toString();
    });
    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = $('search').value.trim();
      if (text) location.hash = `#/search/${encodeURIComponent(text)}`;
    });
    window.addEventListener('hashchange', () => this.render());
    const spec = specFromUrl(location);
    this.status(`Connecting to ${endpoint}…`, 'busy');
    let described;
    try {
      // In verified mode an unreachable node is no reason to stop: the light client reads
      // the phonebook, and only the comparison with the node is lost.
      const rpc = await connect(endpoint, (state) => this.connection(state)).catch((error) => {
        if (!spec) throw error;
        return error;
      });
      if (!spec) {
        this.client = rpc;
      } else {
        this.status(`Starting the light client from ${spec}…`, 'busy');
        this.client = await connectVerified(spec, rpc).catch(async (error) => {
          if (!(rpc instanceof Error)) await rpc.disconnect();
          throw error;
        });
      }
      described = await this.client.describe();
    } catch (error) {
      // A node that answered, then went away before it described itself, is let go: its
      // reconnections would write "Connected again" over the error.
      await this.client?.disconnect();
      this.client = null;
      this.status(error.message, 'error');
      $('content').innerHTML = `<p class="notice error" role="alert" id="connect-error">${esc(error.message)}</p>`;
      return;
    }
    const { chain, genesis, version } = described;
    if (!spec) {
      this.status(`Connected to ${chain} (node ${version}) at ${endpoint}`, 'ok');
    } else {
      const node = version
        ? `the node at ${endpoint} (${version}) is checked against it`
        : `the node at ${endpoint} could not be reached, so no answer of it is compared`;
      this.status(`Verified mode: a light client follows ${chain} (genesis ${genesis}) from the chain spec at ${spec}; ${node}`, 'ok');
    }
    this.client
      .followFinalized((block) => this.finalized(block))
      .catch((error) => this.status(`Cannot follow the finalised blocks: ${error.message}`, 'error'));
    await this.render();
  }

  connection(state) {
    if (!this.client) return; // let go after a failed start
    if (state === 'disconnected') {
      this.status(`Lost the connection to ${this.client.endpoint}; trying again…`, 'error');
    } else {
      this.status(`Connected again to ${this.client.endpoint}`, 'ok');
    }
  }

  /** Draws the page of the current route; a later navigation wins over a slow earlier one. */
  async render({ quiet = false } = {}) {
    const ticket = ++this.rendering;
    const content = $('content');
    if (!quiet) content.setAttribute('aria-busy', 'true');
    try {
      const reader = await this.client.page();
      let page = await viewOf(route(location.hash), reader)();
      if (ticket !== this.rendering || !page) return;
      if (page.redirect) {
        // A search that found its record goes there, unless the node answered it otherwise:
        // then the page stays, to say so.
        if (!reader.verdict?.()?.mismatches.length) {
          location.replace(page.redirect);
          return;
        }
        page = { title: 'Search', html: `<p class="notice" id="found">The chain has it: <a href="${esc(page.redirect)}">${esc(page.redirect)}</a>.</p>` };
      }
      $('title').textContent = page.title;
      document.title = `${page.title} · Zero Chain explorer`;
      content.innerHTML = verdictHtml(reader.verdict?.(), this.client.endpoint) + page.html;
    } catch (error) {
      if (ticket !== this.rendering) return;
      $('title').textContent = 'Error';
      content.innerHTML = `<p class="notice error" role="alert">The node answered with an error: ${esc(error.message)}</p>`;
    } finally {
      if (ticket === this.rendering) content.removeAttribute('aria-busy');
    }
  }

  /** A new finalised block: the header's height, the feed, and the page if it may show it. */
  finalized({ number, hash, events }) {
    const head = $('finalized');
    head.textContent = `#${number}`;
    head.title = hash;
    if (events.length === 0) return;
    const feed = $('feed');
    for (const event of events) {
      const item = document.createElement('li');
      const fields = event.fields.map((f) => `${esc(f.name)}: ${fieldHtml(f)}`).join(', ');
      item.innerHTML = `<span class="block">#${number}</span> <b>${esc(event.name)}</b> ${fields}`;
      feed.prepend(item);
    }
    while (feed.children.length > FEED_LENGTH) feed.lastChild.remove();
    $('feed-empty')?.remove();
    // Record pages and the overview show state that an event may have changed.
    const { parts } = route(location.hash);
    if (!['twins', 'circles', 'farms', 'nodes', 'search'].includes(parts[0])) {
      this.render({ quiet: true });
    }
  }
}

/** The chain spec the page was given (`?spec=URL`), unless `?verify=off` asks for plain RPC. */
function specFromUrl(where) {
  const params = new URLSearchParams(where.search);
  const spec = params.get('spec')?.trim();
  return spec && params.get('verify') !== 'off' ? spec : null;
}

/** What the verified mode says of a page: the block its records were checked at, and where
 * the RPC node's answers differed from them. Nothing in plain RPC mode. */
function verdictHtml(verdict, endpoint) {
  if (!verdict) return '';
  const { block, mismatches, unanswered } = verdict;
  const at = `<b title="${esc(block.hash)}">finalised block #${block.number}</b>`;
  const lines = [`<p class="verified" id="verified">Verified: every record on this page was read through the light client and checked against ${at}.</p>`];
  if (mismatches.length > 0) {
    const items = mismatches.map(({ question, fields }) => {
      const named = fields.map(({ path, said }) => `${esc(path || 'the whole answer')} (the node said <code>${esc(JSON.stringify(said) ?? 'nothing')}</code>)`);
      return `<li><code>${esc(question)}</code>: ${named.join(', ')}</li>`;
    });
    lines.push(`<div class="notice error" role="alert" id="mismatch"><p>The RPC node at ${esc(endpoint)} answered differently from the chain at ${at}. This page shows the chain's records; the node's answers differ in:</p><ul>${items.join('')}</ul></div>`);
  }
  if (unanswered.length > 0) {
    const items = unanswered.map(({ question, reason }) => `<li><code>${esc(question)}</code>: ${esc(reason)}</li>`);
    lines.push(`<div class="notice" id="unanswered"><p>The RPC node at ${esc(endpoint)} did not answer, so these were not compared:</p><ul>${items.join('')}</ul></div>`);
  }
  return lines.join('');
}

/** An event field, linked when it names a record. */
function fieldHtml({ name, value }) {
  const kinds = { twin: 'twin', owner: 'twin', from: 'twin', to: 'twin', by: 'twin', circle: 'circle', farm: 'farm', node: 'node' };
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '');
  const id = text.replaceAll(',', '');
  if (kinds[name] && /^\d+$/.test(id)) return `<a href="#/${kinds[name]}/${id}">${esc(text)}</a>`;
  return esc(text);
}

new Explorer().start();
