import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { SignedIn } from '../../../core/session/signed-in';
import { batchesPath, CLAIMS_REVIEW_PATH, CLAIMS_REVIEW_SERVICE } from './paths';

// Region operators only: loaded on demand.
const QueuePage = lazy(() => import('./queue-page'));
const ClaimPage = lazy(() => import('./claim-page'));
const BatchesPage = lazy(() => import('./batches-page'));
const NewBatchPage = lazy(() => import('./new-batch-page'));

/** The pages of "Valutazione istanze di rimborso", each behind the service. More specific paths first. */
export const claimsReviewRoutes: RouteObject[] = [
  {
    path: CLAIMS_REVIEW_PATH,
    element: (
      <SignedIn service={CLAIMS_REVIEW_SERVICE}>
        <QueuePage />
      </SignedIn>
    ),
  },
  {
    path: batchesPath,
    element: (
      <SignedIn service={CLAIMS_REVIEW_SERVICE}>
        <BatchesPage />
      </SignedIn>
    ),
  },
  {
    path: `${batchesPath}/nuovo`,
    element: (
      <SignedIn service={CLAIMS_REVIEW_SERVICE}>
        <NewBatchPage />
      </SignedIn>
    ),
  },
  {
    path: `${CLAIMS_REVIEW_PATH}/:claimId`,
    element: (
      <SignedIn service={CLAIMS_REVIEW_SERVICE}>
        <ClaimPage />
      </SignedIn>
    ),
  },
];
