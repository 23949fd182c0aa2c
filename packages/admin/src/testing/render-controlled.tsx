import { render } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { recordingDataProvider, TestAdmin } from './test-admin.js';

/**
 * Renders a controlled editor under test in the panel's context, holding its value in state as
 * the form around it would and recording every value it reports: `last()` is the latest,
 * `count()` how many it reported.
 * @example
 * const { last } = renderControlled<string[] | undefined>(undefined, (value, onChange) => <TagsInput label="标签" name="tags" value={value} onChange={onChange} />);
 */
export function renderControlled<T>(initial: T, editor: (value: T, onChange: (next: T) => void) => ReactNode): { last(): T | undefined; count(): number } {
  const seen: T[] = [];
  function Harness() {
    // Initial value and update as functions, so that a value which is itself a function is stored, not called.
    const [value, setValue] = useState<T>(() => initial);
    return editor(value, (next) => {
      seen.push(next);
      setValue(() => next);
    });
  }
  render(
    <TestAdmin dataProvider={recordingDataProvider().dataProvider}>
      <Harness />
    </TestAdmin>,
  );
  return { last: () => seen[seen.length - 1], count: () => seen.length };
}
