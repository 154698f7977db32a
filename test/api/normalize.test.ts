// Wire -> model: the API page's own sample field for field, the quirks real responses have
// (lower-case statuses, FinishedTime, BigNumber exit codes, a single object for a list,
// null-prototype objects) and malformed shapes, which must raise MalformedResponse.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors.js';
import {
  normalizeInvocationResultsResponse,
  normalizeInvocationsResponse,
  normalizeStopResponse,
  type NormalizeOptions,
} from '../../src/api/normalize.js';

// Parse the way pop-core does: json-bigint, as resolved from pop-core itself.
const requireFromPop = createRequire(createRequire(import.meta.url).resolve('@alicloud/pop-core'));
const JSONbig = requireFromPop('json-bigint') as { parse(text: string): unknown };
const popParse = (text: string): unknown => JSONbig.parse(text);

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const base64: NormalizeOptions = { encoding: 'Base64', withOutput: false };
const base64Out: NormalizeOptions = { encoding: 'Base64', withOutput: true };
const plainOut: NormalizeOptions = { encoding: 'PlainText', withOutput: true };

const SAMPLE = readFileSync(new URL('./fixtures/DescribeInvocations.sample.json', import.meta.url), 'utf8');

function malformed(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.code).toBe('MalformedResponse');
    expect(e.kind).toBe('malformed');
    expect(e.retryable).toBe(true);
    return e;
  }
  throw new Error('expected MalformedResponse');
}

/** A minimal valid response around the given invocations. */
function page(invocations: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ RequestId: 'req-1', TotalCount: 1, PageNumber: 1, PageSize: 10, Invocations: { Invocation: invocations }, ...extra });
}

describe('the API page sample', () => {
  it('normalises field for field', () => {
    const result = normalizeInvocationsResponse(popParse(SAMPLE), base64);
    expect(result).toEqual({
      totalCount: 5,
      requestId: '634562E9-F291-4289-B60B-FC511A43CD34',
      pageSize: 1,
      pageNumber: 1,
      invocations: [
        {
          // "cnBtIC1xYSB8IGdyZXAgdnNm****" is Base64 with the documentation's masking.
          commandContent: 'rpm -qa | grep vsf',
          invocationStatus: 'Failed',
          invokeStatus: 'Finished',
          parameters: '{}',
          commandType: 'RunShellScript',
          timed: false,
          creationTime: Date.UTC(2020, 4, 11, 9, 1, 39),
          // Frequency "" is absent.
          commandId: 'c-hz0jdfwcsr****',
          commandName: 'AutoTest',
          invokeId: 't-hz0jdfwd9f****',
          instances: [
            {
              invokeId: 't-hz0jdfwd9f****',
              dropped: 0,
              invocationStatus: 'Failed',
              instanceId: 'i-bp1i7gg30r52z2em****',
              instanceInvokeStatus: 'Finished',
              exitCode: 1,
              errorInfo: 'the command execution exit code is not zero.',
              startTime: Date.UTC(2020, 4, 11, 9, 1, 40),
              repeats: 1,
              finishTime: Date.UTC(2020, 4, 11, 9, 1, 41),
              // Output not asked for: undefined. StopTime "": absent.
              creationTime: Date.UTC(2020, 4, 11, 9, 1, 39),
              updateTime: Date.UTC(2020, 4, 11, 9, 1, 41),
              errorCode: 'ExitCodeNonzero',
            },
          ],
        },
      ],
    });
    const inst = result.invocations[0].instances[0];
    expect('output' in inst).toBe(false);
    expect('stopTime' in inst).toBe(false);
    expect('frequency' in result.invocations[0]).toBe(false);
  });

  it('gives an empty output (not undefined) when output was asked for and is empty', () => {
    const result = normalizeInvocationsResponse(popParse(SAMPLE), base64Out);
    expect(result.invocations[0].instances[0].output).toBe('');
  });

  it('reads null-prototype objects (json-bigint) without calling Object.prototype methods', () => {
    const raw = popParse(SAMPLE) as { Invocations: { Invocation: { InvokeInstances: { InvokeInstance: object[] } }[] } };
    const invocation = raw.Invocations.Invocation[0];
    for (const level of [raw, raw.Invocations, invocation, invocation.InvokeInstances.InvokeInstance[0]]) {
      expect(Object.getPrototypeOf(level)).toBeNull();
    }
    const result = normalizeInvocationsResponse(raw, base64);
    expect(result).toEqual(normalizeInvocationsResponse(JSON.parse(SAMPLE), base64));
    expect(result.invocations[0]).toMatchObject({ invokeId: 't-hz0jdfwd9f****', commandContent: 'rpm -qa | grep vsf' });
    expect(result.invocations[0].instances[0]).toMatchObject({ instanceId: 'i-bp1i7gg30r52z2em****', exitCode: 1 });
  });
});

