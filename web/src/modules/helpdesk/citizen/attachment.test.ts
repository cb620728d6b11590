import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, attachmentProblem, fileExtension, formatFileSize, uploadPercent } from './attachment';

const file = (name: string, size: number) => ({ name, size });

describe('the attachment, checked before the upload', () => {
  it.each(['referto.pdf', 'lettera.doc', 'lettera.DOCX', 'conti.xls', 'conti.xlsx', 'tutto.zip', 'schermata.png', 'anim.gif', 'foto.jpeg', 'foto.JPG'])(
    'admits %s up to 1 MB',
    (name) => {
      expect(attachmentProblem(file(name, 1000))).toBeNull();
      expect(attachmentProblem(file(name, ATTACHMENT_MAX_BYTES))).toBeNull();
    },
  );

  it('refuses other extensions, empty and larger files, saying which', () => {
    expect(attachmentProblem(file('programma.exe', 1000))).toBe('type');
    expect(attachmentProblem(file('senza-estensione', 1000))).toBe('type');
    expect(attachmentProblem(file('referto.pdf.exe', 1000))).toBe('type');
    expect(attachmentProblem(file('referto.pdf', 0))).toBe('empty');
    expect(attachmentProblem(file('referto.pdf', ATTACHMENT_MAX_BYTES + 1))).toBe('tooLarge');
  });

  it('reads the extension after the last dot', () => {
    expect(fileExtension('a.b.PDF')).toBe('pdf');
    expect(fileExtension('nome')).toBe('');
  });

  it('says the size the Italian way', () => {
    expect(formatFileSize(900)).toBe('900 byte');
    expect(formatFileSize(1536)).toBe('1,5 KB');
    expect(formatFileSize(1024 * 1024)).toBe('1 MB');
  });

  it('turns upload progress into a whole percentage', () => {
    expect(uploadPercent(0, 0)).toBe(0);
    expect(uploadPercent(512, 1024)).toBe(50);
    expect(uploadPercent(2000, 1024)).toBe(100);
  });
});
