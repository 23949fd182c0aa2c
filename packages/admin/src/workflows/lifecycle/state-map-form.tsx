import { MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { LocalizedText } from '../../api/types.js';
import { useLocalized } from '../../i18n/use-localized.js';

/**
 * The states of a workflow the mapping form needs: titles and whether each is final.
 * @example
 * const states: MappableStates = { triage: { title: { zh: '研判', en: 'Triage' } } };
 */
export type MappableStates = Record<string, { title: LocalizedText; final?: boolean }>;

/**
 * The first state map: each old state to the new state of the same name, when there is one.
 * @example
 * defaultStateMap({ a: t, gone: t }, { a: t }); // { a: 'a', gone: '' }
 */
export function defaultStateMap(from: MappableStates, to: MappableStates): Record<string, string> {
  return Object.fromEntries(Object.keys(from).filter((id) => !from[id]?.final).map((id) => [id, Object.hasOwn(to, id) ? id : '']));
}

/**
 * Old states left without a new one (cases in them could not move).
 * @example
 * unmappedStates({ a: 'a', gone: '' }); // ['gone']
 */
export function unmappedStates(map: Record<string, string>): string[] {
  return Object.entries(map).filter(([, target]) => target === '').map(([source]) => source);
}

/**
 * A form mapping every open state of the old version to a state of the new one, with the titles of
 * both; an old state without a counterpart is flagged until it is mapped.
 * @example
 * <StateMapForm from={v1.states} to={v2.states} value={map} onChange={setMap} />
 */
export function StateMapForm({ from, to, value, onChange, counts }: { from: MappableStates; to: MappableStates; value: Record<string, string>; onChange: (map: Record<string, string>) => void; counts?: Record<string, number> }) {
  const translate = useTranslate();
  const l = useLocalized();
  return (
    <Table size="small" aria-label={translate('shuoshi.workflows.map_title')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('shuoshi.workflows.map_old_state')}</TableCell>
          <TableCell>{translate('shuoshi.workflows.map_new_state')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {Object.keys(value).map((source) => {
          const target = value[source] ?? '';
          const missing = target === '';
          return (
            <TableRow key={source} data-map-row={source}>
              <TableCell>
                {l(from[source]?.title)} <small>({source})</small>
                {counts?.[source] !== undefined && <small> · {translate('shuoshi.workflows.cases_count', { count: counts[source] })}</small>}
              </TableCell>
              <TableCell>
                <TextField
                  select
                  size="small"
                  fullWidth
                  value={target}
                  error={missing}
                  helperText={missing ? translate('shuoshi.workflows.map_missing', { state: l(from[source]?.title) }) : ' '}
                  onChange={(e) => onChange({ ...value, [source]: e.target.value })}
                  inputProps={{ 'aria-label': translate('shuoshi.workflows.map_target_of', { state: l(from[source]?.title) }) }}
                >
                  {Object.entries(to).map(([id, state]) => (
                    <MenuItem key={id} value={id}>
                      {`${l(state.title)} (${id})`}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