describe('fields and encodings', () => {
  it('decodes Base64 output and command content as UTF-8, replacing invalid bytes', () => {
    const bad = Buffer.concat([Buffer.from('ok '), Buffer.from([0xff, 0xfe]), Buffer.from(' 中文')]).toString('base64');
    const r = normalizeInvocationsResponse(
      popParse(page([{ InvokeId: 't-1', CommandContent: b64('echo 你好'), InvokeInstances: { InvokeInstance: [{ InstanceId: 'i-1', InvocationStatus: 'Success', Output: bad }] } }])),
      base64Out,
    );
    expect(r.invocations[0].commandContent).toBe('echo 你好');
    expect(r.invocations[0].instances[0].output).toBe('ok \uFFFD\uFFFD 中文');
  });

  it('keeps PlainText as it is', () => {
    const r = normalizeInvocationsResponse(
      popParse(page([{ InvokeId: 't-1', CommandContent: 'echo aGk=', InvokeInstances: { InvokeInstance: [{ InstanceId: 'i-1', InvocationStatus: 'Success', Output: 'aGk=\n' }] } }])),
      plainOut,
    );
    expect(r.invocations[0].commandContent).toBe('echo aGk=');
    expect(r.invocations[0].instances[0].output).toBe('aGk=\n');
  });

  it('keeps the newer fields when present', () => {
    const r = normalizeInvocationsResponse(
      popParse(
        page([
          {
            InvokeId: 't-1',
            Username: 'root',
            WorkingDir: '/srv',
            Timeout: 120,
            RepeatMode: 'Period',
            Launcher: 'python3',
            TerminationMode: 'ProcessTree',
            ContainerId: 'ctr-1',
            ContainerName: 'web',
            Tags: { Tag: [{ TagKey: 'env', TagValue: 'prod' }, { TagKey: '__proto__', TagValue: 'x' }] },
            Timed: 'true',
            Frequency: '0 */20 * * * *',
            InvokeInstances: {
              InvokeInstance: [
                { InstanceId: 'i-1', InvocationStatus: 'Running', ContainerId: 'ctr-1', ContainerName: 'web', OssOutputUri: 'ignored' },
              ],
            },
          },
        ]),
      ),
      base64,
    );
    const inv = r.invocations[0];
    expect(inv).toMatchObject({
      username: 'root',
      workingDir: '/srv',
      timeout: 120,
      repeatMode: 'Period',
      launcher: 'python3',
      terminationMode: 'ProcessTree',
      containerId: 'ctr-1',
      containerName: 'web',
      timed: true,
      frequency: '0 */20 * * * *',
    });
    expect(inv.tags?.env).toBe('prod');
    expect(inv.tags?.['__proto__']).toBe('x');
    expect(Object.getPrototypeOf(inv.tags)).toBeNull();
    expect(inv.instances[0]).toMatchObject({ containerId: 'ctr-1', containerName: 'web' });
  });

  it('turns invalid and empty dates into undefined', () => {
    const r = normalizeInvocationsResponse(
      popParse(page([{ InvokeId: 't-1', CreationTime: 'yesterday', InvokeInstances: { InvokeInstance: [{ InstanceId: 'i-1', InvocationStatus: 'Running', StartTime: '', UpdateTime: 12 }] } }])),
      base64,
    );
    expect(r.invocations[0].creationTime).toBeUndefined();
    expect(r.invocations[0].instances[0].startTime).toBeUndefined();
  });

  it('takes FinishedTime when FinishTime is missing', () => {
    const r = normalizeInvocationsResponse(
      popParse(page([{ InvokeId: 't-1', InvokeInstances: { InvokeInstance: [{ InstanceId: 'i-1', InvocationStatus: 'Success', FinishedTime: '2024-01-02T03:04:05Z' }] } }])),
      base64,
    );
    expect(r.invocations[0].instances[0].finishTime).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
  });

  it('accepts lower-case statuses and canonicalises them', () => {
    const r = normalizeInvocationsResponse(
      popParse(
        page([
          {
            InvokeId: 't-1',
            InvocationStatus: 'partialfailed',
            InvokeStatus: 'partialFailed',
            InvokeInstances: {
              InvokeInstance: [
                { InstanceId: 'i-1', InvocationStatus: 'success', InstanceInvokeStatus: 'finished' },
                { InstanceId: 'i-2', InvocationStatus: 'FAILED', InstanceInvokeStatus: 'failed' },
              ],
            },
          },
        ]),
      ),
      base64,
    );
    const inv = r.invocations[0];
    expect(inv.invocationStatus).toBe('PartialFailed');
    expect(inv.invokeStatus).toBe('PartialFailed');
    expect(inv.instances.map((i) => [i.invocationStatus, i.instanceInvokeStatus])).toEqual([
      ['Success', 'Finished'],
      ['Failed', 'Failed'],
    ]);
  });

  it('derives the overall status from the instances when it is missing, keeps an unknown one as sent', () => {
    const instances = { InvokeInstance: [{ InstanceId: 'i-1', InvocationStatus: 'Success' }, { InstanceId: 'i-2', InvocationStatus: 'Timeout' }] };
    const missing = normalizeInvocationsResponse(popParse(page([{ InvokeId: 't-1', InvokeInstances: instances }])), base64);
    expect(missing.invocations[0].invocationStatus).toBe('PartialFailed');
    const unknown = normalizeInvocationsResponse(popParse(page([{ InvokeId: 't-1', InvocationStatus: 'Exploded', InvokeInstances: instances }])), base64);
    expect(unknown.invocations[0]).toMatchObject({ invocationStatus: 'Unknown', statusValue: 'Exploded' });
    const stopped = normalizeInvocationsResponse(
      popParse(page([{ InvokeId: 't-1', InvocationStatus: '', InvokeInstances: { InvokeInstance: [{ InstanceId: 'i-1', InvocationStatus: 'cancelled' }] } }])),
      base64,
    );
    expect(stopped.invocations[0].invocationStatus).toBe('Stopped');
  });

  it('falls back to the legacy instance status when the per-instance progress is missing', () => {
    const r = normalizeInvocationsResponse(
      popParse(page([{ InvokeId: 't-1', InvokeInstances: { InvokeInstance: [{ InstanceId: 'i-1', InstanceInvokeStatus: 'Finished' }] } }])),
      base64,
    );
    expect(r.invocations[0].instances[0].invocationStatus).toBe('Success');
  });

  it('turns exit codes into numbers or null, including json-bigint BigNumbers', () => {
    const body =
      '{"RequestId":"r","TotalCount":1,"Invocations":{"Invocation":[{"InvokeId":"t-1","InvokeInstances":{"InvokeInstance":[' +
      '{"InstanceId":"i-1","InvocationStatus":"Failed","ExitCode":12345678901234567890},' +
      '{"InstanceId":"i-2","InvocationStatus":"Failed","ExitCode":"3"},' +
      '{"InstanceId":"i-3","InvocationStatus":"Running"},' +
      '{"InstanceId":"i-4","InvocationStatus":"Failed","ExitCode":null},' +
      '{"InstanceId":"i-5","InvocationStatus":"Failed","ExitCode":-1},' +
      '{"InstanceId":"i-6","InvocationStatus":"Failed","ExitCode":{"weird":true}}' +
      ']}}]}}';
    const raw = popParse(body) as { Invocations: { Invocation: { InvokeInstances: { InvokeInstance: { ExitCode: unknown }[] } }[] } };
    // json-bigint really produced a BigNumber object here.
    expect(typeof raw.Invocations.Invocation[0].InvokeInstances.InvokeInstance[0].ExitCode).toBe('object');
    const codes = normalizeInvocationsResponse(raw, base64).invocations[0].instances.map((i) => i.exitCode);
    expect(codes).toEqual([Number("12345678901234567890"), 3, null, null, -1, null]);
  });

  it('accepts a single object where a list belongs (XML-to-JSON)', () => {
    const r = normalizeInvocationsResponse(
      popParse(
        JSON.stringify({
          RequestId: 'r',
          TotalCount: 1,
          Invocations: { Invocation: { InvokeId: 't-1', InvokeInstances: { InvokeInstance: { InstanceId: 'i-1', InvocationStatus: 'Running' } } } },
        }),
      ),
      base64,
    );
    expect(r.invocations).toHaveLength(1);
    expect(r.invocations[0].instances[0].instanceId).toBe('i-1');
    expect(r.invocations[0].invocationStatus).toBe('Running');
  });

  it('sorts invocations by CreationTime, newest first, undated last', () => {
    const r = normalizeInvocationsResponse(
      popParse(
        page([
          { InvokeId: 't-old', CreationTime: '2024-01-01T00:00:00Z' },
          { InvokeId: 't-none' },
          { InvokeId: 't-new', CreationTime: '2024-03-01T00:00:00Z' },
          { InvokeId: 't-mid', CreationTime: '2024-02-01T00:00:00Z' },
        ]),
      ),
      base64,
    );
    expect(r.invocations.map((i) => i.invokeId)).toEqual(['t-new', 't-mid', 't-old', 't-none']);
  });

  it('reads token paging (NextToken, no TotalCount)', () => {
    const r = normalizeInvocationsResponse(
      popParse(JSON.stringify({ RequestId: 'r', NextToken: 'abc', MaxResults: 10, Invocations: { Invocation: [{ InvokeId: 't-1' }] } })),
      base64,
    );
    expect(r.nextToken).toBe('abc');
    expect(r.totalCount).toBeUndefined();
  });

  it('accepts an empty list, also without its inner key when TotalCount is 0', () => {
    expect(normalizeInvocationsResponse(popParse(page([], { TotalCount: 0 })), base64).invocations).toEqual([]);
    expect(normalizeInvocationsResponse(popParse('{"RequestId":"r","TotalCount":0,"Invocations":{}}'), base64).invocations).toEqual([]);
  });
});

