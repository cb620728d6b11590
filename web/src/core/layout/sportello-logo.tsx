/** The platform's mark: a counter (sportello) under a roof. Decorative: the text beside it names it. */
export function SportelloLogo({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="currentColor" />
      <path d="M10 27 32 12l22 15z" fill="var(--sportello-logo-ink, #0066cc)" />
      <path d="M15 29h34v23H15z" fill="var(--sportello-logo-ink, #0066cc)" />
      <rect x="21" y="35" width="22" height="8" rx="2" fill="currentColor" />
      <rect x="28" y="45" width="8" height="7" fill="currentColor" />
    </svg>
  );
}
