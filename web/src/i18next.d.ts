import 'i18next';
import type { CoreMessages } from './core/i18n/messages.it';
import type { AdministrationMessages } from './modules/administration/messages';
import type { ClaimsMerchantMessages } from './modules/claims/merchant/messages';
import type { ClaimsReviewMessages } from './modules/claims/review/messages';
import type { HelpdeskCitizenMessages } from './modules/helpdesk/citizen/messages';
import type { HelpdeskDeskMessages } from './modules/helpdesk/desk/messages';
import type { OrganisationsMessages } from './modules/organisations/messages';
import type { VouchersMerchantMessages } from './modules/vouchers/merchant/messages';

/** Translation keys are checked at compile time, per namespace. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: CoreMessages;
      organisations: OrganisationsMessages;
      administration: AdministrationMessages;
      'vouchers-merchant': VouchersMerchantMessages;
      'claims-merchant': ClaimsMerchantMessages;
      'claims-review': ClaimsReviewMessages;
      'helpdesk-citizen': HelpdeskCitizenMessages;
      'helpdesk-desk': HelpdeskDeskMessages;
    };
  }
}
