// The phonebook explorer: a page per record (twin, circle, farm, node, two-number address), the
// grid's overview, listings, a search box, and a live feed of finalised blocks and phonebook
// events. It talks to one node's JSON-RPC, chosen in the page (`?rpc=ws://…`); it has no
// server of its own beyond the static files.

import { connect, endpointFromUrl } from './client.js';
import { esc } from './html.js';
import { search } from './search.js';
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

async function searchPage(client, text) {
  const found = await search(client, text);
  if (found) {
    location.replace(found);
    return null;
  }
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
    this.status(`Connecting to ${endpoint}…`, 'busy');
    let chain;
    let version;
    try {
      this.client = await connect(endpoint, (state) => this.connection(state));
      ({ chain, version } = await this.client.describe());
    } catch (error) {
      // A node that answered, then went away before it described itself, is let go: its
      // reconnections would write "Connected again" over the error.
      await this.client?.disconnect();
      this.client = null;
      this.status(error.message, 'error');
      $('content').innerHTML = `<p class="notice error" role="alert" id="connect-error">${esc(error.message)}</p>`;
      return;
    }
    this.status(`Connected to ${chain} (node ${version}) at ${endpoint}`, 'ok');
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
      const page = await viewOf(route(location.hash), this.client)();
      if (ticket !== this.rendering || !page) return;
      $('title').textContent = page.title;
      document.title = `${page.title} · Zero Chain explorer`;
      content.innerHTML = page.html;
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

/** An event field, linked when it names a record. */
function fieldHtml({ name, value }) {
  const kinds = { twin: 'twin', owner: 'twin', from: 'twin', to: 'twin', by: 'twin', circle: 'circle', farm: 'farm', node: 'node' };
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '');
  const id = text.replaceAll(',', '');
  if (kinds[name] && /^\d+$/.test(id)) return `<a href="#/${kinds[name]}/${id}">${esc(text)}</a>`;
  return esc(text);
}

new Explorer().start();
