import type { Channel, OutboxRow } from './notifications.tables.js';

/** What a provider answered: its id for the message, kept on the outbox row. */
export interface Delivery {
  providerId: string;
}

/**
 * Delivers one outbox message on one channel. It must pass the message's idempotency key to its
 * provider, which drops a second delivery of the same key: the worker may deliver a message again
 * when it died between sending it and recording that it was sent.
 */
export interface ChannelAdapter {
  deliver(message: OutboxRow): Promise<Delivery>;
  close?(): Promise<void> | void;
}

export type Channels = Record<Channel, ChannelAdapter>;

/** A delivery that will never succeed (bad template data, recipient refused): no more attempts. */
export class PermanentDeliveryError extends Error {}
