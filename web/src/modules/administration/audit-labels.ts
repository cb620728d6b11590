/** The actions and recorded fields that have a label in messages.ts; anything else is shown as recorded. */
export const KNOWN_ACTIONS = [
  'session.login',
  'employee.add',
  'employee.disable',
  'employee.enable',
  'employee.service.associate',
  'employee.service.remove',
  'clock.set',
  'document.upload',
  'document.view',
  'voucher.view',
  'voucher.list',
  'voucher.purchase.create',
  'voucher.purchase.confirm',
  'voucher.purchase.cancel',
  'voucher.program.create',
  'voucher.program.merchant.enrol',
  'voucher.program.merchant.remove',
  'voucher.import.upload',
  'voucher.import.confirm',
  'voucher.import.complete',
  'voucher.import.discard',
  'voucher.import.report',
  'voucher.movements.export',
] as const;
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

export function isKnownAction(action: string): action is KnownAction {
  return (KNOWN_ACTIONS as readonly string[]).includes(action);
}

export const KNOWN_FIELDS = ['now', 'method', 'structureId', 'userId', 'fiscalCode', 'givenName', 'familyName', 'role', 'enabled', 'services'] as const;
export type KnownField = (typeof KNOWN_FIELDS)[number];

export function isKnownField(field: string): field is KnownField {
  return (KNOWN_FIELDS as readonly string[]).includes(field);
}
