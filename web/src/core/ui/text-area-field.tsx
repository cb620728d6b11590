import type { ReactNode, TextareaHTMLAttributes } from 'react';

type NativeProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'>;

interface TextAreaFieldProps extends NativeProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
}

/**
 * A Bootstrap Italia textarea with its hint and error tied to it. design-react-kit's TextArea always
 * points aria-describedby at its own info id, even when there is none, so it is written by hand.
 */
export function TextAreaField({ id, label, value, onChange, hint, error, rows = 4, ...native }: TextAreaFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-group mb-4">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <textarea
        {...native}
        id={id}
        rows={rows}
        className={`form-control${error ? ' is-invalid' : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
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
