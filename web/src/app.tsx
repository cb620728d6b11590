import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { isApiError } from './core/api/api-error';
import { HomePage } from './core/home/home-page';
import { ForgotPasswordPage } from './core/identity/forgot-password-page';
import { LoginPage } from './core/identity/login-page';
import { ResetPasswordPage } from './core/identity/reset-password-page';
import { AppLayout } from './core/layout/app-layout';
import { NotFoundPage } from './core/layout/not-found-page';
import { SignedIn } from './core/session/signed-in';
import { AdminOnly, AUDIT_LOG_PATH, AUDIT_LOG_SERVICE, SIMULATED_DATE_PATH, SIMULATED_DATE_SERVICE } from './modules/administration';
import { SelectStructurePage, STRUCTURE_MANAGEMENT_SERVICE, StructureManagementPage } from './modules/organisations';
import { claimsMerchantRoutes } from './modules/claims/merchant';
import { claimsReviewRoutes } from './modules/claims/review';
import { helpdeskCitizenRoutes } from './modules/helpdesk/citizen';
import { helpdeskDeskRoutes } from './modules/helpdesk/desk';
import { MY_VOUCHERS_PATH } from './modules/vouchers/citizen';
import { VOUCHERS_MERCHANT_PATH, VOUCHERS_MERCHANT_SERVICE } from './modules/vouchers/merchant';
import { PROGRAMS_PATH, PROGRAMS_SERVICE } from './modules/vouchers/programs';

