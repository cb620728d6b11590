import { Input } from 'design-react-kit';
import type { InputHTMLAttributes, ReactNode } from 'react';

type NativeProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'type' | 'size'>;

export interface TextFieldProps extends NativeProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'search' | 'email' | 'tel' | 'date' | 'time';
  /** Always-visible help, read with the field. */
  hint?: ReactNode;
  /** More text read with the field (e.g. a character counter), by id. */
  describedBy?: string;
  error?: string;
  /** Marks the field invalid when its message is rendered elsewhere (e.g. an alert tied by `describedBy`). */
  invalid?: boolean;
  className?: string;
}

/**
 * design-react-kit's Input with an error message tied to the field (aria-invalid, aria-describedby).
 * Its own `infoText` would overwrite aria-describedby and its `validationText` has no id, so the
 * hint and the error are rendered here.
 */
export function TextField({ id, label, value, onChange, type = 'text', hint, describedBy, error, invalid = false, className, ...native }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [hintId, describedBy, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ?? 'mb-4'}>
      <Input
        {...native}
        id={id}
        type={type}
        label={label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        wrapperClassName="mb-0"
        valid={error || invalid ? false : undefined}
        aria-invalid={error || invalid ? true : undefined}
        aria-describedby={described}
      />
      {hint && (
        <small id={hintId} className="form-text d-block mt-1">
          {hint}
        </small>
      )}
      {error && (
        <div id={errorId} className="sportello-field-error">
          {error}
        </div>
      )}
    </div>
  );
}
