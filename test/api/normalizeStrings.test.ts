// Strings the normaliser keeps: own copies that pin no response body, one shared copy per repeated
// value through a bounded table, and always equal to what the wire said.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { InternTable, ownString, responseStrings, DEFAULT_INTERN_CHARS, DEFAULT_INTERN_ENTRIES } from '../../src/api/intern.js';
import { normalizeInvocationResultsResponse, normalizeInvocationsResponse, type NormalizeOptions } from '../../src/api/normalize.js';
import type { InvocationPage } from '../../src/api/model.js';

const requireFromPop = createRequire(createRequire(import.meta.url).resolve('@alicloud/pop-core'));
const JSONbig = requireFromPop('json-bigint') as { parse(text: string): unknown };
const plain: NormalizeOptions = { encoding: 'PlainText', withOutput: true };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A DescribeInvocations body whose every string field is long enough for V8 to slice it. */
function body(n: number, opts: { padding?: number; invocations?: number } = {}): string {
  const invocations = Array.from({ length: opts.invocations ?? 2 }, (_, k) => ({
    InvokeId: `t-hz0jdfwd${String(n).padStart(6, '0')}${k}`,
    CommandId: `c-hz0jdfwd${String(n).padStart(6, '0')}`,
    CommandName: `nightly-backup-${n}`,
    CommandType: 'RunShellScript',
    CommandContent: `#!/bin/bash\nset -e\nbackup --target /srv/data-${n}\n`,
    Parameters: '{"target":"/srv/data"}',
    Username: 'backup-operator',
    WorkingDir: '/opt/backup/working-directory',
    InvocationStatus: 'Success',
    InvokeStatus: 'Finished',
    CreationTime: '2026-11-28T01:00:00Z',
    Tags: { Tag: [{ TagKey: 'environment-name', TagValue: 'production-cluster' }] },
    InvokeInstances: {
      InvokeInstance: [
        {
          InstanceId: `i-bp1i7gg30r52z2em${n}`,
          InvocationStatus: 'Success',
          ErrorInfo: 'the command execution exit code is not zero.',
          Output: `backup of /srv/data-${n} finished in 12 s`,
          ExitCode: 0,
        },
      ],
    },
  }));
  return JSON.stringify({
    RequestId: `634562E9-F291-4289-B60B-FC511A43${String(n).padStart(4, '0')}`,
    TotalCount: 2,
    NextToken: `AAAAAdDWBF2wPXGAQyZgq5${n}`,
    Padding: 'x'.repeat(opts.padding ?? 0),
    Invocations: { Invocation: invocations },
  });
}

describe('ownString', () => {
  it('returns the same text for short, long, non-ASCII and unpaired-surrogate strings', () => {
    const samples = ['', 'a', 'exactly-13-ch', 'x'.repeat(256), 'y'.repeat(257), '中文 output\n'.repeat(40), 'lone \uD800 surrogate \uDC00 here', 'e\u0301 🙂'];
    for (const s of samples) {
      const sliced = ('#' + s + '#').slice(1, -1);
      expect(ownString(sliced)).toBe(s);
    }
  });
});

