import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router-dom';
import { SignedIn } from '../../../core/session/signed-in';
import { HELPDESK_PATH, MY_REQUESTS_PATH, NEW_REQUEST_PATH, TOKEN_THREAD_PATH } from './paths';

// Loaded on demand: most visitors never open the help desk.
const NewRequestPage = lazy(() => import('./new-request-page'));
const MyRequestsPage = lazy(() => import('./my-requests-page'));
const MyRequestPage = lazy(() => import('./my-request-page'));
const TokenThreadPage = lazy(() => import('./token-thread-page'));

/**
 * The citizen's SOL Assistenza pages, for the app's router (inside AppLayout, which holds the
 * Suspense). The new request and the thread by token are public; "Le mie richieste" need any
 * signed-in person (no structure, no service).
 */
export const helpdeskCitizenRoutes: RouteObject[] = [
  // "/assistenza", typed or remembered, is the form.
  { path: HELPDESK_PATH, element: <Navigate to={NEW_REQUEST_PATH} replace /> },
  { path: NEW_REQUEST_PATH, element: <NewRequestPage /> },
  { path: TOKEN_THREAD_PATH, element: <TokenThreadPage /> },
  {
    path: MY_REQUESTS_PATH,
    element: (
      <SignedIn>
        <MyRequestsPage />
      </SignedIn>
    ),
  },
  {
    path: `${MY_REQUESTS_PATH}/:requestId`,
    element: (
      <SignedIn>
        <MyRequestPage />
      </SignedIn>
    ),
  },
];
