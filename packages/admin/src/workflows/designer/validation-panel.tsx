import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import WarningIcon from '@mui/icons-material/Warning';
import { Alert, List, ListItemButton, ListItemIcon, ListItemText, Paper, Typography } from '@mui/material';
import type { Workflow } from '@shuoshi/engine';
import { useLocaleState, useTranslate } from 'react-admin';
import type { DiagramTarget } from './diagram-target.js';
import { issueSentence } from './issue-sentence.js';
import { issueTarget } from './issue-target.js';
import { renderMessage } from './message-ref.js';
import type { DesignerIssue } from './use-live-validation.js';

/**
 * The live list of validation issues: each with its kind and a whole sentence in the current
 * language naming the state, event or field by its title and saying how to fix it; below, small,
 * the engine's English message (in the Chinese panel, for developers, and whenever the sentence is
 * a general one) and the path. A click selects the state, transition or field at fault.
 * @example
 * <ValidationPanel issues={issues} workflow={workflow} onSelect={select} />
 */
export function ValidationPanel({ issues, workflow, pending, onSelect }: { issues: readonly DesignerIssue[]; workflow: Workflow; pending: boolean; onSelect(target: DiagramTarget): void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const english = locale.startsWith('en');
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <Paper variant="outlined" sx={{ p: 1 }} data-testid="validation-panel">
      <Typography variant="subtitle2" sx={{ px: 1 }}>
        {translate('shuoshi.designer.validation.title')}
        {pending ? ` · ${translate('shuoshi.designer.validation.checking')}` : ''}
      </Typography>
      {issues.length === 0 ? (
        <Alert icon={<CheckCircleIcon />} severity="success" sx={{ mt: 1 }} data-testid="validation-ok">
          {translate('shuoshi.designer.validation.ok')}
        </Alert>
      ) : (
        <>
          <Typography variant="body2" color={errors > 0 ? 'error' : 'text.secondary'} sx={{ px: 1 }}>
            {translate('shuoshi.designer.validation.count', { smart_count: issues.length, errors })}
          </Typography>
          <List dense sx={{ maxHeight: 400, overflow: 'auto' }}>
            {issues.map((issue, index) => {
              const sentence = issueSentence(issue, workflow, locale);
              return (
                <ListItemButton key={`${issue.path}-${issue.code}-${index}`} onClick={() => onSelect(issueTarget(issue.segments, workflow))} data-testid="validation-issue" data-code={issue.code}>
                  <ListItemIcon sx={{ minWidth: 32 }}>{issue.severity === 'error' ? <ErrorIcon color="error" fontSize="small" /> : <WarningIcon color="warning" fontSize="small" />}</ListItemIcon>
                  <ListItemText
                    primary={translate(`shuoshi.designer.code.${issue.code}`, { _: issue.code })}
                    secondary={
                      <>
                        <Typography component="span" variant="body2" color="text.primary" sx={{ display: 'block' }} data-testid="validation-sentence">
                          {renderMessage(sentence, translate)}
                        </Typography>
                        {!english || sentence.general ? (
                          <Typography component="span" variant="caption" lang="en" sx={{ display: 'block', mt: 0.5 }} data-testid="validation-detail">
                            {issue.message}
                          </Typography>
                        ) : null}
                        <Typography component="span" variant="caption" sx={{ display: 'block', fontFamily: 'monospace' }}>
                          {issue.path}
                        </Typography>
                      </>
                    }
                  />
                </ListItemButton>
              );
            })}
          </List>
        </>
      )}
    </Paper>
  );
}
