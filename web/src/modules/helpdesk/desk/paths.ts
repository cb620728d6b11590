/** Where the operators' pages of SOL Assistenza live (the services' paths in the catalogue). */
export const HELPDESK_DESK_PATH = '/assistenza/operatori';
export const HELPDESK_DESK_SERVICE = 'sol-assistenza';
export const HELPDESK_SUPERVISION_PATH = '/assistenza/supervisione';
export const HELPDESK_SUPERVISION_SERVICE = 'supervisione-assistenza';

/** The detail of a request; the same path the server puts in the operators' notifications. */
export const deskRequestPath = (requestId: string) => `${HELPDESK_DESK_PATH}/richieste/${encodeURIComponent(requestId)}`;
