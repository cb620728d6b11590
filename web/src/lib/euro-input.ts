/**
 * An amount typed by a person, in euro as Italians write it ("25", "25,5", "1.234,56", "€ 25,00"),
 * to integer cents — parsed as text, never through floating point, so "0,29" is 29 and not 28.999….
 * The dot is read as the thousands separator when it groups three digits ("1.234" = 1234 €) and,
 * for who types the English way, as the decimal separator before one or two digits ("25.50").
 * Returns null when the text is not an amount (empty, negative, letters, more than two decimals).
 */
export function parseEuroToCents(input: string): number | null {
  const text = input.replace(/[\s\u00a0\u202f]/g, '').replace(/^€|€$/g, '');
  if (text === '') return null;

  let euros: string;
  let decimals: string;
  const comma = /^(\d+|\d{1,3}(?:\.\d{3})+),(\d{1,2})$/.exec(text);
  const plain = /^(\d+|\d{1,3}(?:\.\d{3})+)$/.exec(text);
  const englishDecimal = /^(\d+)\.(\d{1,2})$/.exec(text);
  if (comma) {
    euros = comma[1]!;
    decimals = comma[2]!;
  } else if (plain) {
    euros = plain[1]!;
    decimals = '';
  } else if (englishDecimal) {
    euros = englishDecimal[1]!;
    decimals = englishDecimal[2]!;
  } else {
    return null;
  }

  const digits = `${euros.replace(/\./g, '')}${decimals.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  const cents = Number(digits);
  return Number.isSafeInteger(cents) ? cents : null;
}
