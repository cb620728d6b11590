import { describe, expect, it } from 'vitest';
import { formatFileSize, INTEGRATION_MAX_BYTES, integrationDocumentProblem } from './integration-document';

const file = (name: string, type: string, size: number) => new File([new Uint8Array(size)], name, { type });

describe('the integration document, checked before the upload', () => {
  it('admits one PDF up to 10 MB, by type or by extension', () => {
    expect(integrationDocumentProblem(file('integrazione.pdf', 'application/pdf', 1000))).toBeNull();
    expect(integrationDocumentProblem(file('INTEGRAZIONE.PDF', '', 1000))).toBeNull();
    expect(integrationDocumentProblem(file('integrazione.pdf', 'application/pdf', INTEGRATION_MAX_BYTES))).toBeNull();
  });

  it('refuses other types, empty and larger files, saying which', () => {
    expect(integrationDocumentProblem(file('integrazione.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 1000))).toBe('notPdf');
    expect(integrationDocumentProblem(file('integrazione.pdf', 'application/pdf', 0))).toBe('empty');
    expect(integrationDocumentProblem(file('integrazione.pdf', 'application/pdf', INTEGRATION_MAX_BYTES + 1))).toBe('tooLarge');
  });

  it('says the size the Italian way', () => {
    expect(formatFileSize(900)).toBe('900 byte');
    expect(formatFileSize(1536)).toBe('1,5 KB');
    expect(formatFileSize(2_621_440)).toBe('2,5 MB');
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10 MB');
  });
});
