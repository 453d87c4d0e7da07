import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BenchProbes, installProbes } from '../../bench/probes.ts';

describe('the benchmark’s frame probe', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('samples each frame once, even when a recording starts before the previous one’s loop has seen its stop', async () => {
    // Frames driven by hand, as a browser runs them: every callback requested for a frame gets the frame's timestamp.
    let requested: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => requested.push(callback));
    const frame = async (timestamp: number) => {
      const callbacks = requested;
      requested = [];
      for (const callback of callbacks) callback(timestamp);
      // Each sample's end is taken from a message posted in the frame.
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    installProbes();
    const probes = (window as unknown as { __bench: BenchProbes }).__bench;
    probes.startFrames();
    await frame(1);
    await frame(2);
    probes.stopFrames();
    // The next recording at once, as the benchmark's pan follows its zoom.
    probes.startFrames();
    for (const timestamp of [3, 4, 5]) await frame(timestamp);
    const starts = probes.stopFrames().map((sample) => sample.start);
    // Unpatched, the first recording's loop went on too: every frame twice, the second sample with no work.
    expect(starts).toEqual([3, 4, 5]);
  });
});
