// The grouping benchmark's timed run: statuses first, then outputs a page of 50 at a time, each
// page made before the clock starts, so that the grouper's time alone is measured. bench/grouping.ts
// runs it in a fresh process (groupingChild.mjs, as it does the memory rows), where rows before it
// leave no heap to collect during it; with BENCH_BUNDLE=0, in the bench's own process.
import type * as GroupModule from '../src/group/index.js';
import type * as FleetModule from '../test/group/fleet.js';

/** Outputs a call of DescribeInvocationResults brings, and each output's size. */
export const PAGE = 50;
export const OUTPUT_BYTES = 24 * 1024;

/** The fleet's instances `first` to `first + PAGE` (fewer at `count`), with their outputs. */
export function pageOf(fleet: typeof FleetModule, first: number, count: number): ReturnType<typeof FleetModule.fleetInstance>[] {
  const page = [];
  for (let n = first; n < Math.min(count, first + PAGE); n++) page.push(fleet.fleetInstance(n, OUTPUT_BYTES));
  return page;
}

export interface GroupingRun {
  coarseMs: number;
  pageMs: number[];
  groups: number;
  masked: number;
  samples: number;
  sampleChars: number;
  /** Heap kept after GC, against before the grouper. */
  heapGrowth: number;
}

export function timeGrouping(group: typeof GroupModule, fleet: typeof FleetModule, count: number, gc: () => void): GroupingRun {
  gc();
  const before = process.memoryUsage().heapUsed;
  const grouper = group.createGrouper('masked');
  const members = Array.from({ length: count }, (_, n) => fleet.memberOf(n));
  let t0 = performance.now();
  for (const member of members) grouper.add(member);
  grouper.groups();
  const coarseMs = performance.now() - t0;
  const pageMs: number[] = [];
  for (let first = 0; first < count; first += PAGE) {
    const page = pageOf(fleet, first, count);
    t0 = performance.now();
    for (const f of page) grouper.update(f.member, f.output, f.own);
    grouper.groups();
    pageMs.push(performance.now() - t0);
  }
  gc();
  const kept = grouper.retained();
  return {
    coarseMs,
    pageMs,
    groups: grouper.groups().length,
    masked: grouper.outputsMasked,
    samples: kept.samples,
    sampleChars: kept.sampleChars,
    heapGrowth: process.memoryUsage().heapUsed - before,
  };
}
