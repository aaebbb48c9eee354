// Which frames Backstory reads: the top page and same-origin frames, never cross-origin ones.
import { shouldRunInThisFrame } from '../../entrypoints/content/frames';

const frame = (top: unknown, origin = 'https://news.example') => {
  const win = { location: { origin }, top } as unknown as Window;
  return win;
};

test('the top page runs', () => {
  const win = { location: { origin: 'https://news.example' } } as unknown as { top: unknown; location: unknown };
  win.top = win;
  expect(shouldRunInThisFrame(win as unknown as Window)).toBe(true);
});

test('a same-origin frame runs, a cross-origin one does not', () => {
  expect(shouldRunInThisFrame(frame({ location: { origin: 'https://news.example' } }))).toBe(true);
  expect(shouldRunInThisFrame(frame({ location: { origin: 'https://ads.example' } }))).toBe(false);
  const crossOriginTop = {
    get location(): never {
      throw new DOMException('Blocked a frame with origin', 'SecurityError');
    },
  };
  expect(shouldRunInThisFrame(frame(crossOriginTop))).toBe(false);
});
