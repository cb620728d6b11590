import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { SignedIn } from '../../../core/session/signed-in';
import { HELPDESK_DESK_PATH, HELPDESK_DESK_SERVICE, HELPDESK_SUPERVISION_PATH, HELPDESK_SUPERVISION_SERVICE } from './paths';

// Operators and supervisors only: loaded on demand.
const QueuePage = lazy(() => import('./queue-page'));
const RequestPage = lazy(() => import('./request-page'));
const SupervisionPage = lazy(() => import('./supervision-page'));

/** The operators' pages of SOL Assistenza, each behind its service. */
export const helpdeskDeskRoutes: RouteObject[] = [
  {
    path: HELPDESK_DESK_PATH,
    element: (
      <SignedIn service={HELPDESK_DESK_SERVICE}>
        <QueuePage />
      </SignedIn>
    ),
  },
  {
    path: `${HELPDESK_DESK_PATH}/richieste/:requestId`,
    element: (
      <SignedIn service={HELPDESK_DESK_SERVICE}>
        <RequestPage />
      </SignedIn>
    ),
  },
  {
    path: HELPDESK_SUPERVISION_PATH,
    element: (
      <SignedIn service={HELPDESK_SUPERVISION_SERVICE}>
        <SupervisionPage />
      </SignedIn>
    ),
  },
];
