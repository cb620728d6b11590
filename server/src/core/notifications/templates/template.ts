import type { z } from 'zod';
import type { Channel } from '../notifications.tables.js';

/** What each channel needs from a template. */
export interface ContentByChannel {
  email: { subject: string; html: string; text: string };
  sms: { text: string };
  in_app: { title: string; body: string; link?: string | null };
}

type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** A template serving several channels renders what each of them needs. */
export type ContentFor<C extends Channel> = Intersect<ContentByChannel[C]>;

export interface Template<S extends z.ZodType = z.ZodType, C extends Channel = Channel> {
  /** The channels the template is written for; enqueueing it on another one is a type error. */
  channels: readonly C[];
  /** Its data, checked when the message is enqueued (in the caller's transaction) and again when sent. */
  data: S;
  render(data: z.output<S>): ContentFor<C>;
}

export function defineTemplate<S extends z.ZodType, const C extends Channel>(template: Template<S, C>): Template<S, C> {
  return template;
}

/** One of the template's link parameters: absolute http(s) only, so a link can never be javascript:. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
