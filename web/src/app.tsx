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

// The biggest page, and only for structure owners: loaded on demand.
const EnablementsPage = lazy(() => import('./modules/organisations/enablements-page'));
// Demo mode only.
const OtpDemoPage = lazy(() => import('./core/otp/otp-demo-page'));
// Administrators' tools: loaded only once the guard lets an administrator in.
const AuditLogPage = lazy(() => import('./modules/administration/audit-log-page'));
const SimulatedDatePage = lazy(() => import('./modules/administration/simulated-date-page'));

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
