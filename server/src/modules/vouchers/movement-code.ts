/** The "codice identificativo" of a movement shown to the merchant: stable, derived from its id. */
export function movementCode(id: string): string {
  return `MOV-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}
