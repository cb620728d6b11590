import { z } from 'zod';
import { actionLink, emailLayout, paragraph } from './email-layout.js';
import { defineTemplate, isWebLink } from './template.js';

const footer = ['', '-- ', 'SOL Assistenza – Sportello (messaggio automatico, non rispondere a questa e-mail: usa il collegamento)'];

/** To the citizen, once his request is filed: its number and, without login, the link to follow it. */
export const helpdeskRequestReceived = defineTemplate({
  channels: ['email'],
  data: z.object({
    name: z.string().trim().min(1).max(200),
    number: z.number().int().positive(),
    service: z.string().trim().min(1).max(200),
    link: z.string().max(2000).refine(isWebLink, 'Collegamento non valido.'),
  }),
  render: ({ name, number, service, link }) => {
    const subject = `Richiesta di assistenza n. ${number} ricevuta`;
    const lines = [
      `Gentile ${name},`,
      `abbiamo ricevuto la tua richiesta di assistenza n. ${number} per «${service}».`,
      'Riceverai le risposte degli operatori a questo indirizzo; puoi leggere la richiesta e rispondere dal collegamento qui sotto.',
    ];
    return {
      subject,
      text: [...lines, '', link, ...footer].join('\n'),
      html: emailLayout({ title: subject, bodyHtml: [...lines.map(paragraph), actionLink('Apri la richiesta', link)].join('\n') }),
    };
  },
});

/** To the citizen: an operator's public note on his request, and the request's status. */
export const helpdeskPublicNote = defineTemplate({
  channels: ['email'],
  data: z.object({
    name: z.string().trim().min(1).max(200),
    number: z.number().int().positive(),
    status: z.string().trim().min(1).max(100),
    note: z.string().trim().min(1).max(4000),
    link: z.string().max(2000).refine(isWebLink, 'Collegamento non valido.'),
  }),
  render: ({ name, number, status, note, link }) => {
    const subject = `Richiesta di assistenza n. ${number}: nuovo messaggio (${status})`;
    const intro = `Gentile ${name}, l'assistenza ha scritto sulla tua richiesta n. ${number}, ora nello stato «${status}»:`;
    const answer = 'Per rispondere apri la richiesta dal collegamento qui sotto.';
    return {
      subject,
      text: [intro, '', note, '', answer, link, ...footer].join('\n'),
      html: emailLayout({
        title: subject,
        bodyHtml: [paragraph(intro), ...note.split(/\n+/).map(paragraph), paragraph(answer), actionLink('Apri la richiesta', link)].join('\n'),
      }),
    };
  },
});
