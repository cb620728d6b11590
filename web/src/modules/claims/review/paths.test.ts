import { describe, expect, it } from 'vitest';
import { newBatchPath, parseClaimIds } from './paths';

describe('the claims chosen for a payment batch, in the URL', () => {
  const ids = ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', '6fa459ea-ee8a-3ca4-894e-db77e160355e'];

  it('travel from the queue to the form unchanged', () => {
    const url = new URL(newBatchPath(ids), 'https://sportello.test');
    expect(url.pathname).toBe('/valutazione-istanze/decreti/nuovo');
    expect(parseClaimIds(url.searchParams.get('ids'))).toEqual(ids);
  });

  it('are read without blanks or repeats', () => {
    expect(parseClaimIds(` ${ids[0]},,${ids[1]} ,${ids[0]}`)).toEqual(ids);
    expect(parseClaimIds(null)).toEqual([]);
    expect(parseClaimIds('')).toEqual([]);
  });
});
