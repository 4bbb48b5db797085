// Small helpers to write pages as text safely: every value from the chain goes through `esc`.

/** `value` as HTML text. */
export function esc(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A link to a record's page. */
export function link(kind, id, text = `${kind} ${id}`) {
  return `<a href="#/${kind}/${encodeURIComponent(id)}">${esc(text)}</a>`;
}

/** A table of `[label, html]` rows; values are HTML already. */
export function facts(rows) {
  const body = rows
    .filter(([, value]) => value !== undefined)
    .map(([label, value]) => `<tr><th scope="row">${esc(label)}</th><td>${value}</td></tr>`)
    .join('');
  return `<table class="facts">${body}</table>`;
}

/** A table with a header row; `rows` are arrays of HTML cells. */
export function table(headers, rows, empty = 'None.') {
  if (rows.length === 0) return `<p class="empty">${esc(empty)}</p>`;
  const head = headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return `<div class="scroll"><table class="list"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** A section with a heading. */
export function section(title, body) {
  return `<section><h2>${esc(title)}</h2>${body}</section>`;
}

/** Bytes in the units a person reads. */
export function bytes(amount) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = Number(amount);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** A balance in ZERO (12 decimals), from the node's decimal string. */
export function zero(balance) {
  const units = BigInt(balance);
  const whole = units / 10n ** 12n;
  const fraction = (units % 10n ** 12n).toString().padStart(12, '0').replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} ZERO`;
}

/** A duration in seconds, as days, hours and minutes. */
export function duration(seconds) {
  const s = Number(seconds);
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return [days && `${days} d`, hours && `${hours} h`, `${minutes} min`].filter(Boolean).join(' ');
}

/** A Unix time in seconds, as a UTC date and time. */
export function when(seconds) {
  return new Date(Number(seconds) * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}
