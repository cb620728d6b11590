/** Who is calling, in which structure, with which services: built once per request from the session. */
export type StructureRole = 'owner' | 'operator' | 'admin';

export interface CurrentStructure {
  id: string;
  name: string;
  kind: string;
  role: StructureRole;
}

export interface Principal {
  sessionIdHash: Buffer;
  authMethod: AuthMethod;
  user: { id: string; fiscalCode: string | null; givenName: string; familyName: string; isAdmin: boolean };
  structure: CurrentStructure | null;
  /** Services the user may call in the current structure (empty without a structure). */
  services: ReadonlySet<string>;
}

export type AuthMethod = 'spid' | 'cie' | 'password' | 'password_pin';

/** Managing a structure's staff is the owner's (or an administrator's) by right, never associated. */
export const STRUCTURE_MANAGEMENT_SERVICE = 'gestione-struttura';
