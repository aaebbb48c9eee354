// @vitest-environment happy-dom
/**
 * The save confirmation: "Saved" with an Add note field that sends the note; a failed save says
 * why and offers Retry (the unsaved highlight is kept by the caller until then); no axe violations.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightToast, type HighlightToastProps } from '../../components/highlights/HighlightToast';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

function show(state: HighlightToastProps['state']) {
  const props = { state, onNote: vi.fn(), onRetry: vi.fn(), onClose: vi.fn(), onBusy: vi.fn() };
  act(() => render(<HighlightToast {...props} />, root));
  return props;
}

describe('HighlightToast', () => {
  it('confirms a save and sends the note typed into Add note', () => {
    const props = show({ kind: 'saved', quote: 'Iraq would not become a battleground', note: '' });
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Saved to Backstory.');
    const input = root.querySelector<HTMLInputElement>('input')!;
    expect(input.closest('label')!.textContent).toContain('Add note');
    input.value = '  check the date  ';
    act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
    act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(props.onNote).toHaveBeenCalledWith('check the date');
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Note saved.');
  });

  it('says why a save failed and offers Retry when retrying can help', () => {
    const props = show({ kind: 'failed', quote: 'q', error: 'Browser storage is full: free some space, then retry.', canRetry: true });
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('storage is full');
    const retry = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Retry')!;
    act(() => retry.click());
    expect(props.onRetry).toHaveBeenCalledTimes(1);
  });

  it('offers no Retry when retrying cannot help', () => {
    show({ kind: 'failed', quote: '', error: 'select some text on the page first.', canRetry: false });
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['×']);
  });

  it('has no axe violations', async () => {
    const axe = (await import('axe-core')).default;
    show({ kind: 'saved', quote: 'q', note: '' });
    const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
