import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { romeDate } from '../../../shared/dates.js';
import { formatEuro } from '../../../shared/money.js';

/** What the "Download Template" document is filled with. */
export interface IntegrationTemplateData {
  claimNumber: number;
  merchantName: string;
  regionName: string | null;
  periodLabel: string;
  amountCents: number;
  purchaseCount: number;
  /** "YYYY-MM-DD" Rome days. */
  transactionsFrom: string;
  transactionsTo: string;
  requestedAt: Date;
  iban: string;
  email: string;
  requestText: string;
  deadline: string;
}

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const itDay = (day: string) => day.split('-').reverse().join('/');
const itInstantDay = (instant: Date) => itDay(romeDate(instant));

const BLANK_LINE = '_'.repeat(80);
const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function row(label: string, value: string): TableRow {
  return new TableRow({
    children: [
      new TableCell({ borders, width: { size: 35, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })] }),
      new TableCell({ borders, width: { size: 65, type: WidthType.PERCENTAGE }, children: [new Paragraph(value)] }),
    ],
  });
}

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 300, after: 120 } });
const blankLines = (n: number) => Array.from({ length: n }, () => new Paragraph({ text: BLANK_LINE, spacing: { before: 200 } }));
/** The request as the region wrote it, one paragraph per line. */
const textLines = (text: string) => text.split(/\r?\n/).map((line) => new Paragraph({ text: line }));

/**
 * "Download Template" (seed 000 §09): the Word document the merchant completes, signs and sends
 * back as one PDF together with every receipt the region asked for.
 */
export async function integrationTemplate(data: IntegrationTemplateData): Promise<Buffer> {
  const document = new Document({
    creator: 'Sportello',
    title: `Richiesta di integrazione – Istanza di rimborso n. ${data.claimNumber}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: `Richiesta di integrazione – Istanza di rimborso n. ${data.claimNumber}`, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
          heading("Dati dell'istanza"),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              row('Esercente', data.merchantName),
              ...(data.regionName ? [row('Regione', data.regionName)] : []),
              row('Istanza n.', String(data.claimNumber)),
              row('Data richiesta', itInstantDay(data.requestedAt)),
              row('Periodo di riferimento', data.periodLabel),
              row('Importo rimborso', formatEuro(data.amountCents)),
              row('Numero di transazioni', String(data.purchaseCount)),
              row('Transazioni dal', itDay(data.transactionsFrom)),
              row('Transazioni al', itDay(data.transactionsTo)),
              row('IBAN', data.iban),
              row('E-mail', data.email),
            ],
          }),
          heading('Integrazione richiesta dalla Regione'),
          ...textLines(data.requestText),
          new Paragraph({
            spacing: { before: 200 },
            children: [new TextRun({ text: `Da inviare entro il ${itDay(data.deadline)}.`, bold: true })],
          }),
          heading("Integrazione dell'esercente"),
          new Paragraph('Il sottoscritto, titolare dell’esercizio sopra indicato, in risposta alla richiesta di integrazione dichiara quanto segue:'),
          ...blankLines(8),
          heading('Documenti allegati'),
          new Paragraph('Elencare le ricevute e i documenti allegati:'),
          ...blankLines(5),
          new Paragraph({ spacing: { before: 400 }, text: 'Nome e cognome del titolare: ' + '_'.repeat(50) }),
          new Paragraph({ spacing: { before: 300 }, text: 'Codice fiscale: ' + '_'.repeat(40) }),
          new Paragraph({ spacing: { before: 300 }, text: 'Luogo e data: ' + '_'.repeat(40) }),
          new Paragraph({ spacing: { before: 300 }, text: 'Firma: ' + '_'.repeat(50) }),
          new Paragraph({
            spacing: { before: 400 },
            children: [
              new TextRun({
                text: 'Compilare e firmare questo documento, poi caricarlo insieme a tutte le ricevute richieste in un unico file PDF con «Upload del documento (pdf)» e cliccare su «Integra documentazione».',
                italics: true,
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
