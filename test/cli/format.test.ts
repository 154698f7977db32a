import { describe, expect, it } from 'vitest';
import type { InstanceResult, Invocation } from '../../src/api/model.js';
import { instanceProblem, invocationTable, jsonLine, statusBreakdown, timeCell } from '../../src/cli/format.js';
import { displayWidth } from '../../src/text/index.js';

function instance(status: InstanceResult['invocationStatus'], over: Partial<InstanceResult> = {}): InstanceResult {
  return { invokeId: 't-1', instanceId: 'i-1', invocationStatus: status, exitCode: null, dropped: 0, repeats: 1, ...over };
}

function invocation(invokeId: string, commandName: string, creationTime: number, instances: InstanceResult[]): Invocation {
  return { invokeId, commandName, creationTime, timed: false, invocationStatus: 'Success', instances };
}

describe('invocationTable', () => {
  it('aligns columns by terminal cells with wide characters, and cuts long names at 40 cells', () => {
    const table = invocationTable([
      invocation('t-a', '磁盘检查', Date.UTC(2026, 10, 28, 1, 0, 0), [instance('Success')]),
      invocation('t-b', 'x'.repeat(70), Date.UTC(2026, 10, 28, 2, 0, 0), [instance('Failed'), instance('Running'), instance('Cancelled')]),
    ]);
    const lines = table.trimEnd().split('\n');
    const cols = lines.map((l) => displayWidth(l.slice(0, l.search(/CREATED|2026-/))));
    expect(new Set(cols).size).toBe(1);
    expect(lines[1]).toContain(`${'x'.repeat(39)}…`);
    expect(lines[1].split(/\s{2,}/).slice(3, 8)).toEqual(['3', '0', '1', '1', '1']);
    expect(lines[2]).toContain('磁盘检查');
    expect(lines[2]).toContain('2026-11-28T01:00:00Z');
  });
});

describe('progress lines', () => {
  it('counts instance statuses in the API order', () => {
    expect(statusBreakdown([instance('Running'), instance('Success'), instance('Pending'), instance('Success')])).toBe(
      '4 instances: 1 Pending, 1 Running, 2 Success',
    );
    expect(statusBreakdown([instance('Stopped')])).toBe('1 instance: 1 Stopped');
  });

  it('explains a failed instance in one safe line', () => {
    expect(instanceProblem(instance('Failed', { instanceId: 'i-bp1', errorCode: 'ExitCodeNonzero', exitCode: 2, errorInfo: 'bad\u001b]0;x\u0007 exit' }))).toBe(
      'i-bp1 Failed, ExitCodeNonzero, exit code 2: bad exit',
    );
  });

  it('prints times as UTC seconds, and a dash when unknown', () => {
    expect(timeCell(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe('2026-01-02T03:04:05Z');
    expect(timeCell(undefined)).toBe('-');
    // Past what a Date holds: a dash, not a RangeError.
    expect(timeCell(9e15)).toBe('-');
  });
});

describe('jsonLine', () => {
  it('escapes C0, DEL, C1 and the JS line separators, and round-trips', () => {
    const value = { s: 'a\u001b[2Jb\u0007c\u007fd\u0085e\u009bf\u2028g\u2029h' };
    const line = jsonLine(value);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(JSON.parse(line)).toEqual(value);
  });

  it('escapes bidi, zero-width and invisible characters as \\uXXXX, keeping the same value', () => {
    const hidden = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\uFEFF', '\u2060', '\u00AD', '\u061C', '\u{E0041}'];
    const value = { commandName: `rm -rf /${hidden.join('x')} 中文 ✅`, instances: [{ output: '\u202Etxt.exe\n' }] };
    const line = jsonLine(value);
    for (const c of hidden) expect(line).not.toContain(c);
    expect(line).toContain('\\u202e');
    expect(line).toContain('\\udb40\\udc41');
    expect(line).toContain('中文 ✅');
    expect(JSON.parse(line)).toEqual(value);
  });

  it('gives times as ISO 8601 UTC strings, as the API does, not epoch milliseconds', () => {
    const at = Date.UTC(2026, 10, 28, 1, 2, 3);
    const inv = invocation('t-1', 'x', at, [instance('Success', { startTime: at, finishTime: at + 1500, updateTime: at })]);
    const doc = JSON.parse(jsonLine(inv));
    expect(doc.creationTime).toBe('2026-11-28T01:02:03Z');
    expect(doc.instances[0]).toMatchObject({ startTime: '2026-11-28T01:02:03Z', finishTime: '2026-11-28T01:02:04.500Z', updateTime: '2026-11-28T01:02:03Z' });
    expect(doc.instances[0]).not.toHaveProperty('stopTime');
    expect(doc.instances[0].exitCode).toBeNull();
  });
});