describe('malformed responses', () => {
  it.each([
    ['a non-object body', '"hello"'],
    ['an array body', '[1,2]'],
    ['no Invocations', '{"RequestId":"r","TotalCount":3}'],
    ['Invocations not an object', '{"RequestId":"r","Invocations":"none"}'],
    ['Invocation a string', '{"RequestId":"r","Invocations":{"Invocation":"t-1"}}'],
    ['Invocation a number', '{"RequestId":"r","Invocations":{"Invocation":5}}'],
    ['no Invocation list while TotalCount says 3', '{"RequestId":"r","TotalCount":3,"Invocations":{}}'],
    ['an item without InvokeId', page([{ CommandId: 'c-1' }])],
    ['an item with an object InvokeId', page([{ InvokeId: { id: 't-1' } }])],
    ['an item that is a string', page(['t-1'])],
    ['an item that is null', page([null])],
    ['InvokeInstances not an object', page([{ InvokeId: 't-1', InvokeInstances: 7 }])],
    ['an instance without InstanceId', page([{ InvokeId: 't-1', InvokeInstances: { InvokeInstance: [{ InvocationStatus: 'Running' }] } }])],
  ])('%s -> MalformedResponse', (_what, body) => {
    const e = malformed(() => normalizeInvocationsResponse(popParse(body), base64));
    expect(e.message).toMatch(/^Unexpected response from the API: /);
  });

  it('names where the problem is', () => {
    const e = malformed(() => normalizeInvocationsResponse(popParse(page([{ InvokeId: 't-1' }, { CommandId: 'c' }])), base64));
    expect(e.message).toMatch(/Invocation\[1\] has no InvokeId/);
  });

  it('also for null and undefined bodies', () => {
    malformed(() => normalizeInvocationsResponse(null, base64));
    malformed(() => normalizeInvocationsResponse(undefined, base64));
    malformed(() => normalizeInvocationResultsResponse(null, base64Out));
    malformed(() => normalizeStopResponse('nope'));
  });
});

