/**
 * The password policy, stated to the user on the page that sets it: at least 12 characters with
 * upper- and lower-case letters, a digit and a symbol, and nothing of his own name, username or
 * codice fiscale. Returns the Italian problems, empty when the password is acceptable.
 */
export const PASSWORD_POLICY_TEXT =
  'Almeno 12 caratteri, con una lettera maiuscola, una minuscola, un numero e un simbolo; non deve contenere nome, cognome, username o codice fiscale.';

const MIN_LENGTH = 12;
const MAX_LENGTH = 128;

function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

export function passwordProblems(password: string, personal: (string | null | undefined)[] = []): string[] {
  const problems: string[] = [];
  if (password.length < MIN_LENGTH) problems.push(`Deve avere almeno ${MIN_LENGTH} caratteri.`);
  if (password.length > MAX_LENGTH) problems.push(`Può avere al massimo ${MAX_LENGTH} caratteri.`);
  if (!/\p{Lu}/u.test(password)) problems.push('Deve contenere almeno una lettera maiuscola.');
  if (!/\p{Ll}/u.test(password)) problems.push('Deve contenere almeno una lettera minuscola.');
  if (!/\d/.test(password)) problems.push('Deve contenere almeno un numero.');
  if (!/[^\p{L}\d]/u.test(password)) problems.push('Deve contenere almeno un simbolo (per esempio ! ? # . -).');
  const folded = fold(password);
  const parts = personal.flatMap((p) => (p ? fold(p).split(/[\s.@_-]+/) : [])).filter((p) => p.length >= 3);
  if (parts.some((p) => folded.includes(p))) problems.push('Non deve contenere il tuo nome, cognome, username o codice fiscale.');
  return problems;
}
