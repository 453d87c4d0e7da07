import { describe, expect, it } from 'vitest';
import { densityBarsPath } from '../../src/components/overview-strip.tsx';

describe('densityBarsPath', () => {
  it('draws one bar per non-empty bucket, the fullest at full height and the others in proportion', () => {
    const path = densityBarsPath([0, 4, 0, 2, 1]);
    const bars = [...path.matchAll(/M([\d.]+) ([\d.]+)h0\.8v([\d.]+)h-0\.8z/g)].map((match) => ({
      x: Number(match[1]),
      top: Number(match[2]),
      height: Number(match[3]),
    }));
    expect(bars).toEqual([
      { x: 1.1, top: 0, height: 100 },
      { x: 3.1, top: 50, height: 50 },
      { x: 4.1, top: 75, height: 25 },
    ]);
    expect(path.replace(/M[\d.]+ [\d.]+h0\.8v[\d.]+h-0\.8z/g, '')).toBe('');
  });

  it('draws nothing when no event falls in the span', () => {
    expect(densityBarsPath([0, 0, 0])).toBe('');
  });
});
