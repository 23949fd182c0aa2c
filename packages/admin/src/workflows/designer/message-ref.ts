/**
 * A parameter of a message: a plain text or number, another message (rendered first), or a list
 * (joined with the language's separator).
 * @example
 * const param: MessageParam = { list: ['medator', { key: 'shuoshi.roles.mediator' }] };
 */
export type MessageParam = string | number | MessageRef | { list: readonly MessageParam[] };

/**
 * An i18n key with its parameters, rendered later in the current language; `fallback` is shown
 * when the key has no text (a code or value the panel does not name).
 * @example
 * const ref: MessageRef = { key: 'shuoshi.validation.place.state', params: { state: '调解' } };
 */
export interface MessageRef {
  key: string;
  params?: Record<string, MessageParam>;
  fallback?: string;
}

/**
 * The translate function of react-admin (or of any polyglot provider), as renderMessage needs it.
 * @example
 * const translate: Translate = useTranslate();
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const MAX_TEXT = 60;
const MAX_ITEMS = 8;

function shorten(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/**
 * Turns a value the engine quotes into a message parameter: texts as they are (shortened when
 * long), lists item by item, other objects as JSON; nothing gives the empty text.
 * @example
 * valueParam(['wages', 'injury']); // { list: ['wages', 'injury'] }
 */
export function valueParam(value: unknown): MessageParam {
  if (value === undefined) return '';
  if (typeof value === 'string') return shorten(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items: MessageParam[] = value.slice(0, MAX_ITEMS).map(valueParam);
    return { list: value.length > MAX_ITEMS ? [...items, '…'] : items };
  }
  try {
    return shorten(JSON.stringify(value) ?? String(value));
  } catch {
    return shorten(String(value));
  }
}

function renderParam(param: MessageParam, translate: Translate): string | number {
  if (typeof param === 'string' || typeof param === 'number') return param;
  if ('list' in param) return param.list.map((item) => String(renderParam(item, translate))).join(translate('shuoshi.validation.separator'));
  return renderMessage(param, translate);
}

/**
 * Renders a message with its parameters, the nested messages first, in the translator's language.
 * @example
 * renderMessage({ key: 'shuoshi.validation.place.state', params: { state: '调解' } }, translate); // '环节“调解”'
 */
export function renderMessage(ref: MessageRef, translate: Translate): string {
  const options: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(ref.params ?? {})) options[name] = renderParam(param, translate);
  if (ref.fallback !== undefined) options['_'] = ref.fallback;
  return translate(ref.key, options);
}
