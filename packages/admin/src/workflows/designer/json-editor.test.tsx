// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { unionGrievance } from '@shuoshi/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingDataProvider, TestAdmin } from '../../testing/test-admin.js';
import { definitionText, JsonEditor } from './json-editor.js';

afterEach(cleanup);

describe('the advanced JSON view', () => {
  it('round-trips a definition exactly: the same object, then the same text', () => {
    const text = definitionText(unionGrievance);
    const parsed: unknown = JSON.parse(text);
    expect(parsed).toEqual(unionGrievance);
    expect(definitionText(parsed)).toBe(text);
  });

  it('takes over valid JSON as typed and explains invalid JSON without losing the text', () => {
    const seen: Array<Record<string, unknown>> = [];
    render(
      <TestAdmin dataProvider={recordingDataProvider().dataProvider}>
        <JsonEditor value={unionGrievance} onChange={(next) => seen.push(next)} />
      </TestAdmin>,
    );
    const box = screen.getByTestId('json-text') as HTMLTextAreaElement;
    expect(box.value).toBe(definitionText(unionGrievance));
    const edited = box.value.replace('"职工诉求处理"', '"岔路镇职工说事"');
    fireEvent.change(box, { target: { value: edited } });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.['title']).toEqual({ zh: '岔路镇职工说事', en: unionGrievance.title.en });

    fireEvent.change(box, { target: { value: `${edited},` } });
    expect(seen).toHaveLength(1);
    expect(screen.getByText(/JSON 格式有误/)).toBeTruthy();
    expect(box.value).toBe(`${edited},`);
  });
});
