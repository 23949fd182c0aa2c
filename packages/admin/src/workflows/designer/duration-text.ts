import { parseDuration } from '@shuoshi/engine';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A duration such as `5wd` in words of the current language ("5 工作日", "5 working days"); an
 * unreadable text is shown as it is.
 * @example
 * durationText('5wd', translate); // '5 工作日'
 */
export function durationText(text: string, translate: Translate): string {
  const parsed = parseDuration(text);
  if (!parsed) return text;
  return translate(`shuoshi.designer.duration.${parsed.unit}`, { smart_count: parsed.amount, amount: parsed.amount });
}