// The biggest page, and only for structure owners: loaded on demand.
const EnablementsPage = lazy(() => import('./modules/organisations/enablements-page'));
// Demo mode only.
const OtpDemoPage = lazy(() => import('./core/otp/otp-demo-page'));
// Administrators' tools: loaded only once the guard lets an administrator in.
const AuditLogPage = lazy(() => import('./modules/administration/audit-log-page'));
const SimulatedDatePage = lazy(() => import('./modules/administration/simulated-date-page'));
// Voucher secondogeniti, the beneficiary's own view.
const MyVouchersPage = lazy(() => import('./modules/vouchers/citizen/my-vouchers-page'));
const MyVoucherPage = lazy(() => import('./modules/vouchers/citizen/my-voucher-page'));
// Voucher secondogeniti, for merchants.
const VoucherServicePage = lazy(() => import('./modules/vouchers/merchant/voucher-service-page'));
const VoucherPage = lazy(() => import('./modules/vouchers/merchant/voucher-page'));
const PurchasePage = lazy(() => import('./modules/vouchers/merchant/purchase-page'));
const AuthorisePaymentPage = lazy(() => import('./modules/vouchers/merchant/authorise-payment-page'));
const CancellationPage = lazy(() => import('./modules/vouchers/merchant/cancellation-page'));
// Gestione programmi voucher, for region operators.
const ProgramsPage = lazy(() => import('./modules/vouchers/programs/programs-page'));
const NewProgramPage = lazy(() => import('./modules/vouchers/programs/new-program-page'));
const ProgramPage = lazy(() => import('./modules/vouchers/programs/program-page'));
const NewImportPage = lazy(() => import('./modules/vouchers/programs/new-import-page'));
const ImportPage = lazy(() => import('./modules/vouchers/programs/import-page'));

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 4xx answers are final (not found, not allowed, invalid): only retry what may pass next time.
        retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/accedi', element: <LoginPage /> },
      { path: '/password-smarrita', element: <ForgotPasswordPage /> },
      { path: '/reimposta-password', element: <ResetPasswordPage /> },
      {
        path: '/demo/conferma-otp',
        element: (
          <SignedIn>
            <OtpDemoPage />
          </SignedIn>
        ),
      },
      {
        path: '/seleziona-struttura',
        element: (
          <SignedIn>
            <SelectStructurePage />
          </SignedIn>
        ),
      },
      {
        path: '/',
        element: (
          <SignedIn chooseStructure>
            <HomePage />
          </SignedIn>
        ),
      },
      {
        path: '/gestione-struttura',
        element: (
          <SignedIn service={STRUCTURE_MANAGEMENT_SERVICE}>
            <StructureManagementPage />
          </SignedIn>
        ),
      },
      {
        path: '/gestione-struttura/abilitazioni',
        element: (
          <SignedIn service={STRUCTURE_MANAGEMENT_SERVICE}>
            <EnablementsPage />
          </SignedIn>
        ),
      },
      {
        path: AUDIT_LOG_PATH,
        element: (
          <SignedIn>
            <AdminOnly service={AUDIT_LOG_SERVICE}>
              <AuditLogPage />
            </AdminOnly>
          </SignedIn>
        ),
      },
      {
        path: SIMULATED_DATE_PATH,
        element: (
          <SignedIn>
            <AdminOnly service={SIMULATED_DATE_SERVICE}>
              <SimulatedDatePage />
            </AdminOnly>
          </SignedIn>
        ),
      },
      {
        path: `${VOUCHERS_MERCHANT_PATH}`,
        element: (
          <SignedIn service={VOUCHERS_MERCHANT_SERVICE}>
            <VoucherServicePage />
          </SignedIn>
        ),
      },
      {
        path: `${VOUCHERS_MERCHANT_PATH}/voucher/:voucherId`,
        element: (
          <SignedIn service={VOUCHERS_MERCHANT_SERVICE}>
            <VoucherPage />
          </SignedIn>
        ),
      },
      {
        path: `${VOUCHERS_MERCHANT_PATH}/voucher/:voucherId/acquisto`,
        element: (
          <SignedIn service={VOUCHERS_MERCHANT_SERVICE}>
            <PurchasePage />
          </SignedIn>
        ),
      },
      {
        path: `${VOUCHERS_MERCHANT_PATH}/voucher/:voucherId/autorizza/:movementId`,
        element: (
          <SignedIn service={VOUCHERS_MERCHANT_SERVICE}>
            <AuthorisePaymentPage />
          </SignedIn>
        ),
      },
      {
        path: `${VOUCHERS_MERCHANT_PATH}/voucher/:voucherId/cancella/:movementId`,
        element: (
          <SignedIn service={VOUCHERS_MERCHANT_SERVICE}>
            <CancellationPage />
          </SignedIn>
        ),
      },
      {
        path: MY_VOUCHERS_PATH,
        element: (
          <SignedIn>
            <MyVouchersPage />
          </SignedIn>
        ),
      },
      {
        path: `${MY_VOUCHERS_PATH}/:voucherId`,
        element: (
          <SignedIn>
            <MyVoucherPage />
          </SignedIn>
        ),
      },
      {
        path: PROGRAMS_PATH,
        element: (
          <SignedIn service={PROGRAMS_SERVICE}>
            <ProgramsPage />
          </SignedIn>
        ),
      },
      {
        path: `${PROGRAMS_PATH}/nuovo`,
        element: (
          <SignedIn service={PROGRAMS_SERVICE}>
            <NewProgramPage />
          </SignedIn>
        ),
      },
      {
        path: `${PROGRAMS_PATH}/:programId`,
        element: (
          <SignedIn service={PROGRAMS_SERVICE}>
            <ProgramPage />
          </SignedIn>
        ),
      },
      {
        path: `${PROGRAMS_PATH}/:programId/importazioni/nuova`,
        element: (
          <SignedIn service={PROGRAMS_SERVICE}>
            <NewImportPage />
          </SignedIn>
        ),
      },
      {
        path: `${PROGRAMS_PATH}/:programId/importazioni/:importId`,
        element: (
          <SignedIn service={PROGRAMS_SERVICE}>
            <ImportPage />
          </SignedIn>
        ),
      },
      ...claimsMerchantRoutes,
      ...claimsReviewRoutes,
      ...helpdeskCitizenRoutes,
      ...helpdeskDeskRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
