import { deepEqual } from '@shuoshi/engine';
import { useCallback, useEffect, useReducer } from 'react';

/**
 * How many earlier drafts undo can go back to.
 * @example
 * HISTORY_LIMIT; // 100
 */
export const HISTORY_LIMIT = 100;

/**
 * Edits of one text box closer together than this (ms) make one undo step, not one per keystroke.
 * @example
 * COALESCE_MS; // 500
 */
export const COALESCE_MS = 500;

/**
 * The drafts undo and redo move between, around the one shown (`present`); `source` names what
 * was loaded (a workflow version), `last` the target and time of the latest edit.
 * @example
 * const history: DraftHistory<Workflow> = emptyDraftHistory();
 */
export interface DraftHistory<T> {
  source: string | undefined;
  past: T[];
  present: T | undefined;
  future: T[];
  last?: { target: unknown; at: number };
}

/**
 * What happens to the history: a draft loaded from the server, an edit (with the element it was
 * typed in, if any, and when), an undo or a redo.
 * @example
 * const action: DraftHistoryAction<Workflow> = { type: 'edit', draft: next, target: input, at: Date.now() };
 */
export type DraftHistoryAction<T> =
  | { type: 'load'; draft: T; source: string }
  | { type: 'edit'; draft: T; target?: unknown; at: number }
  | { type: 'undo' }
  | { type: 'redo' };

/**
 * A history with nothing loaded yet.
 * @example
 * emptyDraftHistory<Workflow>().present; // undefined
 */
export function emptyDraftHistory<T>(): DraftHistory<T> {
  return { source: undefined, past: [], present: undefined, future: [] };
}

/**
 * The pure history of drafts: edits push the draft they replace (at most HISTORY_LIMIT kept), an
 * edit of the same target within COALESCE_MS replaces the draft instead, undo and redo move one
 * step; loading another source starts afresh, reloading the same one (after a save) replaces the
 * draft without a step.
 * @example
 * let h = draftHistoryReducer(emptyDraftHistory<string>(), { type: 'load', draft: 'a', source: 'x@1' });
 * h = draftHistoryReducer(h, { type: 'edit', draft: 'b', at: 0 });
 * draftHistoryReducer(h, { type: 'undo' }).present; // 'a'
 */
export function draftHistoryReducer<T>(state: DraftHistory<T>, action: DraftHistoryAction<T>): DraftHistory<T> {
  switch (action.type) {
    case 'load':
      if (action.source !== state.source || state.present === undefined) return { source: action.source, past: [], present: action.draft, future: [] };
      return deepEqual(action.draft, state.present) ? state : { ...state, present: action.draft, last: undefined };
    case 'edit': {
      // An edit that changes nothing (a select set to its value again) is no step to undo.
      if (state.present === undefined || action.draft === state.present || deepEqual(action.draft, state.present)) return state;
      const last = action.target === undefined ? undefined : { target: action.target, at: action.at };
      const { last: previous } = state;
      if (last && previous && previous.target === last.target && last.at - previous.at < COALESCE_MS) {
        return { ...state, present: action.draft, future: [], last };
      }
      return { ...state, past: [...state.past, state.present].slice(-HISTORY_LIMIT), present: action.draft, future: [], last };
    }
    case 'undo': {
      const previous = state.past.at(-1);
      if (previous === undefined || state.present === undefined) return state;
      return { ...state, past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future], last: undefined };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (next === undefined || state.present === undefined) return state;
      return { ...state, past: [...state.past, state.present].slice(-HISTORY_LIMIT), present: next, future: rest, last: undefined };
    }
    default:
      return state;
  }
}

const TEXT_INPUTS: ReadonlySet<string> = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number']);

/**
 * Tells whether an element takes typed text (a text box, a text area, an editable region), where
 * Ctrl+Z belongs to the browser's own undo.
 * @example
 * isTextEntry(document.activeElement); // true while typing a state's name
 */
export function isTextEntry(element: unknown): element is HTMLElement {
  if (typeof HTMLElement === 'undefined' || !(element instanceof HTMLElement)) return false;
  if (element instanceof HTMLTextAreaElement) return true;
  if (element instanceof HTMLInputElement) return TEXT_INPUTS.has(element.type);
  return element.isContentEditable;
}

/**
 * The designer's draft with undo and redo: `change` records an edit (typing in one text box
 * coalesces into one step), `load` takes a version from the server; while `enabled`, Ctrl/⌘+Z
 * undoes and Ctrl/⌘+Shift+Z or Ctrl+Y redoes, except in text boxes (the browser's own undo).
 * @example
 * const { draft, load, change, undo, redo, canUndo, canRedo } = useDraftHistory<Workflow>(detail?.status === 'draft');
 */
export function useDraftHistory<T>(enabled: boolean): {
  draft: T | undefined;
  load(draft: T, source: string): void;
  change(next: T): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
} {
  const [state, dispatch] = useReducer(draftHistoryReducer<T>, undefined, () => emptyDraftHistory<T>());
  const load = useCallback((draft: T, source: string) => dispatch({ type: 'load', draft, source }), []);
  const change = useCallback((next: T) => {
    const focused = typeof document === 'undefined' ? undefined : document.activeElement;
    dispatch({ type: 'edit', draft: next, at: Date.now(), ...(isTextEntry(focused) ? { target: focused } : {}) });
  }, []);
  const undo = useCallback(() => {
    if (enabled) dispatch({ type: 'undo' });
  }, [enabled]);
  const redo = useCallback(() => {
    if (enabled) dispatch({ type: 'redo' });
  }, [enabled]);
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey) || isTextEntry(event.target)) return;
      const key = event.key.toLowerCase();
      const redoing = (key === 'z' && event.shiftKey) || (key === 'y' && event.ctrlKey && !event.shiftKey);
      if (key !== 'z' && !redoing) return;
      event.preventDefault();
      dispatch({ type: redoing ? 'redo' : 'undo' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
  return { draft: state.present, load, change, undo, redo, canUndo: enabled && state.past.length > 0, canRedo: enabled && state.future.length > 0 };
}
