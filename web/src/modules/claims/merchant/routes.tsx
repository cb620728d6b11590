import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import { SignedIn } from '../../../core/session/signed-in';
import { CLAIMS_MERCHANT_PATH, CLAIMS_MERCHANT_SERVICE } from './paths';

// Loaded on demand: only merchants enabled for the service open them.
const ClaimsPage = lazy(() => import('./claims-page'));
const NewClaimPage = lazy(() => import('./new-claim-page'));
const ClaimPage = lazy(() => import('./claim-page'));
const RectifyPage = lazy(() => import('./rectify-page'));

const guarded = (page: ReactNode) => <SignedIn service={CLAIMS_MERCHANT_SERVICE}>{page}</SignedIn>;

/** The merchant's "Istanza di rimborso" pages, for the app's router (inside AppLayout, which holds the Suspense). */
export const claimsMerchantRoutes: RouteObject[] = [
  { path: CLAIMS_MERCHANT_PATH, element: guarded(<ClaimsPage />) },
  { path: `${CLAIMS_MERCHANT_PATH}/nuova`, element: guarded(<NewClaimPage />) },
  { path: `${CLAIMS_MERCHANT_PATH}/:claimId`, element: guarded(<ClaimPage />) },
  { path: `${CLAIMS_MERCHANT_PATH}/:claimId/rettifica`, element: guarded(<RectifyPage />) },
];
