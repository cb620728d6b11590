import type { Generated, Selectable } from 'kysely';

/** The tables of the directory: structures, people, their enablements. */
export type OrganisationKind = 'region' | 'health_agency' | 'municipality' | 'merchant' | 'service_provider' | 'voucher_office';

export interface DirectoryTables {
  organisations: {
    id: Generated<string>;
    kind: OrganisationKind;
    name: string;
    tax_code: string | null;
    parent_id: string | null;
    created_at: Generated<Date>;
  };
  users: {
    id: Generated<string>;
    fiscal_code: string | null;
    username: string | null;
    given_name: string;
    family_name: string;
    email: string | null;
    mobile_phone: string | null;
    password_hash: string | null;
    pin_hash: string | null;
    is_admin: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  memberships: {
    organisation_id: string;
    user_id: string;
    role: 'owner' | 'operator';
    disabled_at: Generated<Date | null>;
    created_at: Generated<Date>;
  };
  membership_services: {
    organisation_id: string;
    user_id: string;
    service_code: string;
    granted_at: Generated<Date>;
  };
}

export type UserRow = Selectable<DirectoryTables['users']>;
export type OrganisationRow = Selectable<DirectoryTables['organisations']>;
