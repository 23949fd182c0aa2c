type Translate = (key: string, options?: Record<string, unknown>) => string;

const DURATION = /^(\d{1,4}(?:\.\d{1,2})?)(wd|wh|d|h|m)$/;

/**
 * A duration of the workflow language in words ("5wd" -> "5 个工作日"); undefined for any other text.
 * @example
 * durationWords('5wd', translate); // '5 个工作日'
 */
export function durationWords(text: string, translate: Translate): string | undefined {
  const match = DURATION.exec(text);
  return match ? translate(`shuoshi.workflows.duration_${match[2]}`, { n: match[1] }) : undefined;
}
