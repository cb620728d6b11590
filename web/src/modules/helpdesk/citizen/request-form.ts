import { type AttachmentProblem, attachmentProblem } from './attachment';
import { type FiscalCodeProblem, fiscalCodeProblem, normaliseFiscalCode } from './fiscal-code-check';

/**
 * "Nuova richiesta di assistenza" (seed 004 §2.2) as typed, and what the browser can say about it
 * before sending: every field but the attachment is mandatory. The server repeats every check
 * and answers on the field; these only save a round trip.
 */
export interface RequestFormValues {
  serviceCode: string;
  roleCode: string;
  givenName: string;
  familyName: string;
  fiscalCode: string;
  email: string;
  phone: string;
  agencyId: string;
  categoryCode: string;
  description: string;
}

export type RequestField = keyof RequestFormValues | 'attachment';

/** The order of the form: the error summary lists, and the focus goes to, the first in it. */
export const REQUEST_FIELDS: readonly RequestField[] = [
  'serviceCode',
  'roleCode',
  'givenName',
  'familyName',
  'fiscalCode',
  'email',
  'phone',
  'agencyId',
  'categoryCode',
  'description',
  'attachment',
];

/** As the server admits them (server/src/modules/helpdesk/citizen). */
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const PHONE_MIN = 6;
export const PHONE_MAX = 20;
export const DESCRIPTION_MAX = 4000;

export type FieldProblem = 'required' | 'tooLong' | 'email' | 'phone' | FiscalCodeProblem | AttachmentProblem;
export type RequestProblems = Partial<Record<RequestField, FieldProblem>>;

export const emptyRequestForm: RequestFormValues = {
  serviceCode: '',
  roleCode: '',
  givenName: '',
  familyName: '',
  fiscalCode: '',
  email: '',
  phone: '',
  agencyId: '',
  categoryCode: '',
  description: '',
};

/** What the signed-in person's identity fills in; null fields stay as typed. */
export interface RequestPrefill {
  givenName: string | null;
  familyName: string | null;
  fiscalCode: string | null;
  email: string | null;
  phone: string | null;
}

export function prefilledForm(prefill: RequestPrefill | null | undefined): RequestFormValues {
  if (!prefill) return emptyRequestForm;
  return {
    ...emptyRequestForm,
    givenName: prefill.givenName ?? '',
    familyName: prefill.familyName ?? '',
    fiscalCode: prefill.fiscalCode ?? '',
    email: prefill.email ?? '',
    phone: prefill.phone ?? '',
  };
}

// One "@", something on both sides, a dot in the domain: the server has the last word.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** "+39 (333) 123-4567" → "+393331234567": the separators people write are not part of the number. */
export function cleanPhone(phone: string): string {
  return phone.replace(/[\s.\-/()]/g, '');
}

/** Every field's first problem, in the form's order; empty when the request may be sent. */
export function requestFormProblems(values: RequestFormValues, attachment: File | null): RequestProblems {
  const problems: RequestProblems = {};
  for (const field of REQUEST_FIELDS) {
    if (field === 'attachment') continue;
    if (values[field].trim() === '') problems[field] = 'required';
  }
  if (!problems.givenName && values.givenName.trim().length > NAME_MAX) problems.givenName = 'tooLong';
  if (!problems.familyName && values.familyName.trim().length > NAME_MAX) problems.familyName = 'tooLong';
  if (!problems.fiscalCode) {
    const problem = fiscalCodeProblem(values.fiscalCode);
    if (problem) problems.fiscalCode = problem;
  }
  if (!problems.email) {
    const email = values.email.trim();
    if (email.length > EMAIL_MAX) problems.email = 'tooLong';
    else if (!EMAIL.test(email)) problems.email = 'email';
  }
  if (!problems.phone) {
    // Digits with an optional leading "+", 6 to 20 characters once cleaned, as the server reads it.
    const phone = cleanPhone(values.phone);
    if (!/^\+?[0-9]+$/.test(phone) || phone.length < PHONE_MIN || phone.length > PHONE_MAX) problems.phone = 'phone';
  }
  if (!problems.description && values.description.trim().length > DESCRIPTION_MAX) problems.description = 'tooLong';
  if (attachment) {
    const problem = attachmentProblem(attachment);
    if (problem) problems.attachment = problem;
  }
  return problems;
}

/** The first field with a problem, in the form's order. */
export function firstProblemField(problems: Partial<Record<RequestField, unknown>>): RequestField | null {
  return REQUEST_FIELDS.find((field) => problems[field] !== undefined) ?? null;
}

/** What is sent: trimmed, the codice fiscale normalised. */
export function requestPayload(values: RequestFormValues): RequestFormValues {
  return {
    serviceCode: values.serviceCode,
    roleCode: values.roleCode,
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    fiscalCode: normaliseFiscalCode(values.fiscalCode),
    email: values.email.trim(),
    phone: values.phone.trim(),
    agencyId: values.agencyId,
    categoryCode: values.categoryCode,
    description: values.description.trim(),
  };
}
