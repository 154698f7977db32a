// The memory benchmark's measured process (run by bench/memory.ts as
// `node --expose-gc bench/memoryChild.mjs CONFIG_JSON`). Plain JavaScript on tsc's build of src/
// (cfg.modules), so the figure is what the shipped app's store costs, without vite-node's own ~45 MB.
// It fills the real store through the real client from the emulator the parent runs, and prints
// one JSON line of RSS figures.
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const cfg = JSON.parse(process.argv[2]);
const { EcsClient } = await import(pathToFileURL(join(cfg.modules, 'api', 'client.js')).href);
const { createStore, DEFAULT_OUTPUT_BYTE_CAP } = await import(pathToFileURL(join(cfg.modules, 'store', 'index.js')).href);
const PAGE_SIZE = 50;

async function settledRss() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await sleep(20);
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}

/** A 24 KB, 500-line output, distinct per entry so no two share a string. */
function outputText(n) {
  const lines = [];
  for (let i = 0; i < 500; i++) lines.push(`[${n}:${String(i).padStart(3, '0')}] ${'x'.repeat(36)}`);
  let text = lines.join('\n');
  while (Buffer.byteLength(text) < cfg.outputBytes) text += '.';
  return text.slice(0, cfg.outputBytes);
}

const client = new EcsClient({
  regionId: cfg.regionId,
  endpoint: cfg.endpoint,
  credentials: { accessKeyId: cfg.accessKeyId, accessKeySecret: cfg.accessKeySecret },
  timeoutMs: 60_000,
});
const store = createStore();
const empty = await settledRss();

// Page the whole list into the store, a few requests at a time, as the poller's history load does.
const first = await client.describeInvocations({ pageNumber: 1, pageSize: PAGE_SIZE });
store.upsertInvocations(first.invocations, Date.now());
const pages = Math.ceil((first.totalCount ?? 0) / PAGE_SIZE);
let next = 2;
const loadStart = Date.now();
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (next <= pages) {
      const page = await client.describeInvocations({ pageNumber: next++, pageSize: PAGE_SIZE });
      store.upsertInvocations(page.invocations, Date.now());
    }
  }),
);
store.setTotalCount(first.totalCount, true);
const loadMs = Date.now() - loadStart;
const state = store.getState();
let instances = 0;
for (const inv of state.invocations.values()) instances += inv.instances.length;
const loaded = await settledRss();

// Outputs of the instances a user opened: 200 of 24 KB, then 2,000 more to show the LRU bound.
const keys = [];
for (const inv of state.invocations.values()) {
  for (const inst of inv.instances) keys.push([inv.invokeId, inst.instanceId]);
  if (keys.length >= cfg.outputs + cfg.extraOutputs) break;
}
const put = (from, to) => {
  for (let i = from; i < to; i++) {
    const [invokeId, instanceId] = keys[i];
    store.setOutput({ invokeId, instanceId, text: outputText(i), dropped: 0, fetchedAt: Date.now(), complete: true });
  }
};
put(0, cfg.outputs);
const withOutputs = await settledRss();
const outputBytes = store.outputBytes();
const outputCount = store.getState().outputs.size;
put(cfg.outputs, cfg.outputs + cfg.extraOutputs);
const manyOutputs = await settledRss();

process.stdout.write(
  `${JSON.stringify({
    invocations: state.invocations.size,
    instances,
    loadMs,
    empty,
    loaded,
    withOutputs,
    manyOutputs,
    outputBytes,
    outputCount,
    outputBytesAfterMany: store.outputBytes(),
    outputCountAfterMany: store.getState().outputs.size,
    outputByteCap: DEFAULT_OUTPUT_BYTE_CAP,
  })}\n`,
);
