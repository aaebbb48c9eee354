/**
 * What Backstory costs the page's main thread, attributed by the browser rather than guessed
 * from a second run without the extension (Chromium only: CDP).
 *
 * Why not the Long Animation Frames API: Chromium 156 reports `scripts[]` only for the page's
 * own (main-world) scripts. Measured on test/pages/hostile/many-elements.html: three long
 * animation frames of 100–123 ms while Backstory's first scan ran, each with `scripts: []`;
 * the page's own inline script is attributed, the content script's isolated world never is.
 *
 * What is trustworthy instead, two independent browser records on one clock (base::TimeTicks,
 * in µs; checked: V8 samples fall inside the trace's FunctionCall events of the content script
 * at offset 0 and drift out at ±0.5 ms):
 * - the trace (`toplevel`, `devtools.timeline`) gives every task the renderer's main thread ran
 *   (its outermost events, start and duration) and identifies that thread: the one where the
 *   content script's `FunctionCall`s run;
 * - the V8 sampling profiler (`Profiler`, every 250 µs) gives what JavaScript was on the stack at
 *   each sample, with each frame's script URL. A sample is Backstory's when any frame on its
 *   stack comes from the extension (`chrome-extension://<id>/…`: content.js or page-ui.js),
 *   whichever way it was entered — callbacks, observers, `scheduler.yield` continuations,
 *   which the trace alone does not attribute (microtask resumptions have no FunctionCall).
 * From these: Backstory's script time in each main-thread task (and its longest uninterrupted
 * run), and per long task (> 50 ms) how much of it was Backstory's. A long task is Backstory's
 * when its script alone took over 50 ms of it, or when the thread's own work in it (the trace's
 * thread time, `tdur`) was over 50 ms and would not have been without Backstory's share. Thread
 * time, because wall time also holds the waits of a descheduled renderer: on the shared 2-core
 * CI machine a task holding 15 ms of Backstory's script ran 51 ms on the wall, and blaming
 * Backstory for the OS's scheduling would make the check measure the machine's load. Each long
 * task's log line gives both times and what the task spent them on. Sampling undercounts work Backstory causes that leaves no JS frame on the
 * stack — the garbage collections its allocations trigger show as `(garbage collector)` — so the
 * figures are floors, within a sample (0.25 ms) per run. The other way, the sampler runs on
 * wall time: if the OS deschedules the renderer while Backstory's code is on the stack, that
 * wait counts as Backstory's — on a busy machine the figures can only err against Backstory.
 * Cross-check: on many-elements.html the content script's own `backstory:scan` measure says
 * ~185 ms of work (`detail.busy`); the profiler credits Backstory with 172–245 ms (3 runs).
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** A task over 50 ms is a long task (RAIL; SPEC: no task Backstory runs exceeds it). */
export const LONG_TASK_MS = 50;
const SAMPLING_INTERVAL_US = 250;

export interface Attribution {
  /** The longest uninterrupted run of Backstory's script within one task, ms. */
  longestRunMs: number;
  /** Backstory's script time in the task where it had the most, ms. */
  mostInOneTaskMs: number;
  /** Every main-thread task over 50 ms: its length and Backstory's share, ms. */
  longTasks: LongTask[];
  /**
   * Long tasks that are Backstory's: its script alone took over 50 ms of the task, or the task
   * would not have been long without Backstory's share.
   */
  blamed: LongTask[];
  /** Backstory's script time in main-thread tasks over the window, ms (> 0 when it worked at all). */
  totalMs: number;
  /** Main-thread tasks seen (sanity: the trace covered the window). */
  tasks: number;
}

export interface LongTask {
  /** Wall time, ms. */
  durationMs: number;
  /** Thread time, ms: the part the thread ran, not waited for the CPU. */
  cpuMs: number;
  /** Backstory's script time in it, ms. */
  backstoryMs: number;
  /** What the task spent its time on, largest first ("name ms"), for the log. */
  parts: string[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs: what the thread really ran, descheduling excluded. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

/** Records the page's main thread from `start()` until `stop()`; one recorder per page. */
export class BackstoryAttribution {
  private events: TraceEvent[] = [];
  private traced?: Promise<void>;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly extensionOrigin: string,
  ) {}

  static async start(context: BrowserContext, page: Page, extensionId: string): Promise<BackstoryAttribution> {
    const cdp = await context.newCDPSession(page);
    const recorder = new BackstoryAttribution(cdp, `chrome-extension://${extensionId}/`);
    cdp.on('Tracing.dataCollected', (batch) => {
      // Keep only what the analysis reads: a 20 s storm traces ~10⁶ events.
      for (const e of batch.value as unknown as TraceEvent[]) {
        if (e.ph === 'X') recorder.events.push({ name: e.name, ph: e.ph, ts: e.ts, dur: e.dur, tdur: e.tdur, pid: e.pid, tid: e.tid, args: e.name === 'FunctionCall' ? e.args : undefined });
      }
    });
    recorder.traced = new Promise((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: ['toplevel', 'devtools.timeline'] },
      transferMode: 'ReportEvents',
    });
    await cdp.send('Profiler.start');
    return recorder;
  }

