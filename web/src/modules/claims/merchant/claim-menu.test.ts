import { describe, expect, it } from 'vitest';
import { claimMenu } from './claim-menu';

const none = { rectifyIban: false, rectifyEmail: false, withdraw: false, integrate: false };

describe('the actions menu of a claim', () => {
  it('always offers the detail, and only what the server allows besides', () => {
    expect(claimMenu(none)).toEqual(['detail']);
    expect(claimMenu({ ...none, rectifyEmail: true })).toEqual(['detail', 'rectify']);
    expect(claimMenu({ ...none, rectifyIban: true, rectifyEmail: true, withdraw: true })).toEqual(['detail', 'rectify', 'withdraw']);
    expect(claimMenu({ ...none, withdraw: true, integrate: true })).toEqual(['detail', 'withdraw']);
  });
});
