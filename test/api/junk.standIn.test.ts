// Junk from the endpoint is a retryable MalformedResponse with a one-line reason, never a crash
// that stops polling; unknown statuses are kept and shown as `unknown (Value)`; unknown codes are
// unknown, whatever their name.
import { afterEach, describe, expect, it } from 'vitest';
import { EcsClient } from '../../src/api/client.js';
import { statusLabel, isFinalInstance, isFinalInvocation } from '../../src/api/status.js';
import { ERROR_INFO } from '../../src/api/wire.js';
import { HOSTILE, closeStandIns, invocationsPage, sendJson, standIn, wireInvocation, type StandInHandler } from '../helpers/standIn.js';
import { rejection } from '../helpers/apiRejection.js';

afterEach(closeStandIns);

function client(endpoint: string): EcsClient {
  return new EcsClient({ regionId: 'cn-hangzhou', endpoint, credentials: { accessKeyId: 'LTAI5tSTANDIN', accessKeySecret: 'standin-secret' } });
}

const body = (text: string): StandInHandler => (_req, res) => sendJson(res, 200, text);

describe('junk bodies', () => {
  it.each([
    ['null', HOSTILE.nullBody, /null/],
    ['JSON nested 100,000 deep', HOSTILE.deepNest, /nested too deeply/],
    ['a number out of range (1e400)', HOSTILE.hugeNumber, /number/i],
    ['a string', body('"Invocations"'), /not a JSON object/],
    ['a number', body('42'), /not a JSON object/],
    ['an array', body('[{"Invocations":{}}]'), /not a JSON object/],
    ['true', body('true'), /not a JSON object/],
    ['Invocations as a string', body('{"RequestId":"r","Invocations":"lots"}'), /Invocations/],
    ['Invocation as a number', body('{"RequestId":"r","Invocations":{"Invocation":7}}'), /not a list/],
    ['InvokeInstances as a string', body(JSON.stringify(invocationsPage([{ ...wireInvocation({ InvokeId: 't-1' }), InvokeInstances: 'x' }]))), /InvokeInstances/],
    ['Parameters nested 100,000 deep', body(`{"RequestId":"r","Invocations":{"Invocation":[{"InvokeId":"t-1","Parameters":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}]}}`), /./],
    ['broken JSON', body('{"RequestId":"r",'), /JSON/],
    ['Code as an object', body('{"RequestId":"r","Code":{"x":1},"Message":"m"}'), /wrong type/],
    ['Code as a list', body('{"RequestId":"r","Code":["Throttling"],"Message":"m"}'), /Code is not a string/],
  ])('%s: a retryable malformed response with a one-line reason', async (_what, handler, reason) => {
    const s = await standIn(handler);
    const err = await rejection(client(s.endpoint).describeInvocations({}));
    expect(err).toMatchObject({ kind: 'malformed', retryable: true });
    expect(err.code).toMatch(/^(MalformedResponse|NonJsonResponse)$/);
    expect(err.message).toMatch(reason);
    expect(err.message).not.toMatch(/\n|TypeError|RangeError|at .*\(/);
    expect(err.message.length).toBeLessThan(200);
  });
});

it('a numeric Code is an API error with that code', async () => {
  const s = await standIn((_req, res) => sendJson(res, 400, { RequestId: 'r', Code: 503, Message: 'busy' }));
  const err = await rejection(client(s.endpoint).describeInvocations({}));
  expect(err).toMatchObject({ code: '503', kind: 'api', message: 'busy', httpStatus: 400 });
});

describe('unknown statuses and codes', () => {
  it('an unknown instance status is kept, sanitised and bounded, not final, and does not reject the page', async () => {
    const weird = `Exploding\u001b]0;T\u0007${'!'.repeat(10_000)}`;
    const s = await standIn((_req, res) =>
      sendJson(
        res,
        200,
        invocationsPage([
          wireInvocation({ InvokeId: 't-odd', InvocationStatus: 'Running', instances: [{ InvocationStatus: weird, InstanceInvokeStatus: 'Weird' }, { InvocationStatus: 'Success' }] }),
          wireInvocation({ InvokeId: 't-ok' }),
        ]),
      ),
    );
    const page = await client(s.endpoint).describeInvocations({});
    expect(page.invocations.map((i) => i.invokeId).sort()).toEqual(['t-odd', 't-ok']);
    const [odd] = page.invocations.filter((i) => i.invokeId === 't-odd');
    const [inst, ok] = odd.instances;
    expect(inst.invocationStatus).toBe('Unknown');
    expect(inst.statusValue).toMatch(/^Exploding!!!/);
    expect(inst.statusValue!.length).toBeLessThan(300);
    expect(statusLabel(inst.invocationStatus, inst.statusValue)).toMatch(/^unknown \(Exploding!+… \[\d+ more\]\)$/);
    expect(isFinalInstance(inst.invocationStatus)).toBe(false);
    expect(ok.invocationStatus).toBe('Success');
  });

  it('an unknown overall status is kept with its value; the rule counts an unknown instance as not final', async () => {
    const s = await standIn((_req, res) =>
      sendJson(
        res,
        200,
        invocationsPage([
          wireInvocation({ InvokeId: 't-a', InvocationStatus: 'Paused' }),
          { ...wireInvocation({ InvokeId: 't-b', instances: [{ InvocationStatus: 'Success' }, { InvocationStatus: 'Frozen', InstanceInvokeStatus: 'Frozen' }] }), InvocationStatus: '' },
        ]),
      ),
    );
    const page = await client(s.endpoint).describeInvocations({});
    const byId = new Map(page.invocations.map((i) => [i.invokeId, i]));
    expect(byId.get('t-a')).toMatchObject({ invocationStatus: 'Unknown', statusValue: 'Paused' });
    expect(statusLabel('Unknown', 'Paused')).toBe('unknown (Paused)');
    expect(byId.get('t-b')!.invocationStatus).toBe('Unknown');
    expect(isFinalInvocation('Unknown')).toBe(false);
  });

  it('the stand-in\'s unknownStatuses page: every row kept, each unknown with its value', async () => {
    const s = await standIn(HOSTILE.unknownStatuses);
    const [inv] = (await client(s.endpoint).describeInvocations({})).invocations;
    expect(statusLabel(inv.invocationStatus, inv.statusValue)).toBe('unknown (Paused)');
    expect(inv.instances.map((i) => statusLabel(i.invocationStatus, i.statusValue))).toEqual(['unknown (Frozen)', 'unknown (__proto__)']);
    expect(inv.instances.map((i) => ERROR_INFO[i.errorCode!])).toEqual([undefined, undefined]);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('ErrorCode %s is an unknown code', async (code) => {
    const s = await standIn((_req, res) =>
      sendJson(res, 200, invocationsPage([wireInvocation({ InvokeId: 't-1', InvocationStatus: 'Failed', instances: [{ ErrorCode: code, InstanceInvokeStatus: code, InvocationStatus: code }] })])),
    );
    const [inst] = (await client(s.endpoint).describeInvocations({})).invocations[0].instances;
    expect(inst.errorCode).toBe(code);
    expect(ERROR_INFO[inst.errorCode!]).toBeUndefined();
    expect(inst.invocationStatus).toBe('Unknown');
    expect(inst.statusValue).toBe(code);
  });
});
