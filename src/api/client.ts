// The ECS Cloud Assistant client: validated, typed calls over @alicloud/pop-core 1.8's RPCClient.
// Every call is a POST (under GET pop-core puts the signed URL, keys and token included, into its
// error messages), with explicit timeouts and string-only params. It never retries: the poller does.
// Every response is bounded in size and time by a guard on its request (./transport.ts).
import type { Agent } from 'node:http';
import { createRequire } from 'node:module';
import {
  invokeCommandWire,
  normalizeStartedResponse,
  runCommandWire,
  type CommandsApi,
  type InvokeCommandParams,
  type RunCommandParams,
  type StartedInvocation,
} from './commands.js';
import { ApiError } from './errors.js';
import {
  describeCloudAssistantStatusWire,
  describeInstancesWire,
  normalizeCloudAssistantStatusResponse,
  normalizeInstancesResponse,
  type AgentsPage,
  type InstancesApi,
  type InstancesPage,
} from './instances.js';
import type {
  DescribeInvocationResultsParams,
  DescribeInvocationsParams,
  InvocationPage,
  InvocationResultPage,
  InvocationsApi,
} from './model.js';
import {
  malformed,
  normalizeInvocationResultsResponse,
  normalizeInvocationsResponse,
  normalizeStopResponse,
} from './normalize.js';
import { redact } from './redact.js';
import { normalizeRegionsResponse } from './regions.js';
import { CredentialsFailure, httpStatusError, toApiError } from './toApiError.js';
import { CallGuard, guardedAgent } from './transport.js';
import {
  describeInvocationResultsWire,
  describeInvocationsWire,
  regionIdWire,
  responseEncoding,
  stopInvocationWire,
  type WireParams,
} from './validate.js';
import { API_VERSION } from './wire.js';

export interface StaticCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** What pop-core 1.8's `credentialsProvider` calls (e.g. @alicloud/credentials' providers). */
export interface CredentialsProviderLike {
  getCredentials(): Promise<{ accessKeyId?: string; accessKeySecret?: string; securityToken?: string }>;
}

export interface EcsClientOptions {
  regionId: string;
  /** `https://ecs.<region>.aliyuncs.com`, or the emulator's `http://127.0.0.1:<port>`. */
  endpoint: string;
  credentials: StaticCredentials | { provider: CredentialsProviderLike };
  /** Time allowed for a call, in ms (default 10,000). See `requestOptions` for why it is one number. */
  timeoutMs?: number;
  userAgent?: string;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

// pop-core ships no typings (and @alicloud/credentials' lag): our own narrow view of it.
interface PopEntry {
  response?: { statusCode?: number; headers?: Record<string, unknown> };
}
interface PopRequestOptions {
  method: 'POST';
  timeout: number;
  readTimeout: number;
  connectTimeout: number;
  headers?: Record<string, string>;
  /** Both handed by pop-core to httpx, `beforeRequest` with the options for http.request. */
  agent?: Agent;
  beforeRequest?: (options: Record<PropertyKey, unknown>) => Record<PropertyKey, unknown>;
}
interface PopRpcClient {
  request(action: string, params: WireParams, opts: PopRequestOptions): Promise<[unknown, PopEntry]>;
}
type PopRpcClientCtor = new (
  config: { endpoint: string; apiVersion: string; credentialsProvider: CredentialsProviderLike },
  verbose: boolean,
) => PopRpcClient;

const require = createRequire(import.meta.url);
// The RPC client alone: the package's index also loads its ROA client, and with it xml2js (a
// noticeable part of a status line's start-up).
const RPCClient = require('@alicloud/pop-core/lib/rpc') as PopRpcClientCtor;

function missingCredentials(message: string): ApiError {
  return new ApiError({ code: 'MissingCredentials', kind: 'credentials', retryable: false, message });
}

export class EcsClient implements InvocationsApi, InstancesApi, CommandsApi {
  readonly regionId: string;
  readonly endpoint: string;
  private readonly rpc: PopRpcClient;
  private readonly requestOptions: PopRequestOptions;
  private readonly timeoutMs: number;
  private readonly source: CredentialsProviderLike;
  /** The last credentials used: redacted from every error text. */
  private secrets: (string | undefined)[] = [];
  private sent = 0;

