/**
 * A polite live region that is always in the page, so a success message placed in it is announced.
 * (design-react-kit's Alert is always role="alert": right for errors, too loud for confirmations.)
 */
export function StatusMessage({ message, className }: { message: string | null; className?: string }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={className}>
      {message && <div className="alert alert-success mb-0">{message}</div>}
    </div>
  );
}
