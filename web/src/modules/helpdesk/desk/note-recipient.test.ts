import { describe, expect, it } from 'vitest';
import { audienceOf, missingForStatus, noteRecipient } from './note-recipient';

describe('who reads a note', () => {
  it('keeps a private note among operators, whatever the status', () => {
    expect(noteRecipient({ isPublic: false, targetStatus: 'non_di_competenza', citizenSignedIn: true })).toBe('operators');
    expect(audienceOf('operators')).toBe('internal');
  });

  it('sends a public note to the citizen: in the web app when he filed signed in, else by e-mail', () => {
    expect(noteRecipient({ isPublic: true, targetStatus: null, citizenSignedIn: true })).toBe('citizen-app');
    expect(noteRecipient({ isPublic: true, targetStatus: 'risolto', citizenSignedIn: false })).toBe('citizen-email');
    expect(audienceOf('citizen-email')).toBe('citizen');
  });

  it('sends the public note of "non di competenza" to the regional desk, not to the citizen', () => {
    expect(noteRecipient({ isPublic: true, targetStatus: 'non_di_competenza', citizenSignedIn: true })).toBe('regional-desk');
    expect(audienceOf('regional-desk')).toBe('regional_desk');
  });
});

describe('what a status needs before "Aggiorna"', () => {
  it('asks a public note for risolto, in attesa and non di competenza', () => {
    for (const status of ['risolto', 'in_attesa_utente', 'non_di_competenza'] as const) {
      expect(missingForStatus(status, { body: ' ', isPublic: true })).toBe('note');
      expect(missingForStatus(status, { body: 'Motivo', isPublic: false })).toBe('public');
      expect(missingForStatus(status, { body: 'Motivo', isPublic: true })).toBeNull();
    }
  });

  it('asks nothing for in lavorazione or no change of status', () => {
    expect(missingForStatus('in_lavorazione', { body: '', isPublic: false })).toBeNull();
    expect(missingForStatus(null, { body: '', isPublic: false })).toBeNull();
  });
});
