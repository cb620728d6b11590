import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../core/i18n/i18n';

/**
 * UI text of "I miei voucher", the beneficiary's own view (Italian first: the labels of seed 000's
 * voucher, "ID Voucher", "esercente", "importo", "tipo operazione", "stato"). Kept as typed objects of
 * this page, picked by the current language, so the page needs nothing registered at start-up.
 */
export const it = {
  title: 'I miei voucher',
  tileText: 'I tuoi voucher, il credito disponibile e gli acquisti fatti presso gli esercenti.',
  intro: 'I voucher intestati al tuo codice fiscale, con il credito disponibile e i movimenti presso tutti gli esercenti.',
  empty: 'Non risultano voucher intestati al tuo codice fiscale.',
  emptyHint: 'Se ti è stato assegnato un voucher, comparirà qui dal giorno in cui viene emesso.',
  field: {
    code: 'ID Voucher',
    state: 'Stato',
    initial: 'Importo iniziale',
    used: 'Importo utilizzato',
    available: 'Importo disponibile',
    activation: 'Data di attivazione',
    expiry: 'Data di scadenza',
  },
  state: { attivo: 'Attivo', non_attivo: 'Non ancora attivo', scaduto: 'Scaduto', esaurito: 'Esaurito' } as Record<string, string>,
  showMovements: (code: string) => `Movimenti del voucher ${code}`,
  movements: 'Movimenti',
  movementsCaption: (code: string) => `Movimenti del voucher ${code} presso tutti gli esercenti, dal più recente`,
  noMovements: 'Il voucher non ha ancora movimenti.',
  column: { when: 'Data e ora', merchant: 'Esercente', amount: 'Importo', kind: 'Tipo operazione', status: 'Stato', receipt: 'Scontrino' },
  kind: { acquisto: 'Acquisto', cancellazione: 'Cancellazione' } as Record<string, string>,
  status: { confermato: 'Confermato', in_attesa: 'In attesa', rilasciato: 'Non confermato (importo restituito)' } as Record<string, string>,
  unknownMerchant: 'Esercente non più presente',
  viewReceipt: 'Visualizza scontrino',
  receiptOf: (when: string) => `dell’acquisto del ${when}`,
  newWindow: '(si apre in una nuova finestra)',
  noReceipt: 'Non disponibile',
  pagination: 'Paginazione dei movimenti',
  page: (page: number, pages: number) => `Pagina ${page} di ${pages}`,
  total: (count: number) => (count === 1 ? '1 movimento' : `${count} movimenti`),
  previous: 'Pagina precedente',
  next: 'Pagina successiva',
  goToPage: (page: number) => `Pagina ${page}`,
  back: 'Torna a I miei voucher',
};

export type CitizenVoucherMessages = typeof it;

export const en: CitizenVoucherMessages = {
  title: 'My vouchers',
  tileText: 'Your vouchers, the credit available and what you bought from merchants.',
  intro: 'The vouchers in your name (tax code), with the credit available and the movements at every merchant.',
  empty: 'There are no vouchers in your name.',
  emptyHint: 'If a voucher has been assigned to you, it will appear here from the day it is issued.',
  field: {
    code: 'Voucher ID',
    state: 'Status',
    initial: 'Initial amount',
    used: 'Amount used',
    available: 'Amount available',
    activation: 'Activation date',
    expiry: 'Expiry date',
  },
  state: { attivo: 'Active', non_attivo: 'Not yet active', scaduto: 'Expired', esaurito: 'Used up' },
  showMovements: (code) => `Movements of voucher ${code}`,
  movements: 'Movements',
  movementsCaption: (code) => `Movements of voucher ${code} at every merchant, newest first`,
  noMovements: 'The voucher has no movements yet.',
  column: { when: 'Date and time', merchant: 'Merchant', amount: 'Amount', kind: 'Operation', status: 'Status', receipt: 'Receipt' },
  kind: { acquisto: 'Purchase', cancellazione: 'Cancellation' },
  status: { confermato: 'Confirmed', in_attesa: 'Pending', rilasciato: 'Not confirmed (amount returned)' },
  unknownMerchant: 'Merchant no longer listed',
  viewReceipt: 'View receipt',
  receiptOf: (when) => `of the purchase of ${when}`,
  newWindow: '(opens in a new window)',
  noReceipt: 'Not available',
  pagination: 'Movements pages',
  page: (page, pages) => `Page ${page} of ${pages}`,
  total: (count) => (count === 1 ? '1 movement' : `${count} movements`),
  previous: 'Previous page',
  next: 'Next page',
  goToPage: (page) => `Page ${page}`,
  back: 'Back to My vouchers',
};

/** The messages in the language the user chose (re-rendered when he switches). */
export function useCitizenVoucherMessages(): CitizenVoucherMessages {
  const { i18n } = useTranslation();
  return currentLanguage(i18n.language) === 'en' ? en : it;
}
