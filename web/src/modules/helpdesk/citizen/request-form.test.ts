import { describe, expect, it } from 'vitest';
import { emptyRequestForm, firstProblemField, prefilledForm, type RequestFormValues, requestFormProblems, requestPayload } from './request-form';

const filled: RequestFormValues = {
  serviceCode: 'ritiro-referti',
  roleCode: 'cittadino',
  givenName: 'Mario',
  familyName: 'Rossi',
  fiscalCode: 'rssmra85t10a562s',
  email: 'mario.rossi@example.it',
  phone: '+39 333 123 4567',
  agencyId: '7d7b7a56-4b5e-4d8e-9c4c-0b8f6a1e2d3c',
  categoryCode: 'referto-non-trovato',
  description: 'Non trovo il referto del 3 novembre.',
};

const pdf = (size: number) => new File([new Uint8Array(size)], 'referto.pdf', { type: 'application/pdf' });

describe('the new request, checked before sending', () => {
  it('accepts a complete request, with or without attachment', () => {
    expect(requestFormProblems(filled, null)).toEqual({});
    expect(requestFormProblems(filled, pdf(10))).toEqual({});
  });

  it('wants every field but the attachment', () => {
    const problems = requestFormProblems(emptyRequestForm, null);
    expect(Object.keys(problems)).toEqual([
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
    ]);
    expect(Object.values(problems).every((p) => p === 'required')).toBe(true);
    expect(requestFormProblems({ ...filled, givenName: '   ' }, null)).toEqual({ givenName: 'required' });
  });

  it('names the codice fiscale, e-mail, phone and attachment problems', () => {
    expect(requestFormProblems({ ...filled, fiscalCode: 'RSSMRA85T10A562' }, null)).toEqual({ fiscalCode: 'length' });
    expect(requestFormProblems({ ...filled, fiscalCode: 'RSSMRA85T10A562T' }, null)).toEqual({ fiscalCode: 'checkCharacter' });
    expect(requestFormProblems({ ...filled, email: 'mario.rossi' }, null)).toEqual({ email: 'email' });
    expect(requestFormProblems({ ...filled, phone: '12 34' }, null)).toEqual({ phone: 'phone' });
    expect(requestFormProblems({ ...filled, phone: 'chiamami' }, null)).toEqual({ phone: 'phone' });
    expect(requestFormProblems({ ...filled, description: 'x'.repeat(4001) }, null)).toEqual({ description: 'tooLong' });
    expect(requestFormProblems(filled, pdf(1024 * 1024 + 1))).toEqual({ attachment: 'tooLarge' });
    expect(requestFormProblems(filled, new File(['x'], 'virus.exe'))).toEqual({ attachment: 'type' });
  });

  it('finds the first problem in the order of the form', () => {
    expect(firstProblemField({ description: 'required', givenName: 'required' })).toBe('givenName');
    expect(firstProblemField({ attachment: 'type' })).toBe('attachment');
    expect(firstProblemField({})).toBeNull();
  });

  it('prefills what the identity knows and leaves the rest to the citizen', () => {
    const values = prefilledForm({ givenName: 'Giovanni', familyName: 'Ferrari', fiscalCode: 'FRRGNN80A01F839X', email: null, phone: null });
    expect(values).toMatchObject({ givenName: 'Giovanni', familyName: 'Ferrari', fiscalCode: 'FRRGNN80A01F839X', email: '', serviceCode: '' });
    expect(prefilledForm(null)).toEqual(emptyRequestForm);
  });

  it('sends trimmed values and the codice fiscale in capitals', () => {
    const payload = requestPayload({ ...filled, givenName: ' Mario ', email: ' mario.rossi@example.it ' });
    expect(payload.givenName).toBe('Mario');
    expect(payload.email).toBe('mario.rossi@example.it');
    expect(payload.fiscalCode).toBe('RSSMRA85T10A562S');
  });
});
