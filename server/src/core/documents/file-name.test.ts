import { describe, expect, it } from 'vitest';
import { formatSize, listTypes } from './document-policy.js';
import { contentDisposition, downloadName, sanitiseFileName } from './file-name.js';

describe('file names', () => {
  it.each([
    ['scontrino.pdf', 'scontrino.pdf'],
    ['C:\\Users\\mario\\Desktop\\scontrino.pdf', 'scontrino.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['fattura\u202Efdp.exe', 'fatturafdp.exe'],
    ['a\u0000b\nc.pdf', 'a_b_c.pdf'],
    ['  ..nascosto.pdf. ', 'nascosto.pdf'],
    ['ricevuta: "1" <copia>?.pdf', 'ricevuta_ _1_ _copia__.pdf'],
    ['Cafe\u0301.pdf', 'Café.pdf'],
    ['', 'documento'],
    [undefined, 'documento'],
    ['...', 'documento'],
  ])('sanitises %j to %j', (given, expected) => {
    expect(sanitiseFileName(given)).toBe(expected);
  });

  it('cuts a long name to 200 characters keeping its extension', () => {
    const name = sanitiseFileName(`${'à'.repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('à.pdf')).toBe(true);
  });

  it('offers the download with the extension of what the content is', () => {
    expect(downloadName('scontrino.PDF', 'pdf')).toBe('scontrino.pdf');
    expect(downloadName('foto.pdf', 'png')).toBe('foto.png');
    expect(downloadName('relazione', 'docx')).toBe('relazione.docx');
    expect(downloadName('documento.pdf.exe', 'pdf')).toBe('documento.pdf.pdf');
  });

  it('encodes Content-Disposition with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('attachment', 'Ricevuta «Caffè» (1)\'s.pdf')).toBe(
      `attachment; filename="Ricevuta _Caffe_ (1)'s.pdf"; filename*=UTF-8''Ricevuta%20%C2%ABCaff%C3%A8%C2%BB%20%281%29%27s.pdf`,
    );
    expect(contentDisposition('inline', 'a"b\\c;d%e.pdf')).toBe(`inline; filename="a_b_c_d_e.pdf"; filename*=UTF-8''a%22b%5Cc%3Bd%25e.pdf`);
  });

  it('states sizes and type lists as the messages do', () => {
    expect(formatSize(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(formatSize(500 * 1024)).toBe('500 KB');
    expect(listTypes(['png', 'jpeg', 'pdf'])).toBe('PDF, JPEG e PNG');
    expect(listTypes(['pdf'])).toBe('PDF');
  });
});