  constructor(opts: EcsClientOptions) {
    this.regionId = regionIdWire(opts.regionId);
    if (typeof opts.endpoint !== 'string' || !/^https?:\/\/[^\s/?#]+\/?$/i.test(opts.endpoint)) {
      throw new ApiError({
        code: 'InvalidEndpoint',
        kind: 'validation',
        retryable: false,
        message: 'The endpoint must be http(s)://host[:port] with no path, e.g. https://ecs.cn-hangzhou.aliyuncs.com',
      });
    }
    this.endpoint = opts.endpoint.replace(/\/$/, '');

    const creds = opts.credentials;
    if (creds && 'provider' in creds) {
      if (!creds.provider || typeof creds.provider.getCredentials !== 'function') {
        throw missingCredentials('The credentials provider has no getCredentials() method');
      }
      this.source = creds.provider;
    } else {
      if (!creds || !creds.accessKeyId || !creds.accessKeySecret) {
        throw missingCredentials('An AccessKeyId and an AccessKeySecret are both required');
      }
      const fixed = { accessKeyId: creds.accessKeyId, accessKeySecret: creds.accessKeySecret, securityToken: creds.securityToken };
      this.secrets = [fixed.accessKeyId, fixed.accessKeySecret, fixed.securityToken];
      this.source = { getCredentials: async () => fixed };
    }

    const ms = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isFinite(ms) || ms <= 0) {
      throw new ApiError({ code: 'InvalidParameter', kind: 'validation', retryable: false, message: `timeoutMs must be a positive number of milliseconds (got ${ms})` });
    }
    // httpx (under pop-core) gives `connectTimeout` to http.request as the *socket idle* timeout,
    // which keeps running while the response is awaited: a connect timeout shorter than the read
    // timeout would cut every slow answer short. So both are the same number.
    this.timeoutMs = ms;
    const agent = guardedAgent(this.endpoint.toLowerCase().startsWith('https:'));
    this.requestOptions = { method: 'POST', timeout: ms, readTimeout: ms, connectTimeout: ms, agent };
    if (opts.userAgent) {
      // pop-core replaces its whole default header set when `headers` is given: restate it.
      this.requestOptions.headers = { 'user-agent': opts.userAgent, 'x-acs-version': API_VERSION };
    }

    this.rpc = new RPCClient(
      { endpoint: this.endpoint, apiVersion: API_VERSION, credentialsProvider: { getCredentials: () => this.credentials() } },
      true,
    );
  }

  /** Requests sent so far (failed validation or credentials send nothing). */
  get calls(): number {
    return this.sent;
  }

  async describeInvocations(params: DescribeInvocationsParams = {}): Promise<InvocationPage> {
    const wire = describeInvocationsWire(params);
    const json = await this.call('DescribeInvocations', wire);
    return readBody(() => normalizeInvocationsResponse(json, { encoding: responseEncoding(wire), withOutput: wire.IncludeOutput === 'true' }));
  }

  async describeInvocationResults(params: DescribeInvocationResultsParams = {}): Promise<InvocationResultPage> {
    const wire = describeInvocationResultsWire(params);
    const json = await this.call('DescribeInvocationResults', wire);
    return readBody(() => normalizeInvocationResultsResponse(json, { encoding: responseEncoding(wire), withOutput: true }));
  }

  async stopInvocation(invokeId: string, instanceIds?: string[]): Promise<{ requestId: string }> {
    const wire = stopInvocationWire(invokeId, instanceIds);
    const json = await this.call('StopInvocation', wire);
    return readBody(() => normalizeStopResponse(json));
  }

