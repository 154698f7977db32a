// Request validation: every rule fails before any request, with the parameter and the allowed
// values in the message; valid params become strings only (no undefined/null on the wire).
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors.js';
import { describeInvocationResultsWire, describeInvocationsWire, stopInvocationWire } from '../../src/api/validate.js';
import type { DescribeInvocationsParams } from '../../src/api/model.js';

function failure(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.kind).toBe('validation');
    expect(e.retryable).toBe(false);
    return e;
  }
  throw new Error('expected a validation error');
}

const di = (p: Record<string, unknown>) => describeInvocationsWire(p as DescribeInvocationsParams);

describe('describeInvocationsWire', () => {
  it('maps every request parameter of the API page to its wire name, as strings', () => {
    expect(
      di({
        invokeId: 't-1',
        commandId: 'c-1',
        commandName: 'Name',
        commandType: 'RunShellScript',
        timed: true,
        invokeStatus: 'Finished',
        instanceId: 'i-1',
        contentEncoding: 'PlainText',
        includeOutput: false,
        pageNumber: 2,
        pageSize: 50,
        nextToken: 'tok',
        maxResults: 1,
      }),
    ).toEqual({
      InvokeId: 't-1',
      CommandId: 'c-1',
      CommandName: 'Name',
      CommandType: 'RunShellScript',
      Timed: 'true',
      InvokeStatus: 'Finished',
      InstanceId: 'i-1',
      ContentEncoding: 'PlainText',
      IncludeOutput: 'false',
      PageNumber: '2',
      PageSize: '50',
      NextToken: 'tok',
      MaxResults: '1',
    });
  });

  it('leaves out undefined, null and empty values', () => {
    const wire = di({ invokeId: undefined, commandId: null, commandName: '', instanceId: '  ', timed: false });
    expect(wire).toEqual({ Timed: 'false' });
    expect(Object.values(wire)).not.toContain('undefined');
    expect(di({})).toEqual({});
    expect(describeInvocationsWire(undefined)).toEqual({});
  });

  it.each([
    [{ pageSize: 0 }, 'PageSize must be an integer from 1 to 50 (got 0)'],
    [{ pageSize: 51 }, 'PageSize must be an integer from 1 to 50 (got 51)'],
    [{ pageSize: 2.5 }, 'PageSize must be an integer from 1 to 50 (got 2.5)'],
    [{ pageSize: '10' }, 'PageSize must be an integer from 1 to 50 (got "10")'],
    [{ pageNumber: 0 }, 'PageNumber must be an integer of at least 1 (got 0)'],
    [{ pageNumber: -3 }, 'PageNumber must be an integer of at least 1 (got -3)'],
    [{ pageNumber: 1.5 }, 'PageNumber must be an integer of at least 1 (got 1.5)'],
    [{ pageNumber: Number.NaN }, 'PageNumber must be an integer of at least 1 (got NaN)'],
    [{ maxResults: 0 }, 'MaxResults must be an integer from 1 to 50 (got 0)'],
    [{ maxResults: 51 }, 'MaxResults must be an integer from 1 to 50 (got 51)'],
    [{ invokeStatus: 'Success' }, 'InvokeStatus must be one of Running, Finished, Failed, PartialFailed, Stopped (got "Success")'],
    [{ contentEncoding: 'utf8' }, 'ContentEncoding must be one of PlainText, Base64 (got "utf8")'],
    [{ timed: 'yes' }, 'Timed must be true or false (got "yes")'],
    [{ includeOutput: 1 }, 'IncludeOutput must be true or false (got 1)'],
    [{ invokeId: 42 }, 'InvokeId must be a string (got 42)'],
  ])('%j is refused: %s', (params, message) => {
    expect(failure(() => di(params)).message).toBe(message);
  });

  it('accepts the bounds', () => {
    expect(di({ pageSize: 1, pageNumber: 1, maxResults: 50 })).toEqual({ PageSize: '1', PageNumber: '1', MaxResults: '50' });
    expect(di({ pageNumber: 100_000 }).PageNumber).toBe('100000');
  });

  it('takes InvokeStatus and ContentEncoding in any case and sends the canonical spelling', () => {
    expect(di({ invokeStatus: 'partialfailed', contentEncoding: 'BASE64' })).toEqual({
      InvokeStatus: 'PartialFailed',
      ContentEncoding: 'Base64',
    });
    expect(di({ contentEncoding: 'plaintext' }).ContentEncoding).toBe('PlainText');
  });

  it('refuses IncludeOutput=true without InvokeId or InstanceId', () => {
    const e = failure(() => di({ includeOutput: true, commandId: 'c-1' }));
    expect(e.message).toMatch(/IncludeOutput/);
    expect(e.message).toMatch(/InvokeId or InstanceId/);
    expect(failure(() => di({ includeOutput: true, invokeId: '' })).message).toMatch(/IncludeOutput/);
    expect(di({ includeOutput: true, invokeId: 't-1' }).IncludeOutput).toBe('true');
    expect(di({ includeOutput: true, instanceId: 'i-1' }).IncludeOutput).toBe('true');
    expect(di({ includeOutput: false }).IncludeOutput).toBe('false');
  });
});

describe('describeInvocationResultsWire', () => {
  it('maps its parameters and applies the same paging and encoding rules', () => {
    expect(
      describeInvocationResultsWire({
        invokeId: 't-1',
        instanceId: 'i-1',
        commandId: 'c-1',
        invokeRecordStatus: 'Running',
        includeHistory: true,
        contentEncoding: 'plaintext' as 'PlainText',
        pageNumber: 3,
        pageSize: 20,
        nextToken: 'n',
        maxResults: 5,
      }),
    ).toEqual({
      InvokeId: 't-1',
      InstanceId: 'i-1',
      CommandId: 'c-1',
      InvokeRecordStatus: 'Running',
      IncludeHistory: 'true',
      ContentEncoding: 'PlainText',
      PageNumber: '3',
      PageSize: '20',
      NextToken: 'n',
      MaxResults: '5',
    });
    expect(failure(() => describeInvocationResultsWire({ pageSize: 60 })).message).toBe(
      'PageSize must be an integer from 1 to 50 (got 60)',
    );
  });
});

describe('stopInvocationWire', () => {
  it('sends InstanceId.1..N', () => {
    expect(stopInvocationWire('t-1', ['i-a', 'i-b', 'i-c'])).toEqual({
      InvokeId: 't-1',
      'InstanceId.1': 'i-a',
      'InstanceId.2': 'i-b',
      'InstanceId.3': 'i-c',
    });
    expect(stopInvocationWire('t-1')).toEqual({ InvokeId: 't-1' });
  });

  it('needs an InvokeId and non-empty instance ids', () => {
    expect(failure(() => stopInvocationWire('')).message).toMatch(/InvokeId is required/);
    expect(failure(() => stopInvocationWire('t-1', ['i-a', ''])).message).toMatch(/InstanceId\.2/);
    expect(failure(() => stopInvocationWire('t-1', 'i-a' as unknown as string[])).message).toMatch(/InstanceId must be a list/);
  });
});
