/** Where the citizen's help-desk pages live (the server's e-mails link to the same addresses). */
export const HELPDESK_PATH = '/assistenza';
/** "Nuova richiesta di assistenza": public, for everyone. */
export const NEW_REQUEST_PATH = `${HELPDESK_PATH}/nuova-richiesta`;
/** The signed-in citizen's requests. */
export const MY_REQUESTS_PATH = `${HELPDESK_PATH}/mie-richieste`;
/** The thread read through the signed link of an e-mail (no login). */
export const TOKEN_THREAD_PATH = `${HELPDESK_PATH}/richiesta`;

export function myRequestPath(requestId: string): string {
  return `${MY_REQUESTS_PATH}/${encodeURIComponent(requestId)}`;
}

export function tokenThreadPath(token: string): string {
  return `${TOKEN_THREAD_PATH}?token=${encodeURIComponent(token)}`;
}
