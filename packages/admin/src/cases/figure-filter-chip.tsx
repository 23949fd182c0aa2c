import CancelIcon from '@mui/icons-material/Cancel';
import { Box, Chip } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { isCaseFigure } from './case-figures.js';

/**
 * The dashboard figure a cases list is narrowed to, as a chip above the rows ("统计口径：按时办结",
 * with the days the cases were opened); deleting it lists the cases without the figure. Shows
 * nothing when the list has no figure filter.
 * @example
 * <List><FigureFilterChip /><Datagrid>...</Datagrid></List>
 */
export function FigureFilterChip() {
  const translate = useTranslate();
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const figure: unknown = filterValues['figure'];
  if (!isCaseFigure(figure)) return null;
  const name = translate(`shuoshi.figures.${figure}`);
  const from = typeof filterValues['openedFrom'] === 'string' ? filterValues['openedFrom'] : undefined;
  const to = typeof filterValues['openedTo'] === 'string' ? filterValues['openedTo'] : undefined;
  const label = from && to ? translate('shuoshi.figures.chip_period', { figure: name, from, to }) : translate('shuoshi.figures.chip', { figure: name });
  const clear = () => {
    setFilters(Object.fromEntries(Object.entries(filterValues as Record<string, unknown>).filter(([key]) => key !== 'figure')), displayedFilters);
  };
  return (
    <Box sx={{ px: 2, pt: 1.5 }}>
      <Chip color="primary" variant="outlined" label={label} onDelete={clear} deleteIcon={<CancelIcon titleAccess={translate('shuoshi.figures.clear')} />} data-figure-filter={figure} />
    </Box>
  );
}
