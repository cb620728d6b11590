import { z } from 'zod';
import { defineTemplate, isWebLink } from './template.js';

/** A path of the web app ("/istanze/123") or an absolute http(s) address. */
const appLink = z
  .string()
  .max(2000)
  .refine((v) => (v.startsWith('/') && !v.startsWith('//') && !v.includes('\\')) || isWebLink(v), 'Collegamento non valido.');

/** The generic notification shown in the bell of the web app. */
export const inApp = defineTemplate({
  channels: ['in_app'],
  data: z.object({
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().max(2000).default(''),
    link: appLink.optional(),
  }),
  render: ({ title, body, link }) => ({ title, body, link: link ?? null }),
});
