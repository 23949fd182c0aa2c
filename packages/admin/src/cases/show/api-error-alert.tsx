import { Alert, AlertTitle, Button } from '@mui/material';
import { useTranslate } from 'react-admin';
import { apiErrorOf, isApiError } from '../../api/api-fetch.js';

/**
 * What went wrong with a case action, in plain words: a 409 says someone else changed the case
 * and offers to reload it; a 422 shows the workflow engine's message; others the server's.
 * @example
 * <ApiErrorAlert error={error} onReload={reload} />
 */
export function ApiErrorAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const translate = useTranslate();
  if (!error) return null;
  const server = apiErrorOf(error);
  if (isApiError(error, 409)) {
    return (
      <Alert
        severity="warning"
        data-error="conflict"
        action={
          onReload ? (
            <Button color="inherit" size="small" onClick={onReload}>
              {translate('shuoshi.errors.reload')}
            </Button>
          ) : undefined
        }
      >
        <AlertTitle>{translate('shuoshi.errors.conflict_title')}</AlertTitle>
        {translate('shuoshi.errors.conflict')}
      </Alert>
    );
  }
  if (isApiError(error, 422)) {
    return (
      <Alert severity="error" data-error="refused">
        <AlertTitle>{translate('shuoshi.errors.refused_title')}</AlertTitle>
        {server?.message ?? String(error)}
      </Alert>
    );
  }
  const key = isApiError(error, 403) ? 'shuoshi.errors.forbidden' : isApiError(error, 404) ? 'shuoshi.errors.not_found' : isApiError(error, 400) ? 'shuoshi.errors.invalid' : 'shuoshi.errors.failed';
  return (
    <Alert severity="error" data-error="failed">
      <AlertTitle>{translate(key)}</AlertTitle>
      {server?.message ?? (error instanceof Error ? translate(error.message, { _: error.message }) : String(error))}
    </Alert>
  );
}
