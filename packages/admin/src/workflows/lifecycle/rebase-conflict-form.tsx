import { Alert, FormControlLabel, Radio, RadioGroup, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useLocalized } from '../../i18n/use-localized.js';
import { describeChange, formatValue, type TitledWorkflow } from './describe-change.js';
import type { RebaseConflict, Resolutions } from './workflow-api.js';

// Conflicts that are about one node or property of the overlay, which keeping or dropping settles.
const RESOLVABLE = new Set(['BOTH_CHANGED', 'BOTH_ADDED', 'REMOVED_IN_TEMPLATE', 'LOCKED_NODE']);
// The template forbids these outright: only its side can be taken.
const TEMPLATE_ONLY = new Set(['LOCKED_NODE']);

/**
 * Tells whether a conflict can be settled in the form (keep mine / take the template's); others
 * (validation problems of the result) must be fixed in the designer.
 * @example
 * isResolvable({ code: 'BOTH_CHANGED', path: 'states.triage.sla', message: '' }); // true
 */
export function isResolvable(conflict: RebaseConflict): boolean {
  return RESOLVABLE.has(conflict.code) && !conflict.path.startsWith('workflow.');
}

/**
 * The first choice for each conflict: the template's side where only it is allowed, none otherwise.
 * @example
 * initialResolutions([{ code: 'LOCKED_NODE', path: 'states.closed', message: '' }]); // { 'states.closed': 'template' }
 */
export function initialResolutions(conflicts: readonly RebaseConflict[]): Resolutions {
  return Object.fromEntries(conflicts.filter((c) => TEMPLATE_ONLY.has(c.code) && isResolvable(c)).map((c) => [c.path, 'template' as const]));
}

/**
 * The rebase conflicts in words, each with the old template's, the new template's and the
 * township's value side by side and a choice: keep mine, or take the template's.
 * @example
 * <RebaseConflictForm conflicts={conflicts} template={v2} mine={draft} value={resolutions} onChange={setResolutions} />
 */
export function RebaseConflictForm({ conflicts, template, mine, value, onChange }: { conflicts: readonly RebaseConflict[]; template: TitledWorkflow; mine: TitledWorkflow; value: Resolutions; onChange: (next: Resolutions) => void }) {
  const translate = useTranslate();
  const l = useLocalized();
  const ctx = { before: template, after: mine, translate, l };
  return (
    <Table size="small" aria-label={translate('shuoshi.workflows.rebase_conflicts')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('shuoshi.workflows.diff_subject')}</TableCell>
          <TableCell>{translate('shuoshi.workflows.rebase_base')}</TableCell>
          <TableCell>{translate('shuoshi.workflows.rebase_template')}</TableCell>
          <TableCell>{translate('shuoshi.workflows.rebase_mine')}</TableCell>
          <TableCell>{translate('shuoshi.workflows.rebase_choice')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {conflicts.map((conflict) => {
          const words = describeChange({ kind: 'changed', path: conflict.path.replace(/^workflow\./, ''), ...(conflict.segments ? { segments: conflict.segments } : {}) }, ctx);
          const resolvable = isResolvable(conflict);
          return (
            <TableRow key={`${conflict.code}:${conflict.path}`} data-conflict={conflict.code} data-path={conflict.path}>
              <TableCell>
                <Typography variant="body2">{`${words.subject} › ${words.property}`}</Typography>
                <Typography variant="caption" color="text.secondary">{translate(`shuoshi.workflows.conflict_${RESOLVABLE.has(conflict.code) ? conflict.code : 'OTHER'}`)}</Typography>
              </TableCell>
              <TableCell>{formatValue(conflict.base, ctx)}</TableCell>
              <TableCell>{formatValue(conflict.template, ctx)}</TableCell>
              <TableCell>{formatValue(conflict.overlay, ctx)}</TableCell>
              <TableCell>
                {resolvable ? (
                  <RadioGroup value={value[conflict.path] ?? ''} onChange={(e) => onChange({ ...value, [conflict.path]: e.target.value === 'mine' ? 'mine' : 'template' })}>
                    <FormControlLabel value="mine" control={<Radio size="small" />} label={translate('shuoshi.workflows.keep_mine')} disabled={TEMPLATE_ONLY.has(conflict.code)} />
                    <FormControlLabel value="template" control={<Radio size="small" />} label={translate('shuoshi.workflows.take_template')} />
                  </RadioGroup>
                ) : (
                  <Alert severity="error" icon={false}>{conflict.message}</Alert>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
