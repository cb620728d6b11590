import type { Generated } from 'kysely';
import type { RequestActorKind, RequestStatus } from './request-status.js';

export type NoteAudience = 'citizen' | 'internal' | 'regional_desk';

interface CatalogueTable {
  code: string;
  label: string;
  position: Generated<number>;
  active: Generated<boolean>;
}

/** The help desk's tables (migrations/0001_helpdesk.sql). */
export interface HelpdeskTables {
  helpdesk_services: CatalogueTable;
  helpdesk_categories: CatalogueTable;
  helpdesk_roles: CatalogueTable;
  helpdesk_statuses: { code: RequestStatus; label: string; open: boolean };
  helpdesk_status_transitions: { from_status: RequestStatus; to_status: RequestStatus; actor: RequestActorKind };
  helpdesk_requests: {
    id: Generated<string>;
    number: Generated<number>;
    service_code: string;
    role_code: string;
    category_code: string;
    given_name: string;
    family_name: string;
    fiscal_code: string;
    email: string;
    phone: string;
    description: string;
    attachment_document_id: string | null;
    agency_structure_id: string;
    queue_structure_id: string;
    citizen_user_id: string | null;
    status: Generated<RequestStatus>;
    assignee_user_id: string | null;
    created_at: Date;
    status_changed_at: Date;
    first_answer_at: Date | null;
    resolved_at: Date | null;
    closed_at: Date | null;
    search: Generated<string>;
  };
  helpdesk_notes: {
    id: Generated<string>;
    seq: Generated<number>;
    request_id: string;
    author_kind: 'operator' | 'citizen' | 'system';
    author_user_id: string | null;
    author_name: string | null;
    author_structure_id: string | null;
    audience: NoteAudience;
    body: string;
    attachment_document_id: string | null;
    created_at: Date;
  };
  helpdesk_history: {
    id: Generated<number>;
    request_id: string;
    change: 'created' | 'status' | 'assignee' | 'queue';
    from_value: string | null;
    to_value: string | null;
    actor_kind: RequestActorKind;
    actor_user_id: string | null;
    actor_name: string | null;
    occurred_at: Date;
  };
  helpdesk_canned_replies: {
    id: Generated<string>;
    structure_id: string | null;
    title: string;
    body: string;
    suggested_status: RequestStatus | null;
    audience: Generated<NoteAudience>;
    active: Generated<boolean>;
    created_by: string | null;
    updated_at: Date;
  };
}