  async stop(): Promise<Attribution> {
    const { profile } = await this.cdp.send('Profiler.stop');
    await this.cdp.send('Tracing.end');
    await this.traced;
    await this.cdp.detach().catch(() => undefined);
    return this.analyse(profile as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number });
  }

  private analyse(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number }): Attribution {
    const ours = this.oursByNode(profile.nodes);
    // Sample i covers [time[i], time[i + 1]): its weight is the gap to the next sample, capped so
    // that a pause in sampling (the profiler itself descheduled) is not credited to anyone.
    const samples: { at: number; ours: boolean; us: number }[] = [];
    let at = profile.startTime;
    profile.timeDeltas.forEach((delta, i) => {
      at += delta;
      samples.push({ at, ours: ours.has(profile.samples[i] ?? -1), us: SAMPLING_INTERVAL_US });
    });
    samples.forEach((sample, i) => {
      const next = samples[i + 1];
      if (next) sample.us = Math.min(next.at - sample.at, 4 * SAMPLING_INTERVAL_US);
    });

    // Runs are cut at task boundaries: Backstory yielding (`scheduler.yield`) and resuming in
    // the next task leaves no non-Backstory sample between the two, yet the page got its turn.
    const tasks = this.mainThreadTasks();
    let first = 0;
    let longestRun = 0;
    let mostInOneTask = 0;
    let totalUs = 0;
    const longTasks: Attribution['longTasks'] = [];
    for (const task of tasks) {
      while (first < samples.length && samples[first]!.at < task.ts) first++;
      let oursUs = 0;
      let run = 0;
      for (let i = first; i < samples.length; i++) {
        const sample = samples[i]!;
        if (sample.at >= task.ts + task.dur) break;
        if (sample.ours) {
          oursUs += sample.us;
          run += sample.us;
          longestRun = Math.max(longestRun, run);
        } else {
          run = 0;
        }
      }
      totalUs += oursUs;
      mostInOneTask = Math.max(mostInOneTask, oursUs);
      if (task.dur / 1000 > LONG_TASK_MS) {
        const parts = [...task.parts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, us]) => `${name} ${round(us / 1000)}`);
        longTasks.push({ durationMs: round(task.dur / 1000), cpuMs: round(task.cpu / 1000), backstoryMs: round(oursUs / 1000), parts });
      }
    }
    return {
      longestRunMs: round(longestRun / 1000),
      mostInOneTaskMs: round(mostInOneTask / 1000),
      longTasks,
      blamed: longTasks.filter(
        (task) =>
          task.backstoryMs > LONG_TASK_MS ||
          (task.backstoryMs > 0 && task.cpuMs > LONG_TASK_MS && task.cpuMs - task.backstoryMs <= LONG_TASK_MS),
      ),
      totalMs: round(totalUs / 1000),
      tasks: tasks.length,
    };
  }

  /** Profile nodes with a frame of Backstory's on their stack (the node or an ancestor). */
  private oursByNode(nodes: ProfileNode[]): Set<number> {
    const parent = new Map<number, ProfileNode>();
    for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node);
    const ours = new Set<number>();
    for (const node of nodes) {
      for (let at: ProfileNode | undefined = node; at; at = parent.get(at.id)) {
        if (at.callFrame.url.startsWith(this.extensionOrigin)) {
          ours.add(node.id);
          break;
        }
      }
    }
    return ours;
  }

  /**
   * Top-level tasks of the thread Backstory's content script runs on, in start order: the
   * outermost trace events there. Most are `ThreadControllerImpl::RunTask`, but Blink also runs
   * microtask checkpoints (where `scheduler.yield` continuations resume) as top-level
   * `BlinkScheduler_PerformMicrotaskCheckpoint` events outside any RunTask.
   */
  private mainThreadTasks(): MainThreadTask[] {
    const call = this.events.find((e) => e.name === 'FunctionCall' && e.args?.data?.url?.startsWith(this.extensionOrigin));
    if (!call) throw new Error('The trace shows no call into Backstory’s content script: was it running?');
    const onThread = this.events
      .filter((e) => e.pid === call.pid && e.tid === call.tid)
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const tasks: MainThreadTask[] = [];
    // The events open at the current one's start, outermost first: a task's direct children are
    // what it spent its time on (script, style, layout, GC), for the log of each long task.
    const open: TraceEvent[] = [];
    for (const e of onThread) {
      const last = tasks.at(-1);
      const end = e.ts + (e.dur ?? 0);
      while (open.length > 0 && e.ts >= open.at(-1)!.ts + (open.at(-1)!.dur ?? 0)) open.pop();
      if (last && e.ts < last.ts + last.dur) {
        if (end > last.ts + last.dur) {
          last.dur = end - last.ts;
          last.cpu += e.tdur ?? e.dur ?? 0;
        }
        if (open.length === 1) last.parts.set(e.name, (last.parts.get(e.name) ?? 0) + (e.dur ?? 0));
      } else {
        open.length = 0;
        tasks.push({ ts: e.ts, dur: e.dur ?? 0, cpu: e.tdur ?? e.dur ?? 0, parts: new Map() });
      }
      open.push(e);
    }
    return tasks;
  }
}

interface MainThreadTask {
  ts: number;
  /** Wall time, µs. */
  dur: number;
  /** Thread time, µs (wall time where the trace gives none). */
  cpu: number;
  /** Wall time of the task's direct children by event name, µs. */
  parts: Map<string, number>;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
