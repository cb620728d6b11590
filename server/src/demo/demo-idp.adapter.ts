import type { Adapter, AdapterPayload } from 'oidc-provider';

const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

/**
 * The demo provider's storage: in memory, with expiry. Demo only — a demo login in flight is lost
 * on restart, which costs a click; a real identity provider is external and keeps its own state.
 */
export class MemoryAdapter implements Adapter {
  private static readonly store = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  private static readonly byUid = new Map<string, string>();
  private static readonly byUserCode = new Map<string, string>();
  private static readonly byGrant = new Map<string, Set<string>>();

  constructor(private readonly model: string) {}

  private key(id: string) {
    return `${this.model}:${id}`;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const key = this.key(id);
    MemoryAdapter.store.set(key, { payload, expiresAt: Date.now() + expiresIn * 1000 });
    if (payload.uid) MemoryAdapter.byUid.set(payload.uid, key);
    if (payload.userCode) MemoryAdapter.byUserCode.set(payload.userCode, key);
    // Only tokens die with their grant; an interaction may carry a grantId too and must survive it.
    if (payload.grantId && GRANTABLE.has(this.model)) {
      const keys = MemoryAdapter.byGrant.get(payload.grantId) ?? new Set();
      keys.add(key);
      MemoryAdapter.byGrant.set(payload.grantId, keys);
    }
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.read(this.key(id));
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const key = MemoryAdapter.byUid.get(uid);
    return key ? this.read(key) : undefined;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const key = MemoryAdapter.byUserCode.get(userCode);
    return key ? this.read(key) : undefined;
  }

  async consume(id: string): Promise<void> {
    const entry = MemoryAdapter.store.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    MemoryAdapter.store.delete(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const key of MemoryAdapter.byGrant.get(grantId) ?? []) MemoryAdapter.store.delete(key);
    MemoryAdapter.byGrant.delete(grantId);
  }

  private read(key: string): AdapterPayload | undefined {
    const entry = MemoryAdapter.store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      MemoryAdapter.store.delete(key);
      return undefined;
    }
    return entry.payload;
  }
}