describe('InternTable', () => {
  it('gives back an equal value and holds one entry per distinct value', () => {
    const t = new InternTable();
    const names = ['disk-usage-check', 'collect-diagnostics', 'root', '/root', ''];
    for (let round = 0; round < 100; round++) {
      for (const name of names) expect(t.intern(('#' + name).slice(1))).toBe(name);
    }
    expect(t.size).toBe(names.length);
    expect(t.chars).toBe(names.join('').length);
  });

  it('never holds more than twice its entry limit, however many distinct values pass', () => {
    const t = new InternTable({ maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) {
      expect(t.intern(`c-unique-${i}`)).toBe(`c-unique-${i}`);
      expect(t.size).toBeLessThanOrEqual(200);
    }
    expect(t.has('c-unique-9999')).toBe(true);
    expect(t.has('c-unique-0')).toBe(false);
  });

  it('never holds more than twice its character limit', () => {
    const t = new InternTable({ maxChars: 1_000 });
    for (let i = 0; i < 1_000; i++) {
      t.intern(`${i}:`.padEnd(90, 'z'));
      expect(t.chars).toBeLessThanOrEqual(2_000);
    }
  });

  it('keeps values still in use across a generation and forgets the ones not seen for one', () => {
    const t = new InternTable({ maxEntries: 2 });
    t.intern('alpha');
    t.intern('beta');
    t.intern('gamma'); // young {gamma}, old {alpha, beta}
    t.intern('alpha'); // moves to young: {gamma, alpha}, old {beta}
    t.intern('delta'); // young {delta}, old {gamma, alpha}: beta goes
    expect(['alpha', 'beta', 'gamma', 'delta'].map((s) => t.has(s))).toEqual([true, false, true, true]);
    expect(t.size).toBe(3);
  });

  it('copies values longer than its length limit without holding them', () => {
    const t = new InternTable({ maxLength: 10 });
    const long = 'long command content';
    expect(t.intern(long)).toBe(long);
    expect(t.has(long)).toBe(false);
    expect(t.size).toBe(0);
    t.clear();
    t.intern('short');
    t.clear();
    expect([t.size, t.chars]).toEqual([0, 0]);
  });

  it('the table the normaliser uses stays within its default bounds over many unique pages', () => {
    for (let n = 0; n < 6_000; n++) normalizeInvocationsResponse(JSONbig.parse(body(n, { invocations: 1 })), plain);
    // Each page brings about six new distinct values: well past one generation.
    expect(responseStrings.size).toBeLessThanOrEqual(2 * DEFAULT_INTERN_ENTRIES);
    expect(responseStrings.chars).toBeLessThanOrEqual(2 * DEFAULT_INTERN_CHARS);
    expect(responseStrings.has('backup-operator')).toBe(true);
  });
});

describe('normalised strings', () => {
  it('equal the wire values, field for field, in plain text', () => {
    const raw = JSON.parse(body(7)) as { Invocations: { Invocation: Record<string, unknown>[] }; RequestId: string; NextToken: string };
    const wire = raw.Invocations.Invocation[0];
    const wireInstance = (wire.InvokeInstances as { InvokeInstance: Record<string, unknown>[] }).InvokeInstance[0];
    const r = normalizeInvocationsResponse(JSONbig.parse(body(7)), plain);
    const inv = r.invocations.find((i) => i.invokeId === wire.InvokeId)!;
    expect(r.requestId).toBe(raw.RequestId);
    expect(r.nextToken).toBe(raw.NextToken);
    expect(inv).toMatchObject({
      commandId: wire.CommandId,
      commandName: wire.CommandName,
      commandType: wire.CommandType,
      commandContent: wire.CommandContent,
      parameters: wire.Parameters,
      username: wire.Username,
      workingDir: wire.WorkingDir,
      tags: { 'environment-name': 'production-cluster' },
    });
    expect(inv.instances[0]).toMatchObject({
      invokeId: wire.InvokeId,
      instanceId: wireInstance.InstanceId,
      errorInfo: wireInstance.ErrorInfo,
      output: wireInstance.Output,
    });
  });

  it('keep no slice of the response body alive (DescribeInvocations and DescribeInvocationResults)', () => {
    // Twenty 1 MB bodies; what is kept of them is a few hundred bytes each. A kept slice of any
    // field would keep its whole body: 20 MB.
    const MB = 1024 * 1024;
    const kept: InvocationPage[] = [];
    const keptResults: unknown[] = [];
    const before = heapAfterGc();
    for (let n = 0; n < 20; n++) {
      kept.push(normalizeInvocationsResponse(JSONbig.parse(body(1_000 + n, { padding: MB })), plain));
      const results = JSON.stringify({
        RequestId: `req-results-${n}-${'r'.repeat(20)}`,
        Padding: 'p'.repeat(MB),
        Invocation: {
          TotalCount: 1,
          InvocationResults: {
            InvocationResult: [{ InvokeId: `t-hz0jdfwd-results-${n}`, InstanceId: `i-bp1i7gg30r52z2em-results-${n}`, InvocationStatus: 'Running', Output: `partial output line ${n}` }],
          },
        },
      });
      keptResults.push(normalizeInvocationResultsResponse(JSONbig.parse(results), plain));
    }
    const grown = heapAfterGc() - before;
    expect(kept).toHaveLength(20);
    expect(keptResults).toHaveLength(20);
    expect(grown).toBeLessThan(4 * MB);
  });
});
