import { Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * A titled group of inputs in a designer form.
 * @example
 * <FormSection title="办理时限"><DurationInput ... /></FormSection>
 */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack spacing={1}>
      <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Stack>
  );
}
