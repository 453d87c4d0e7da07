// In-page instruments, installed before any page script runs. Plain browser code: the function is sent as text.
// Times are performance.now(), i.e. milliseconds since navigation start.

export interface FrameSample {
  /** The frame's start (its requestAnimationFrame timestamp). */
  readonly start: number;
  /** When the frame's work (callbacks, style, layout, paint) was done. */
  readonly done: number;
}

export interface BenchProbes {
  /** The end of the first frame that showed the timeline (visible) with at least one item. */
  firstItemsAt: number | undefined;
  /** Time of the last DOM change anywhere in the page. */
  lastMutationAt: number;
  /** Resolves after the next frame's work is done, with that time. */
  afterNextFrame(): Promise<number>;
  /** Waits until no DOM change for `quietFrames` frames; resolves with the end of the last frame that changed it. */
  settled(since: number, quietFrames: number, limitMs: number): Promise<number>;
  startFrames(): void;
  stopFrames(): FrameSample[];
  /** Timestamp of the last trusted input event of the type (click, keydown) seen by the page. */
  lastInput: Record<string, number>;
}

export function installProbes(): void {
  const frames: FrameSample[] = [];
  // Each recording has its own loop, ended by the next start or stop: a loop left from the previous recording (stopped,
  // but waiting for its next frame) must not go on sampling, or every frame is counted twice, the second with no work.
  let recording = 0;
  const afterFrame = (callback: (done: number) => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(0);
  };
  const probes: BenchProbes = {
    firstItemsAt: undefined,
    lastMutationAt: 0,
    lastInput: {},
    afterNextFrame: () => new Promise((resolve) => requestAnimationFrame(() => afterFrame(resolve))),
    async settled(since, quietFrames, limitMs) {
      let lastChange = since;
      let quiet = 0;
      while (quiet < quietFrames && performance.now() - since < limitMs) {
        const before = probes.lastMutationAt;
        const done = await probes.afterNextFrame();
        if (probes.lastMutationAt !== before || probes.lastMutationAt > lastChange) {
          lastChange = done;
          quiet = 0;
        } else {
          quiet += 1;
        }
      }
      return lastChange;
    },
    startFrames() {
      frames.length = 0;
      const recordingNow = ++recording;
      const loop = (start: number) => {
        if (recording !== recordingNow) return;
        afterFrame((done) => frames.push({ start, done }));
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    },
    stopFrames() {
      recording += 1;
      return frames.slice();
    },
  };
  Object.assign(window, { __bench: probes });

  for (const type of ['click', 'keydown']) {
    addEventListener(type, (event) => {
      if (event.isTrusted) probes.lastInput[type] = event.timeStamp;
    }, { capture: true });
  }
  new MutationObserver(() => {
    probes.lastMutationAt = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });

  // The first frame that shows items: vis-timeline keeps its root hidden until its first complete draw.
  const watch = () => {
    const root = document.querySelector<HTMLElement>('.vis-timeline');
    if (root && root.style.visibility !== 'hidden' && root.querySelector('.vis-item')) {
      afterFrame((done) => {
        probes.firstItemsAt = done;
      });
      return;
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

/** The init script: tsx names inner functions with a `__name` helper that pages do not have. */
export const PROBES_SCRIPT = `var __name = (f) => f; (${installProbes.toString()})();`;
