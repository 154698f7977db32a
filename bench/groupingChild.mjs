// The grouping benchmark's fresh processes (run by bench/grouping.ts as
// `node --expose-gc bench/groupingChild.mjs BUNDLE COUNT group|none|time`). `time`: the timed
// run (bench/groupingRun.ts), one JSON line of its figures. `group`, `none`: the same outputs
// made a page of 50 at a time, grouped or only made, then one JSON line of RSS and heap growth
// after GC; run both ways, the difference is what grouping holds and grows.
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

const [bundle, countText, mode] = process.argv.slice(2);
const { group, fleet, run } = await import(pathToFileURL(bundle).href);
const count = Number(countText);
if (mode === 'time') {
  process.stdout.write(`${JSON.stringify(run.timeGrouping(group, fleet, count, globalThis.gc))}\n`);
  process.exit(0);
}

async function settled() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await sleep(20);
  }
  return process.memoryUsage();
}

const before = await settled();
const grouper = group.createGrouper('masked');
for (let n = 0; n < count; n++) grouper.add(fleet.memberOf(n));
let made = 0;
for (let first = 0; first < count; first += run.PAGE) {
  const page = run.pageOf(fleet, first, count);
  for (const f of page) {
    made += f.output.length;
    if (mode === 'group') grouper.update(f.member, f.output, f.own);
  }
}
const groups = grouper.groups().length;
const after = await settled();
process.stdout.write(`${JSON.stringify({ rss: after.rss - before.rss, heap: after.heapUsed - before.heapUsed, groups, made })}\n`);