  /** A registered command again on up to 100 instances; InvalidCommandId.NotFound once it is deleted. */
  async invokeCommand(params: InvokeCommandParams): Promise<StartedInvocation> {
    const json = await this.call('InvokeCommand', invokeCommandWire(params));
    return readBody(() => normalizeStartedResponse(json));
  }

  /** A script given inline on up to 100 instances. */
  async runCommand(params: RunCommandParams): Promise<StartedInvocation> {
    const json = await this.call('RunCommand', runCommandWire(params));
    return readBody(() => normalizeStartedResponse(json));
  }

  /** Names, IPs, status and tags of up to 100 instances; released ones are simply not returned. */
  async describeInstances(instanceIds: readonly string[]): Promise<InstancesPage> {
    const json = await this.call('DescribeInstances', describeInstancesWire(instanceIds));
    return readBody(() => normalizeInstancesResponse(json));
  }

  /** The Cloud Assistant agent's state on up to 50 instances. */
  async describeCloudAssistantStatus(instanceIds: readonly string[]): Promise<AgentsPage> {
    const json = await this.call('DescribeCloudAssistantStatus', describeCloudAssistantStatusWire(instanceIds));
    return readBody(() => normalizeCloudAssistantStatusResponse(json));
  }

  /** The ids of the regions the account can use (`--region all`). */
  async describeRegions(): Promise<string[]> {
    const json = await this.call('DescribeRegions', {});
    return readBody(() => normalizeRegionsResponse(json));
  }

  /** pop-core asks for credentials on every request; a failure must not leak or look retryable. */
  private async credentials(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken?: string }> {
    let c: Awaited<ReturnType<CredentialsProviderLike['getCredentials']>>;
    try {
      c = await this.source.getCredentials();
    } catch (err) {
      const reason = err instanceof Error && err.name === 'CredentialsError' ? err.message : describeProviderFailure(err);
      throw new CredentialsFailure(reason);
    }
    if (!c || !c.accessKeyId || !c.accessKeySecret) {
      // pop-core would send the request unsigned.
      throw new CredentialsFailure('The credentials provider returned no AccessKeyId/AccessKeySecret');
    }
    this.secrets = [c.accessKeyId, c.accessKeySecret, c.securityToken];
    // pop-core sends the request right after this returns: count it here, so that a call that
    // failed for want of credentials is not counted as sent.
    this.sent++;
    return { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken || undefined };
  }

  private async call(action: string, wire: WireParams): Promise<unknown> {
    const params: WireParams = { RegionId: this.regionId, ...wire };
    const opts: PopRequestOptions = { ...this.requestOptions };
    if (opts.headers) opts.headers = { ...opts.headers, 'x-acs-action': action };
    const guard = new CallGuard({ timeoutMs: this.timeoutMs });
    opts.beforeRequest = guard.tag;
    let result: [unknown, PopEntry];
    try {
      result = await Promise.race([this.rpc.request(action, params, opts), guard.failure]);
    } catch (err) {
      throw toApiError(err, this.secrets);
    } finally {
      guard.done();
    }
    const [json, entry] = result;
    const status = entry?.response?.statusCode;
    if (typeof status === 'number' && status >= 400) {
      throw httpStatusError(status, json, entry.response?.headers, this.secrets);
    }
    return json;
  }
}

/** Normalisation raises MalformedResponse; anything else it hits on junk (a RangeError) is junk too. */
function readBody<T>(normalize: () => T): T {
  try {
    return normalize();
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw malformed(err instanceof RangeError ? 'the body is nested too deeply' : 'the body could not be read');
  }
}

function describeProviderFailure(err: unknown): string {
  const detail = err instanceof Error ? redact(err.message) : '';
  return `Could not get credentials from the credentials provider${detail ? `: ${detail}` : ''}`;
}
