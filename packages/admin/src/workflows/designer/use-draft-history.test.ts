// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { COALESCE_MS, draftHistoryReducer, emptyDraftHistory, HISTORY_LIMIT, useDraftHistory, type DraftHistory, type DraftHistoryAction } from './use-draft-history.js';

afterEach(cleanup);

type Draft = { title: string };

function run(...actions: Array<DraftHistoryAction<Draft>>): DraftHistory<Draft> {
  return actions.reduce(draftHistoryReducer<Draft>, emptyDraftHistory<Draft>());
}

const load = (title: string, source = 'chalu-grievance@1'): DraftHistoryAction<Draft> => ({ type: 'load', draft: { title }, source });
const edit = (title: string, at = 0, target?: string): DraftHistoryAction<Draft> => ({ type: 'edit', draft: { title }, at, ...(target ? { target } : {}) });

// A key pressed on the page (or in an element, from where it bubbles up to the page), as the user would.
function press(init: KeyboardEventInit, target: EventTarget = window): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true }));
  });
}

describe('the history of drafts', () => {
  it('undoes and redoes edits one at a time', () => {
    const edited = run(load('a'), edit('b'), edit('c'));
    expect(edited.present).toEqual({ title: 'c' });
    const undone = run(load('a'), edit('b'), edit('c'), { type: 'undo' }, { type: 'undo' });
    expect(undone.present).toEqual({ title: 'a' });
    expect(undone.past).toEqual([]);
    expect(draftHistoryReducer(undone, { type: 'undo' })).toBe(undone);
    const redone = draftHistoryReducer(undone, { type: 'redo' });
    expect(redone.present).toEqual({ title: 'b' });
    expect(redone.future).toEqual([{ title: 'c' }]);
  });

  it('forgets what was undone once a new edit is made', () => {
    const history = run(load('a'), edit('b'), { type: 'undo' }, edit('x'));
    expect(history.present).toEqual({ title: 'x' });
    expect(history.future).toEqual([]);
    expect(draftHistoryReducer(history, { type: 'redo' })).toBe(history);
  });

  it('makes one step of quick typing in one text box, and a new step after a pause or in another box', () => {
    const typed = run(load(''), edit('商', 0, 'name'), edit('商会', 200, 'name'), edit('商会调解', 650, 'name'));
    expect(typed.past).toEqual([{ title: '' }]);
    expect(draftHistoryReducer(typed, { type: 'undo' }).present).toEqual({ title: '' });
    const paused = run(load(''), edit('商', 0, 'name'), edit('商会', COALESCE_MS + 1, 'name'));
    expect(paused.past).toEqual([{ title: '' }, { title: '商' }]);
    const elsewhere = run(load(''), edit('商', 0, 'name'), edit('商c', 10, 'english'));
    expect(elsewhere.past).toHaveLength(2);
    // Clicks and picks carry no target: each is its own step.
    expect(run(load(''), edit('a', 0), edit('b', 1)).past).toHaveLength(2);
  });

  it('keeps at most the last HISTORY_LIMIT drafts', () => {
    const actions = Array.from({ length: HISTORY_LIMIT + 20 }, (_, i) => edit(String(i + 1)));
    const history = run(load('0'), ...actions);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]).toEqual({ title: '20' });
  });

  it('starts afresh for another version, and takes a reload of the same one without a step', () => {
    const other = run(load('a'), edit('b'), load('z', 'chalu-grievance@2'));
    expect(other).toMatchObject({ past: [], present: { title: 'z' }, future: [] });
    const saved = run(load('a'), edit('b'), load('b'));
    expect(saved.past).toEqual([{ title: 'a' }]);
    const resaved = run(load('a'), edit('b'), load('b2'));
    expect(resaved).toMatchObject({ past: [{ title: 'a' }], present: { title: 'b2' } });
    expect(run(load('a'), edit('a')).past).toEqual([]);
  });
});

// The hook with a version loaded ({ title: 'a' }) and one edit made to it ({ title: 'b' }).
function editedOnce(enabled: boolean) {
  const { result } = renderHook(() => useDraftHistory<Draft>(enabled));
  act(() => result.current.load({ title: 'a' }, 'x@1'));
  act(() => result.current.change({ title: 'b' }));
  return result;
}

describe('useDraftHistory', () => {
  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z or Ctrl+Y, but leaves text boxes to the browser', () => {
    const result = editedOnce(true);
    expect(result.current.canUndo).toBe(true);
    press({ key: 'z', ctrlKey: true });
    expect(result.current.draft).toEqual({ title: 'a' });
    expect(result.current.canRedo).toBe(true);
    press({ key: 'Z', ctrlKey: true, shiftKey: true });
    expect(result.current.draft).toEqual({ title: 'b' });
    press({ key: 'z', metaKey: true });
    press({ key: 'y', ctrlKey: true });
    expect(result.current.draft).toEqual({ title: 'b' });

    const input = document.createElement('input');
    document.body.append(input);
    press({ key: 'z', ctrlKey: true }, input);
    expect(result.current.draft).toEqual({ title: 'b' });
    input.remove();
  });

  it('coalesces typing in the focused text box', () => {
    const { result } = renderHook(() => useDraftHistory<Draft>(true));
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    act(() => result.current.load({ title: '' }, 'x@1'));
    act(() => result.current.change({ title: '商' }));
    act(() => result.current.change({ title: '商会' }));
    act(() => result.current.undo());
    expect(result.current.draft).toEqual({ title: '' });
    input.remove();
  });

  it('does nothing while read-only', () => {
    const result = editedOnce(false);
    expect(result.current.canUndo).toBe(false);
    press({ key: 'z', ctrlKey: true });
    act(() => result.current.undo());
    expect(result.current.draft).toEqual({ title: 'b' });
  });
});
