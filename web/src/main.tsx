import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './styles/fonts.css';
import './styles/sportello.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app';
import { addMessages, initI18n } from './core/i18n/i18n';
import { administrationEn, administrationIt } from './modules/administration';
import { claimsMerchantEn, claimsMerchantIt } from './modules/claims/merchant';
import { claimsReviewEn, claimsReviewIt } from './modules/claims/review';
import { helpdeskCitizenEn, helpdeskCitizenIt } from './modules/helpdesk/citizen';
import { helpdeskDeskEn, helpdeskDeskIt } from './modules/helpdesk/desk';
import { organisationsEn, organisationsIt } from './modules/organisations';
import { vouchersMerchantEn, vouchersMerchantIt } from './modules/vouchers/merchant';

// Composition root: the core, then each module's messages, then the app.
initI18n();
addMessages('organisations', { it: organisationsIt, en: organisationsEn });
addMessages('administration', { it: administrationIt, en: administrationEn });
addMessages('vouchers-merchant', { it: vouchersMerchantIt, en: vouchersMerchantEn });
addMessages('claims-merchant', { it: claimsMerchantIt, en: claimsMerchantEn });
addMessages('claims-review', { it: claimsReviewIt, en: claimsReviewEn });
addMessages('helpdesk-citizen', { it: helpdeskCitizenIt, en: helpdeskCitizenEn });
addMessages('helpdesk-desk', { it: helpdeskDeskIt, en: helpdeskDeskEn });

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App queryClient={createQueryClient()} />
  </StrictMode>,
);
