import { useTranslation } from 'react-i18next';

/**
 * The trap for bots (server field `sitoWeb`): a field people never see nor reach — off-screen,
 * hidden from assistive technology, out of the tab order, no autofill — so only a program that
 * fills every input fills it. The server then pretends success and files nothing.
 */
export function HoneypotField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation('helpdesk-citizen');
  return (
    <div className="helpdesk-honeypot" aria-hidden="true">
      <label htmlFor="helpdesk-sito-web">{t('newRequest.honeypot')}</label>
      <input id="helpdesk-sito-web" name="sitoWeb" type="text" tabIndex={-1} autoComplete="off" value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}
