import { escapeHtml } from '../shared/html.js';
import type { DemoIdentity } from './identities.js';


/** The demo provider's page: pick a demo identity, or type one. Plain HTML, WCAG 2.1 AA. */
export function renderIdentityPage(input: { kind: 'SPID' | 'CIE'; uid: string; identities: readonly DemoIdentity[]; error?: string }): string {
  const action = `/demo-idp/interaction/${encodeURIComponent(input.uid)}`;
  const rows = input.identities
    .map(
      (i) => `<tr>
        <td>${escapeHtml(i.givenName)} ${escapeHtml(i.familyName)}</td>
        <td><code>${escapeHtml(i.fiscalCode)}</code></td>
        <td>${escapeHtml(i.description)}</td>
        <td><button type="submit" name="identity" value="${escapeHtml(i.fiscalCode)}">Entra come ${escapeHtml(i.givenName)} ${escapeHtml(i.familyName)}</button></td>
      </tr>`,
    )
    .join('');
  const error = input.error ? `<div role="alert" class="error">${escapeHtml(input.error)}</div>` : '';
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo ${input.kind} – scegli l'identità</title>
<style>
  body { font-family: "Titillium Web", system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
  header { background: #0066cc; color: #fff; padding: 1rem 1.5rem; }
  header p { margin: .25rem 0 0; }
  main { padding: 1.5rem; max-width: 72rem; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
  th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #c5c7c9; vertical-align: middle; }
  button { background: #0066cc; color: #fff; border: 0; padding: .5rem .9rem; border-radius: 4px; font-size: 1rem; cursor: pointer; }
  button.secondary { background: #fff; color: #0066cc; border: 2px solid #0066cc; }
  button:focus, input:focus { outline: 3px solid #f90; outline-offset: 2px; }
  label { display: block; font-weight: 600; margin-top: .75rem; }
  input { font-size: 1rem; padding: .4rem; width: 100%; max-width: 24rem; border: 1px solid #5c6f82; }
  .error { background: #fbe9e9; color: #a1001d; border-left: 4px solid #a1001d; padding: .75rem; margin-bottom: 1rem; }
  .note { color: #3d4a57; }
</style>
</head>
<body>
<header>
  <p><strong>Provider di identità dimostrativo (${input.kind})</strong></p>
  <p>Solo per prove: non è un vero ${input.kind}.</p>
</header>
<main>
  <h1>Scegli l'identità con cui accedere a Sportello</h1>
  ${error}
  <form method="post" action="${action}/login">
    <table>
      <caption class="note">Identità dimostrative: il provider restituisce codice fiscale (TINIT-…), nome, cognome, e-mail e cellulare.</caption>
      <thead><tr><th scope="col">Nome e cognome</th><th scope="col">Codice fiscale</th><th scope="col">Ruolo nei dati dimostrativi</th><th scope="col">Azione</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>
  </form>
  <h2>Identità personalizzata</h2>
  <form method="post" action="${action}/login">
    <input type="hidden" name="custom" value="1">
    <label for="fiscalCode">Codice fiscale</label>
    <input id="fiscalCode" name="fiscalCode" required maxlength="16" autocomplete="off">
    <label for="givenName">Nome</label>
    <input id="givenName" name="givenName" required>
    <label for="familyName">Cognome</label>
    <input id="familyName" name="familyName" required>
    <label for="email">E-mail</label>
    <input id="email" name="email" type="email">
    <label for="mobilePhone">Cellulare</label>
    <input id="mobilePhone" name="mobilePhone" type="tel">
    <p><button type="submit">Entra con questa identità</button></p>
  </form>
  <form method="post" action="${action}/abort">
    <p><button type="submit" class="secondary">Annulla e torna a Sportello</button></p>
  </form>
</main>
</body>
</html>`;
}
