import { Alert } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';

/** The message a user should read for a failed call: the server's `detail`, or ours. */
export function useProblemMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (isApiError(error)) {
      if (error.isNetworkError || error.code === 'unexpected_response' || error.status >= 502) return error.detail ?? t('errors.network');
      return error.detail ?? t('errors.generic');
    }
    return t('errors.generic');
  };
}

/** An error banner (role="alert", so it is announced as soon as it appears). Renders nothing without error. */
export function ProblemAlert({ error, className }: { error: unknown; className?: string }) {
  const message = useProblemMessage();
  if (!error) return null;
  return (
    <Alert color="danger" className={className}>
      {message(error)}
    </Alert>
  );
}

/** A field's server-side message, if any. */
export function fieldError(error: unknown, field: string): string | undefined {
  return isApiError(error) ? error.fields[field] : undefined;
}
