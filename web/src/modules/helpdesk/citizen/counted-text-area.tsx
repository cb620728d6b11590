import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { counterStage } from './char-counter';

interface CountedTextAreaProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  rows?: number;
  disabled?: boolean;
}

/**
 * A textarea with "n / max" below it. The count is read with the field (aria-describedby); a polite
 * live region speaks only when a threshold is crossed (200 and 50 left, the limit, over it). No
 * maxLength: a paste is never cut silently, the error says how much is too much.
 */
export function CountedTextArea({ id, label, value, onChange, max, hint, error, required, rows = 6, disabled }: CountedTextAreaProps) {
  const { t } = useTranslation('helpdesk-citizen');
  const count = value.length;
  const stage = counterStage(count, max);
  const hintId = hint ? `${id}-hint` : undefined;
  const counterId = `${id}-counter`;
  const errorId = error ? `${id}-error` : undefined;
  const announcement =
    stage === 'far' ? '' : stage === 'limit' ? t('counter.limit', { max }) : stage === 'over' ? t('counter.over', { max }) : t('counter.near', { count: stage });
  return (
    <div className="form-group mb-4 helpdesk-textarea">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        className={`form-control${error ? ' is-invalid' : ''}`}
        value={value}
        required={required}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, counterId, errorId].filter(Boolean).join(' ')}
      />
      {hint && (
        <small id={hintId} className="form-text d-block mt-1">
          {hint}
        </small>
      )}
      <small id={counterId} className={`form-text d-block text-end${stage === 'over' ? ' sportello-text-error' : ''}`}>
        <span aria-hidden="true">{t('counter.visible', { count, max })}</span>
        <span className="visually-hidden">{t('counter.label', { count, max })}</span>
      </small>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {error && (
        <div id={errorId} className="sportello-field-error">
          {error}
        </div>
      )}
    </div>
  );
}
