import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../core/api/client';

/**
 * The operators' back office of SOL Assistenza (server: modules/helpdesk/desk, canned, figures).
 * Glossary: richiesta di assistenza = request, ASR = health agency (agency), assistenza regionale =
 * regional desk, nota pubblica / privata = public / private note, risposta predefinita = canned reply,
 * tipologia = category, assegnatario = assignee. Instants are ISO strings.
 */
export const REQUEST_STATUSES = ['nuova', 'in_lavorazione', 'in_attesa_utente', 'risolto', 'chiuso', 'non_di_competenza'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const isRequestStatus = (value: string): value is RequestStatus => (REQUEST_STATUSES as readonly string[]).includes(value);

export const QUEUE_AGES = ['today', 'week', 'month', 'older'] as const;
export type QueueAge = (typeof QUEUE_AGES)[number];

/** 'status': by workflow (nuova … chiuso); 'relevance': best match of the search first (only with a search). */
export const QUEUE_SORTS = ['newest', 'oldest', 'status', 'relevance'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** 'citizen': a public note (or the citizen's own message); 'internal': private; 'regional_desk': the note of a "non di competenza". */
export type NoteAudience = 'citizen' | 'internal' | 'regional_desk';

export interface Choice {
  code: string;
  label: string;
}

export interface Operator {
  id: string;
  name: string;
}

export interface QueueRow {
  id: string;
  number: number;
  createdAt: string;
  statusChangedAt: string;
  status: RequestStatus;
  statusLabel: string;
  service: Choice;
  category: Choice;
  /** "Nome Cognome" */
  citizenName: string;
  fiscalCode: string;
  /** The ASR the citizen chose. */
  agencyName: string;
  assignee: Operator | null;
  /** Rome days since filed (0 = today). */
  ageDays: number;
}

export interface QueueFilter {
  status?: RequestStatus;
  category?: string;
  /** 'me', 'none' or an operator's id. */
  assignee?: string;
  age?: QueueAge;
  q?: string;
  sort?: QueueSort;
}

export interface QueuePage {
  items: QueueRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: Partial<Record<RequestStatus, number>>;
  operators: Operator[];
  categories: Choice[];
  statuses: (Choice & { code: RequestStatus })[];
  /** The current structure is a region: its queue holds the requests forwarded as "non di competenza". */
  isRegionalDesk: boolean;
}

export interface Note {
  id: string;
  authorKind: 'operator' | 'citizen' | 'system';
  authorName: string | null;
  /** The structure the operator wrote from. */
  authorStructureName: string | null;
  audience: NoteAudience;
  body: string;
  createdAt: string;
}

export interface HistoryEntry {
  change: 'created' | 'status' | 'assignee' | 'queue';
  from: string | null;
  to: string | null;
  /** Status labels (created, status), operator names (assignee; null = nobody), structure names (queue). */
  fromLabel: string | null;
  toLabel: string | null;
  actorKind: 'operator' | 'citizen' | 'system' | 'regional_desk';
  actorName: string | null;
  at: string;
}

export interface RequestDetail {
  id: string;
  number: number;
  status: RequestStatus;
  statusLabel: string;
  createdAt: string;
  statusChangedAt: string;
  service: Choice;
  category: Choice;
  role: Choice;
  /** The ASR the citizen chose. */
  agency: { id: string; name: string };
  /** Who holds it now (this structure). */
  queue: { id: string; name: string };
  /** signedIn: he filed signed in, so public notes reach him in the web app; otherwise by e-mail. */
  citizen: { givenName: string; familyName: string; fiscalCode: string; email: string; phone: string; signedIn: boolean };
  description: string;
  attachment: { id: string; fileName: string; sizeBytes: number } | null;
  assignee: Operator | null;
  /** Oldest first, every audience. */
  notes: Note[];
  /** Oldest first. */
  history: HistoryEntry[];
  /** The "STATO" menu: where an operator may move it now (never "chiuso"); the server accepts exactly these. */
  allowedStatuses: (Choice & { code: RequestStatus })[];
  /** Regional desk and "non di competenza": "Invia a un'altra ASR". */
  canForward: boolean;
  isRegionalDesk: boolean;
  /** Only at the regional desk: its agencies (forwarding targets). */
  agencies: { id: string; name: string }[];
  /** The operators of the structure holding the request ("OPERATORE"). */
  operators: Operator[];
}

export type Placeholder = 'data' | 'identificativo' | 'iuv';

/** A canned reply as offered in the editor. */
export interface CannedReply {
  id: string;
  title: string;
  body: string;
  placeholders: Placeholder[];
  suggestedStatus: RequestStatus | null;
  audience: NoteAudience;
}

/** As the supervisor manages it: global replies (of no structure) are read-only for him. */
export interface SupervisedReply extends CannedReply {
  active: boolean;
  global: boolean;
  updatedAt: string;
}

export interface CannedReplyInput {
  title: string;
  body: string;
  suggestedStatus: RequestStatus | null;
  audience: NoteAudience;
  active?: boolean;
}

export interface Figures {
  /** The open statuses only. */
  openByStatus: Partial<Record<RequestStatus, number>>;
  /** Medians in hours; null when no request of the period has one yet. */
  medianFirstAnswerHours: number | null;
  medianResolutionHours: number | null;
  /** Oldest first; weekStart is the Monday (Rome) "YYYY-MM-DD". */
  perWeek: { weekStart: string; created: number; resolved: number }[];
}

/** The answer to a change after which this structure no longer holds the request (forwarded). */
export interface LeftQueue {
  id: string;
  number: number;
  status: RequestStatus;
  statusLabel: string;
  leftQueue: true;
  /** Who holds it now: the regional desk, or the agency it was sent to. */
  queue: { id: string; name: string };
}

export const hasLeftQueue = (answer: RequestDetail | LeftQueue): answer is LeftQueue => 'leftQueue' in answer && answer.leftQueue === true;

export interface UpdateInput {
  note?: { body: string; public: boolean };
  status?: RequestStatus;
}

export interface ForwardInput {
  agencyId: string;
  note?: string;
}

const base = '/api/assistenza/desk/requests';
const requestUrl = (requestId: string) => `${base}/${encodeURIComponent(requestId)}`;
const supervision = '/api/assistenza/supervision';

/** A plain link: the browser downloads it with the session cookie. */
export const attachmentUrl = (requestId: string) => `${requestUrl(requestId)}/attachment`;

/** Query keys start with 'structure' so that changing structure or signing out drops them. */
export const deskKeys = {
  all: ['structure', 'helpdesk-desk'] as const,
  queue: (filter: QueueFilter, page: number) => [...deskKeys.all, 'queue', filter, page] as const,
  request: (requestId: string) => [...deskKeys.all, 'request', requestId] as const,
  cannedReplies: () => [...deskKeys.all, 'canned-replies'] as const,
  supervisedReplies: () => [...deskKeys.all, 'supervision', 'canned-replies'] as const,
  figures: (weeks: number) => [...deskKeys.all, 'supervision', 'figures', weeks] as const,
};

export function useQueue(filter: QueueFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: deskKeys.queue(filter, page),
    queryFn: ({ signal }) => api.get<QueuePage>(base, { query: { ...filter, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRequest(requestId: string) {
  return useQuery({ queryKey: deskKeys.request(requestId), queryFn: ({ signal }) => api.get<RequestDetail>(requestUrl(requestId), { signal }) });
}

/**
 * After a change the detail is the server's answer, and the queues are refreshed. A request that
 * left this structure's queue ("non di competenza", forwarded) is dropped: reading it would be 404.
 */
function useRequestMutation<T, R extends RequestDetail | LeftQueue>(requestId: string, send: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (answer) => {
      if (hasLeftQueue(answer)) queryClient.removeQueries({ queryKey: deskKeys.request(requestId), exact: true });
      else queryClient.setQueryData(deskKeys.request(requestId), answer);
      await queryClient.invalidateQueries({ queryKey: [...deskKeys.all, 'queue'] });
    },
    // 409: someone changed the request meanwhile; show it as it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: deskKeys.request(requestId), exact: true }),
  });
}

/** "OPERATORE" + "Aggiorna": null leaves the request to nobody. */
export function useAssign(requestId: string) {
  return useRequestMutation(requestId, (assigneeId: string | null) => api.post<RequestDetail>(`${requestUrl(requestId)}/assignment`, { assigneeId }));
}

/** A note and/or a new status in one step, as the manual's "Aggiorna". "Non di competenza" sends it to the regional desk. */
export function useUpdate(requestId: string) {
  return useRequestMutation(requestId, (input: UpdateInput) => api.post<RequestDetail | LeftQueue>(`${requestUrl(requestId)}/updates`, input));
}

/** The regional desk sends a "non di competenza" request to one of its agencies: it leaves the region's queue. */
export function useForward(requestId: string) {
  return useRequestMutation(requestId, (input: ForwardInput) => api.post<LeftQueue>(`${requestUrl(requestId)}/forwarding`, input));
}

/** The active canned replies offered to this structure's operators (global and its own). */
export function useCannedReplies() {
  return useQuery({
    queryKey: deskKeys.cannedReplies(),
    queryFn: ({ signal }) => api.get<CannedReply[]>('/api/assistenza/canned-replies', { signal }),
    staleTime: 60_000,
  });
}

/** The supervisor's list: his structure's replies (inactive too) and the global ones. */
export function useSupervisedReplies() {
  return useQuery({
    queryKey: deskKeys.supervisedReplies(),
    queryFn: ({ signal }) => api.get<SupervisedReply[]>(`${supervision}/canned-replies`, { signal }),
  });
}

function useReplyMutation<T>(send: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: deskKeys.supervisedReplies() });
      await queryClient.invalidateQueries({ queryKey: deskKeys.cannedReplies() });
    },
  });
}

export function useCreateReply() {
  return useReplyMutation((input: CannedReplyInput) => api.post<SupervisedReply>(`${supervision}/canned-replies`, input));
}

export function useEditReply(replyId: string) {
  return useReplyMutation((input: CannedReplyInput) => api.put<SupervisedReply>(`${supervision}/canned-replies/${encodeURIComponent(replyId)}`, input));
}

/** Deactivates: the reply is no longer offered, the notes written with it stay as they are. */
export function useDeactivateReply() {
  return useReplyMutation((replyId: string) => api.delete<unknown>(`${supervision}/canned-replies/${encodeURIComponent(replyId)}`));
}

export function useFigures(weeks: number) {
  return useQuery({
    queryKey: deskKeys.figures(weeks),
    queryFn: ({ signal }) => api.get<Figures>(`${supervision}/figures`, { query: { weeks }, signal }),
  });
}
