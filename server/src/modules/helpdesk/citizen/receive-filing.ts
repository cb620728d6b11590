import type {} from '@fastify/multipart'; // request.isMultipart() and request.parts()
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../../core/audit/audit.js';
import { type DocumentRecord, HELPDESK_ATTACHMENT_POLICY } from '../../../core/documents/index.js';
import { AppError } from '../../../platform/http/errors.js';
import type { HelpdeskDeps } from '../helpdesk.deps.js';
import { countFiling, refuseExhaustedAddress } from './abuse-limits.js';
import { decoyFiling, type FiledRequest, fileRequest } from './file-request.js';
import { HONEYPOT_FIELD, type RequestForm } from './request-form.schema.js';
import { RequestInvalid, validateRequestForm } from './validate-form.js';

/** The multipart parts of "INVIA": the form as JSON first, then at most one file. */
export const DATA_PART = 'data';
export const ATTACHMENT_PART = 'attachment';

const dataInvalid = () => new AppError(400, 'data_invalid', 'I dati della richiesta non sono leggibili: ricarica la pagina e riprova.');
const dataFirst = () => new AppError(400, 'data_first', 'I dati della richiesta devono precedere l’allegato.');

/** The documents service's refusal, under the form's field name. */
function asAttachmentError(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  return new AppError(error.status, error.code, error.message, { [ATTACHMENT_PART]: error.message }, error.headers);
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') throw dataInvalid();
  try {
    return JSON.parse(value);
  } catch {
    throw dataInvalid();
  }
}

const isBot = (form: RequestForm) => form[HONEYPOT_FIELD].trim() !== '';

/**
 * Reads "INVIA" — JSON, or multipart (the `data` part, then an optional `attachment`) read in one
 * streaming pass — and files the request. The form is checked and the abuse limits counted before
 * the file is read, so a refused form stores nothing; a refused file files nothing. After a
 * failure the rest of the body is read and discarded, so the client always gets the answer.
 */
export async function receiveFiling(deps: HelpdeskDeps, request: FastifyRequest): Promise<FiledRequest> {
  const signedIn = request.principal !== null;
  await refuseExhaustedAddress(deps, request.ip);
  const admit = async (raw: unknown) => {
    const form = await validateRequestForm(deps.db, raw);
    await countFiling(deps, request.ip, form.email);
    return form;
  };

  let form: RequestForm | undefined;
  let attachment: DocumentRecord | undefined;
  if (!request.isMultipart()) {
    form = await admit(request.body);
  } else {
    let failure: unknown;
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname !== DATA_PART || form || failure) continue;
        try {
          if (part.valueTruncated) throw new RequestInvalid({ description: 'La richiesta è troppo lunga: accorcia la descrizione.' });
          form = await admit(parseJson(part.value));
        } catch (error) {
          failure = error;
        }
        continue;
      }
      if (!form && !failure) failure = dataFirst();
      if (!form || failure || part.fieldname !== ATTACHMENT_PART || attachment || isBot(form)) {
        part.file.resume(); // discarded
        continue;
      }
      try {
        attachment = await deps.documents.uploadStream({
          content: part.file,
          fileName: part.filename,
          policy: HELPDESK_ATTACHMENT_POLICY,
          // The agency's operators download it; the citizen through his request's routes.
          owner: { structureId: form.agencyId },
          uploadedBy: request.principal?.user.id ?? null,
          isTruncated: () => part.file.truncated,
        });
      } catch (error) {
        part.file.resume();
        failure = asAttachmentError(error);
      }
    }
    if (!form && !failure) failure = dataInvalid();
    if (failure) {
      if (attachment) await deps.documents.remove(attachment.id);
      throw failure;
    }
  }
  if (!form) throw dataInvalid();

  if (isBot(form)) {
    request.log.warn({ ip: request.ip }, 'helpdesk honeypot filled: request discarded');
    return decoyFiling(deps, signedIn);
  }
  const audit = signedIn ? actorOf(request) : { userId: null, name: `${form.givenName} ${form.familyName}`, structureId: null, structureName: null, ip: request.ip };
  // Signed in with SPID/CIE, the request is his: the codice fiscale is his identity's, not what the form says.
  const identityFiscalCode = request.principal?.user.fiscalCode;
  if (identityFiscalCode) form.fiscalCode = identityFiscalCode;
  try {
    return await fileRequest(deps, { form, attachmentDocumentId: attachment?.id ?? null, citizenUserId: request.principal?.user.id ?? null, audit });
  } catch (error) {
    if (attachment) await deps.documents.remove(attachment.id);
    throw error;
  }
}
