import type { ReactNode } from 'react';

/** Data shown "in sola visualizzazione" (seed 000 §09), two per row on wide screens. */
export function ReadOnlyFacts({ facts, className = 'mb-3' }: { facts: [label: string, value: ReactNode][]; className?: string }) {
  return (
    <dl className={`row ${className}`}>
      {facts.map(([label, value]) => (
        <div key={label} className="col-12 col-sm-6 mb-2">
          <dt className="small fw-normal">{label}</dt>
          <dd className="mb-0 fw-semibold fs-5 text-break">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
