import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { AccordionSummary, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * The header of one entry in an id-keyed accordion list (fields, named entries, warning rules):
 * its name in bold, its id in monospace, and whatever marks the list adds before (a lock) or after
 * them (chips).
 * @example
 * <Accordion expanded={open} onChange={toggle}><EntrySummary id="wage_arrears" name="欠薪诉求" before={<Chip label="黄色预警" />} /><AccordionDetails>…</AccordionDetails></Accordion>
 */
export function EntrySummary({ id, name, before, children }: { id: string; name: string; before?: ReactNode; children?: ReactNode }) {
  return (
    <AccordionSummary expandIcon={<ExpandMoreIcon />}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flex: 1 }}>
        {before}
        <Typography sx={{ fontWeight: 600 }}>{name}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
          {id}
        </Typography>
        {children}
      </Stack>
    </AccordionSummary>
  );
}
