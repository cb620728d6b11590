import { Select } from 'design-react-kit';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: string;
  /** The first option, with an empty value: "Scegli…" in a form, "Tutte" in a filter. */
  emptyLabel: string;
  options: SelectOption[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
  className?: string;
}

/** design-react-kit's Select with an empty first option and its error tied to it. */
export function SelectField({ id, label, emptyLabel, options, value, onChange, error, className = 'mb-3' }: SelectFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <Select id={id} label={label} value={value} onChange={onChange} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}>
        {[
          <option key="" value="">
            {emptyLabel}
          </option>,
          ...options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          )),
        ]}
      </Select>
      {error && (
        <div id={errorId} className="sportello-field-error">
          {error}
        </div>
      )}
    </div>
  );
}
