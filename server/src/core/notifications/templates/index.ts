import type { z } from 'zod';
import type { Channel } from '../notifications.tables.js';
import { claimStatusChanged } from './claim-status-changed.js';
import { helpdeskPublicNote, helpdeskRequestReceived } from './helpdesk.js';
import { inApp } from './in-app.js';
import { otpCode } from './otp-code.js';
import { passwordReset } from './password-reset.js';
import { voucherMovement } from './voucher-movement.js';
import type { ContentByChannel, Template } from './template.js';

/**
 * Every message the platform sends, by name. A module adds its own templates here (Italian text,
 * HTML and plain text for e-mail, text only for SMS) and enqueues them by name.
 */
export const TEMPLATES = {
  'otp-code': otpCode,
  'password-reset': passwordReset,
  'in-app': inApp,
  'voucher-movement': voucherMovement,
  'claim-status-changed': claimStatusChanged,
  'helpdesk-request-received': helpdeskRequestReceived,
  'helpdesk-public-note': helpdeskPublicNote,
} as const satisfies Record<string, Template<z.ZodType, Channel>>;

export type TemplateName = keyof typeof TEMPLATES;
/** The data a template takes, as the caller writes it (defaults may be left out). */
export type TemplateData<N extends TemplateName> = z.input<(typeof TEMPLATES)[N]['data']>;
/** The channels a template may be sent on. */
export type TemplateChannel<N extends TemplateName> = (typeof TEMPLATES)[N]['channels'][number];

/** A message that cannot be built from its template: retrying will not help. */
export class TemplateError extends Error {}

function templateOf(name: string, channel: Channel): Template {
  const template = (TEMPLATES as Record<string, Template>)[name];
  if (!template) throw new TemplateError(`Unknown template "${name}"`);
  if (!template.channels.includes(channel)) throw new TemplateError(`Template "${name}" is not written for the ${channel} channel`);
  return template;
}

/** Checks (and completes with defaults) a template's data; throws TemplateError when it does not fit. */
export function checkTemplateData(name: string, channel: Channel, data: unknown): unknown {
  const result = templateOf(name, channel).data.safeParse(data);
  if (!result.success) {
    throw new TemplateError(`Invalid data for template "${name}": ${result.error.issues.map((i) => `${i.path.join('.') || '_'}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

/** The content of a message for its channel. */
export function renderTemplate<C extends Channel>(name: string, channel: C, data: unknown): ContentByChannel[C] {
  const checked = checkTemplateData(name, channel, data);
  return templateOf(name, channel).render(checked) as ContentByChannel[C];
}
