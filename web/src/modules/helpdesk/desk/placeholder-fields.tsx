import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../core/ui/text-field';
import { isKnownPlaceholder } from './placeholders';

interface PlaceholderFieldsProps {
  names: string[];
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
  /** Writes the values into the note now (they are written anyway on "Aggiorna"). */
  onApply: () => void;
  /** Names still missing after an attempt to save. */
  missing: string[];
}

/** By position: a name the server does not know may hold spaces, which an id may not. */
export const placeholderFieldId = (index: number) => `placeholder-${index}`;

/** One input per placeholder still in the note ({{data}}, {{identificativo}}, {{iuv}}). */
export function PlaceholderFields({ names, values, onChange, onApply, missing }: PlaceholderFieldsProps) {
  const { t } = useTranslation('helpdesk-desk');
  if (names.length === 0) return null;
  const label = (name: string) => (isKnownPlaceholder(name) ? t(`placeholders.${name}`) : `{{${name}}}`);
  return (
    <fieldset className="sportello-panel mb-3" aria-describedby="placeholders-hint">
      <legend className="h6 mb-2 px-1 w-auto">{t('placeholders.title')}</legend>
      <p id="placeholders-hint" className="small">
        {t('placeholders.hint')}
      </p>
      <div className="row g-3">
        {names.map((name, index) => (
          <div key={name} className="col-12 col-md-4">
            <TextField
              id={placeholderFieldId(index)}
              type={name === 'data' ? 'date' : 'text'}
              label={label(name)}
              value={values[name] ?? ''}
              onChange={(value) => onChange(name, value)}
              maxLength={100}
              error={missing.includes(name) ? t('placeholders.required', { name: label(name) }) : undefined}
              className="mb-0"
            />
          </div>
        ))}
      </div>
      <Button type="button" color="primary" outline size="sm" className="mt-3" onClick={onApply}>
        {t('placeholders.apply')}
      </Button>
    </fieldset>
  );
}
