import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/**
 * A one-time value handed to a page in the navigation state (a success message after an action):
 * read when the page mounts, then removed from the history entry, so that a reload or a later
 * visit through the browser's history does not announce a success that is no longer news.
 */
export function useFlash<T>(key: string): T | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const [value] = useState<T | undefined>(() => (location.state as Record<string, unknown> | null)?.[key] as T | undefined);
  useEffect(() => {
    const state = location.state as Record<string, unknown> | null;
    if (!state || !(key in state)) return;
    const { [key]: _shown, ...rest } = state;
    navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true, state: Object.keys(rest).length > 0 ? rest : null });
  }, [location, key, navigate]);
  return value;
}
