import { escapeHtml } from '../../../shared/html.js';
import type { Selectable } from 'kysely';
import type { DemoInboxTables } from '../notifications.tables.js';

type Email = Selectable<DemoInboxTables['demo_mailbox']>;
type Sms = Selectable<DemoInboxTables['demo_sms']>;

const ROME = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function when(date: Date): string {
  return `<time datetime="${date.toISOString()}">${escapeHtml(ROME.format(date).replace(',', ''))}</time>`;
}

/** Escapes text and makes its web addresses clickable. */
export function linkify(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s<>"']+/g)) {
    const url = m[0].replace(/[.,;:!?)]+$/, '');
    out += escapeHtml(text.slice(last, m.index)) + `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = m.index + url.length;
  }
  return out + escapeHtml(text.slice(last));
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Sportello dimostrativo</title>
<style>
  body { font-family: "Titillium Web", system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; line-height: 1.5; }
  header { background: #0066cc; color: #fff; padding: 1rem 1.5rem; }
  header p { margin: .25rem 0 0; }
  header a { color: #fff; }
  main { padding: 1.5rem; max-width: 72rem; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
  caption { text-align: left; color: #3d4a57; padding-bottom: .5rem; }
  th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #c5c7c9; vertical-align: top; }
  a { color: #0058b0; }
  a:focus, button:focus, input:focus, iframe:focus { outline: 3px solid #f90; outline-offset: 2px; }
  label { display: block; font-weight: 600; }
  input { font-size: 1rem; padding: .4rem; width: 100%; max-width: 24rem; border: 1px solid #5c6f82; }
  button { background: #0066cc; color: #fff; border: 0; padding: .5rem .9rem; border-radius: 4px; font-size: 1rem; cursor: pointer; }
  form { margin-bottom: 1.5rem; display: flex; gap: .75rem; align-items: flex-end; flex-wrap: wrap; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; word-break: break-all; }
  .text { white-space: pre-wrap; border: 1px solid #c5c7c9; padding: 1rem; background: #f7f7f7; overflow-wrap: anywhere; }
  iframe { width: 100%; min-height: 32rem; border: 1px solid #5c6f82; background: #fff; }
  .note { color: #3d4a57; }
</style>
</head>
<body>
<header>
  <p><strong>Sportello – ambiente dimostrativo</strong></p>
  <p>Questi messaggi non sono stati inviati davvero: sono trattenuti qui per le prove.</p>
</header>
<main>
${body}
</main>
</body>
</html>`;
}

/** "/demo/inbox": every e-mail and SMS the demo providers received, newest first. */
export function renderInboxPage(input: { to?: string; emails: Email[]; sms: Sms[] }): string {
  const to = input.to ?? '';
  const emailRows = input.emails
    .map(
      (e) => `<tr>
      <td>${when(e.received_at)}</td>
      <td>${escapeHtml(e.to_addresses.join(', '))}</td>
      <td><a href="/demo/inbox/email/${encodeURIComponent(e.id)}">${escapeHtml(e.subject || '(senza oggetto)')}</a></td>
      <td>${escapeHtml(e.from_address)}</td>
    </tr>`,
    )
    .join('');
  const smsRows = input.sms
    .map(
      (s) => `<tr>
      <td>${when(s.sent_at)}</td>
      <td>${escapeHtml(s.to_number)}</td>
      <td>${linkify(s.text)}</td>
    </tr>`,
    )
    .join('');
  const filterNote = to ? ` per <strong>${escapeHtml(to)}</strong> (<a href="/demo/inbox">mostra tutti</a>)` : '';
  return page(
    'Posta e SMS',
    `<h1>Posta e SMS dimostrativi</h1>
  <form method="get" action="/demo/inbox" role="search">
    <div>
      <label for="to">Destinatario (e-mail o cellulare)</label>
      <input id="to" name="to" value="${escapeHtml(to)}" autocomplete="off">
    </div>
    <button type="submit">Filtra</button>
  </form>
  <p class="note">Messaggi più recenti in alto${filterNote}. <a href="/demo/inbox${to ? `?to=${encodeURIComponent(to)}` : ''}">Aggiorna l’elenco</a></p>
  <h2>E-mail</h2>
  ${
    emailRows
      ? `<table>
    <caption>E-mail ricevute dal server di posta dimostrativo</caption>
    <thead><tr><th scope="col">Ricevuta il</th><th scope="col">Destinatario</th><th scope="col">Oggetto</th><th scope="col">Mittente</th></tr></thead>
    <tbody>${emailRows}</tbody>
  </table>`
      : '<p>Nessuna e-mail.</p>'
  }
  <h2>SMS</h2>
  ${
    smsRows
      ? `<table>
    <caption>SMS inviati dal gateway dimostrativo</caption>
    <thead><tr><th scope="col">Inviato il</th><th scope="col">Numero</th><th scope="col">Testo</th></tr></thead>
    <tbody>${smsRows}</tbody>
  </table>`
      : '<p>Nessun SMS.</p>'
  }`,
  );
}

/**
 * One e-mail: its headers, its text with clickable links, and its HTML in a sandboxed frame (no
 * scripts, no access to this page; links open in a new tab).
 */
export function renderEmailPage(email: Email): string {
  const html = email.html
    ? (() => {
        const base = '<base target="_blank">';
        const doc = /<head[^>]*>/i.test(email.html) ? email.html.replace(/<head[^>]*>/i, (h) => `${h}${base}`) : `${base}${email.html}`;
        return `<h2>Versione HTML</h2>
  <iframe title="Versione HTML dell’e-mail" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(doc)}"></iframe>`;
      })()
    : '';
  return page(
    email.subject || 'E-mail',
    `<p><a href="/demo/inbox">← Torna a posta e SMS</a></p>
  <h1>${escapeHtml(email.subject || '(senza oggetto)')}</h1>
  <dl>
    <dt>Da</dt><dd>${escapeHtml(email.from_address)}</dd>
    <dt>A</dt><dd>${escapeHtml(email.to_addresses.join(', '))}</dd>
    <dt>Ricevuta il</dt><dd>${when(email.received_at)}</dd>
    <dt>Message-ID</dt><dd><code>${escapeHtml(email.message_id)}</code></dd>
  </dl>
  <h2>Testo</h2>
  <div class="text">${email.text ? linkify(email.text) : '<em>Nessuna parte di testo.</em>'}</div>
  ${html}`,
  );
}

export function renderNotFoundPage(): string {
  return page('Messaggio non trovato', '<h1>Messaggio non trovato</h1><p><a href="/demo/inbox">Torna a posta e SMS</a></p>');
}
