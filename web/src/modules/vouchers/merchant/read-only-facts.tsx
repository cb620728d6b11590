/** Data shown "in sola visualizzazione" at the top of a form (seed 000 §06–07). */
export function ReadOnlyFacts({ facts }: { facts: [label: string, value: string][] }) {
  return (
    <dl className="row mb-3">
      {facts.map(([label, value]) => (
        <div key={label} className="col-12 col-sm-6 mb-2">
          <dt className="small fw-normal">{label}</dt>
          <dd className="mb-0 fw-semibold fs-5">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
