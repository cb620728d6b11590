import { escapeHtml } from '../../../shared/html.js';

/**
 * The frame of every HTML e-mail: Italian, one column, inline styles (mail clients drop <style>),
 * colours with at least 4.5:1 contrast. `bodyHtml` is already escaped by the template.
 */
export function emailLayout(input: { title: string; bodyHtml: string }): string {
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
</head>
<body style="margin:0;padding:0;background:#f2f2f2;font-family:'Titillium Web',Arial,sans-serif;color:#1a1a1a;">
<div style="max-width:600px;margin:0 auto;background:#ffffff;">
<div style="background:#0066cc;color:#ffffff;padding:16px 24px;font-size:20px;font-weight:bold;">Sportello</div>
<div style="padding:24px;font-size:16px;line-height:1.5;">
${input.bodyHtml}
</div>
<div style="padding:16px 24px;font-size:13px;color:#3d4a57;border-top:1px solid #c5c7c9;">
Messaggio automatico inviato da Sportello: non rispondere a questo indirizzo.
</div>
</div>
</body>
</html>`;
}

/** A paragraph of plain text, escaped. */
export function paragraph(text: string): string {
  return `<p style="margin:0 0 16px;">${escapeHtml(text)}</p>`;
}

/** A call-to-action link, also written out in full so it can be copied. */
export function actionLink(label: string, href: string): string {
  const url = escapeHtml(href);
  return `<p style="margin:0 0 16px;"><a href="${url}" style="display:inline-block;background:#0066cc;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold;">${escapeHtml(label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;">Se il pulsante non funziona, copia questo indirizzo nel browser:<br><a href="${url}" style="color:#0066cc;word-break:break-all;">${url}</a></p>`;
}