describe('DescribeInvocationResults', () => {
  const body = JSON.stringify({
    RequestId: 'req-r',
    Invocation: {
      TotalCount: 2,
      PageNumber: 1,
      PageSize: 10,
      InvocationResults: {
        InvocationResult: [
          {
            InvokeId: 't-1',
            InstanceId: 'i-1',
            CommandId: 'c-1',
            InvocationStatus: 'Success',
            InvokeRecordStatus: 'Finished',
            ExitCode: 0,
            Output: b64('done\n'),
            Dropped: 0,
            Repeats: 1,
            StartTime: '2024-01-02T03:04:00Z',
            FinishedTime: '2024-01-02T03:04:05Z',
            Username: 'root',
          },
          { InvokeId: 't-1', InstanceId: 'i-2', InvocationStatus: 'failed', ExitCode: 2, ErrorCode: 'ExitCodeNonzero', Output: '', Dropped: 10 },
        ],
      },
    },
  });

  it('normalises per-instance rows, FinishedTime included', () => {
    const r = normalizeInvocationResultsResponse(popParse(body), base64Out);
    expect(r).toMatchObject({ totalCount: 2, pageNumber: 1, pageSize: 10, requestId: 'req-r' });
    expect(r.results[0]).toEqual({
      invokeId: 't-1',
      instanceId: 'i-1',
      invocationStatus: 'Success',
      instanceInvokeStatus: 'Finished',
      exitCode: 0,
      output: 'done\n',
      dropped: 0,
      repeats: 1,
      startTime: Date.UTC(2024, 0, 2, 3, 4, 0),
      finishTime: Date.UTC(2024, 0, 2, 3, 4, 5),
    });
    expect(r.results[1]).toMatchObject({ invocationStatus: 'Failed', exitCode: 2, errorCode: 'ExitCodeNonzero', output: '', dropped: 10 });
  });

  it('refuses a response without the Invocation wrapper or with a row without InstanceId', () => {
    malformed(() => normalizeInvocationResultsResponse(popParse('{"RequestId":"r","InvocationResults":{"InvocationResult":[]}}'), base64Out));
    malformed(() =>
      normalizeInvocationResultsResponse(
        popParse('{"RequestId":"r","Invocation":{"TotalCount":1,"InvocationResults":{"InvocationResult":[{"InvokeId":"t-1","InvocationStatus":"Running"}]}}}'),
        base64Out,
      ),
    );
  });
});
