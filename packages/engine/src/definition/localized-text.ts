import { z } from 'zod';

/**
 * Zod schema of a bilingual text: Chinese first (`zh`), English (`en`).
 * @example
 * localizedTextSchema.parse({ zh: '受理', en: 'Intake' });
 */
export const localizedTextSchema = z.strictObject({
  zh: z
    .string()
    .min(1, { error: 'The Chinese text (zh) is empty: write the text users see.' })
    .describe('Chinese text, shown to users.'),
  en: z
    .string()
    .min(1, { error: 'The English text (en) is empty: write the English translation.' })
    .describe('English translation.'),
});

/**
 * A bilingual text.
 * @example
 * const t: LocalizedText = { zh: '调解', en: 'Mediation' };
 */
export type LocalizedText = z.infer<typeof localizedTextSchema>;
