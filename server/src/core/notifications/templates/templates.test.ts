import { describe, expect, it } from 'vitest';
import { messageIdFor } from '../email.channel.js';
import { toE164 } from '../outbox.js';
import { checkTemplateData, renderTemplate, TEMPLATES, TemplateError } from './index.js';

describe('notification templates', () => {
  it('otp-code: the SMS text, with the validity of SPEC §1.3', () => {
    const { text } = renderTemplate('otp-code', 'sms', { code: '123456', operation: "l'acquisto di 25,00 €" });
    expect(text).toBe("Il codice per confermare l'acquisto di 25,00 € è 123456. Scade tra 3 minuti.");
    expect(text.length).toBeLessThanOrEqual(160);
    expect(() => renderTemplate('otp-code', 'sms', { code: '12345', operation: 'x' })).toThrow(TemplateError);
  });

  it('voucher-movement: the SMS to the beneficiary for a confirmed purchase or cancellation', () => {
    const purchase = renderTemplate('voucher-movement', 'sms', { kind: 'acquisto', amountCents: 2500, merchant: 'Farmacia Centrale', balanceCents: 22500 });
    expect(purchase.text).toBe('Acquisto di 25,00 € presso Farmacia Centrale confermato. Saldo del voucher: 225,00 €.');
    const cancellation = renderTemplate('voucher-movement', 'sms', { kind: 'cancellazione', amountCents: 2500, merchant: 'Farmacia Centrale', balanceCents: 25000 });
    expect(cancellation.text).toBe('Cancellazione di 25,00 € presso Farmacia Centrale confermata. Saldo del voucher: 250,00 €.');
    expect(() => renderTemplate('voucher-movement', 'sms', { kind: 'acquisto', amountCents: 0, merchant: 'x', balanceCents: 0 })).toThrow(TemplateError);
  });

  it('password-reset: subject, text and HTML with the link, valid 30 minutes, everything escaped', () => {
    const link = 'https://sportello.example.it/reimposta-password?token=abc.def&x=1';
    const mail = renderTemplate('password-reset', 'email', { name: 'Mario <b>Rossi</b>', link });
    expect(mail.subject).toMatch(/password/);
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('30 minuti');
    expect(mail.html).toContain('<html lang="it">');
    expect(mail.html).toContain('href="https://sportello.example.it/reimposta-password?token=abc.def&amp;x=1"');
    expect(mail.html).toContain('Mario &lt;b&gt;Rossi&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Rossi');
  });

  it('refuses a link that is not http(s), so no javascript: reaches an e-mail or the bell', () => {
    expect(() => checkTemplateData('password-reset', 'email', { link: 'javascript:alert(1)' })).toThrow(TemplateError);
    expect(() => checkTemplateData('in-app', 'in_app', { title: 'x', link: '//evil.example' })).toThrow(TemplateError);
    expect(checkTemplateData('in-app', 'in_app', { title: 'Istanza approvata', link: '/istanze/1' })).toEqual({ title: 'Istanza approvata', body: '', link: '/istanze/1' });
  });

  it('refuses a template on a channel it is not written for', () => {
    expect(() => checkTemplateData('otp-code', 'email', { code: '123456', operation: 'x' })).toThrow(/not written for the email channel/);
    expect(() => checkTemplateData('nessuno', 'email', {})).toThrow(/Unknown template/);
    for (const [name, template] of Object.entries(TEMPLATES)) expect(template.channels.length, name).toBeGreaterThan(0);
  });

  it('carries the idempotency key in the Message-ID, escaping what a Message-ID may not hold', () => {
    expect(messageIdFor('password-reset_1')).toBe('<password-reset_1@sportello>');
    expect(messageIdFor('claim:42:approved')).toBe('<claim%3A42%3Aapproved@sportello>');
    expect(messageIdFor('a:b')).not.toBe(messageIdFor('a%3Ab'));
  });

  it('writes phone numbers in E.164', () => {
    expect(toE164('333 100 0007')).toBe('+393331000007');
    expect(toE164('0039 333 1000007')).toBe('+393331000007');
    expect(toE164('+39 333-1000007')).toBe('+393331000007');
    expect(toE164('abc')).toBeNull();
  });
});
