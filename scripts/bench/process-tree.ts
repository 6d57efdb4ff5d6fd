/**
 * Peak memory of a child's descendants (Chromium's processes under a build), sampled from
 * `/proc`: proportional set size (`Pss` in `smaps_rollup`), so that pages Chromium's processes
 * share are counted once in all rather than once per process.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Samples a process tree's memory until stopped. */
export interface TreeSampler {
  /** Stops sampling (takes one last sample first) and returns the peak in KB, null if none. */
  stop(): number | null;
}

/**
 * Every ~`intervalMs`, finds the descendants of `root` (not `root` itself) by their parent ids
 * and sums their memory. Returns a sampler whose peak is null where `/proc` is not there.
 */
export function sampleDescendants(root: number, intervalMs = 100): TreeSampler {
  let peak: number | null = null;
  const sample = () => {
    const total = descendantsKb(root);
    if (total !== null && (peak === null || total > peak)) peak = total;
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** The summed memory (KB) of `root`'s descendants now: 0 when it has none, null without /proc. */
export function descendantsKb(root: number): number | null {
  const parents = parentIds();
  if (!parents) return null;
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const siblings = children.get(ppid);
    if (siblings) siblings.push(pid);
    else children.set(ppid, [pid]);
  }
  let total = 0;
  const queue = [...(children.get(root) ?? [])];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    total += memoryKb(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Each process's parent id, from `/proc/<pid>/stat`; null where `/proc` cannot be read. */
function parentIds(): Map<number, number> | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const parents = new Map<number, number>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOrNull(`/proc/${entry}/stat`);
    // The command name (2nd field) is in parentheses and may hold spaces: read after the last ')'.
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (Number.isFinite(ppid)) parents.set(Number(entry), ppid);
  }
  return parents;
}

/** A process's `Pss` in KB, else its `VmRSS`, else 0 (it may have exited meanwhile). */
function memoryKb(pid: number): number {
  const pss = /^Pss:\s+(\d+) kB/m.exec(readOrNull(`/proc/${pid}/smaps_rollup`) ?? '');
  if (pss) return Number(pss[1]);
  const rss = /^VmRSS:\s+(\d+) kB/m.exec(readOrNull(`/proc/${pid}/status`) ?? '');
  return rss ? Number(rss[1]) : 0;
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
