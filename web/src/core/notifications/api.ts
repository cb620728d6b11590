import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../api/client';

/** GET /api/notifications item. */
export interface UserNotification {
  id: string;
  title: string;
  body: string;
  /** A path of the app ("/istanze/1") or an http(s) address. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsList {
  items: UserNotification[];
  unread: number;
}

/** The signed-in user's notifications; dropped with the rest of his data on sign-out. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
};

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.list(),
    queryFn: ({ signal }) => api.get<NotificationsList>('/api/notifications', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

function useNotificationMutation<TVariables>(call: (variables: TVariables) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkRead() {
  return useNotificationMutation((id: string) => api.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`));
}

export function useMarkAllRead() {
  return useNotificationMutation(() => api.post<void>('/api/notifications/read-all'));
}

/**
 * Keeps the list live: server-sent events from /api/notifications/stream refresh it, and a new
 * notification is handed to `onCreated` (to announce it). EventSource reconnects by itself; on
 * each (re)connection the list is read again, in case something came meanwhile.
 */
export function useNotificationStream(enabled: boolean, onCreated: (notification: UserNotification) => void) {
  const queryClient = useQueryClient();
  const created = useRef(onCreated);
  created.current = onCreated;

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/stream');
    const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    source.addEventListener('ready', refresh);
    source.addEventListener('changed', refresh);
    source.addEventListener('notification', (event) => {
      refresh();
      try {
        created.current(JSON.parse((event as MessageEvent<string>).data) as UserNotification);
      } catch {
        // a malformed event only costs the announcement
      }
    });
    return () => source.close();
  }, [enabled, queryClient]);
}
