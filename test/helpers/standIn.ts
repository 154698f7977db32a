// A loopback stand-in for the ECS endpoint that answers exactly what a test tells it to: the
// responses our emulator would never send (old records, lying page counts, endless or huge
// bodies, junk JSON, hostile fields). Signatures are not checked; every request is recorded.
// Hostile responses live in `HOSTILE` by name, so the next finding is one more entry there.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface StandInRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** The RPC parameters, from the POST form (and the query string). */
  params: URLSearchParams;
  action: string;
}

/** What a handler does with one request: it owns `res` (it may stream, trickle or never end). */
export type StandInHandler = (req: StandInRequest, res: http.ServerResponse, n: number) => void;

export interface StandIn {
  endpoint: string;
  /** Every request received, in order. */
  seen: StandInRequest[];
  /** Requests per action. */
  count(action?: string): number;
  /** Sockets currently open (a test of socket clean-up reads this). */
  openSockets(): number;
  /** Resolves once no socket is open (at once if none is). */
  idle(): Promise<void>;
  /** Replace the handler (e.g. take the endpoint down, then bring it back). */
  handle(handler: StandInHandler): void;
  close(): Promise<void>;
}

const running = new Set<StandIn>();

/** Close every stand-in a test left open (call from afterEach). */
export async function closeStandIns(): Promise<void> {
  await Promise.all([...running].map((s) => s.close()));
}

/** Serve `handler` on 127.0.0.1 at a free port. */
export async function standIn(handler: StandInHandler): Promise<StandIn> {
  let current = handler;
  const seen: StandInRequest[] = [];
  const sockets = new Set<Socket>();
  let idleWaiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const params = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
      for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) params.set(k, v);
      const r: StandInRequest = { method: req.method ?? '', url, headers: req.headers, params, action: params.get('Action') ?? '' };
      seen.push(r);
      current(r, res, seen.length);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => {
      sockets.delete(s);
      if (sockets.size === 0) {
        for (const w of idleWaiters) w();
        idleWaiters = [];
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let closed: Promise<void> | undefined;
  const s: StandIn = {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    count: (action) => (action ? seen.filter((r) => r.action === action).length : seen.length),
    openSockets: () => sockets.size,
    idle: () => (sockets.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    handle(h) {
      current = h;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        running.delete(s);
        for (const sock of sockets) sock.destroy();
        server.close(() => resolve());
      });
      return closed;
    },
  };
  running.add(s);
  return s;
}

// ---- response builders -------------------------------------------------------------------

let requestSeq = 0;
const requestId = () => `STANDIN-${String(++requestSeq).padStart(6, '0')}`;

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
  res.end(text);
}

/** An API error body as the service sends it. */
export function apiErrorBody(code: string, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { RequestId: requestId(), HostId: 'ecs.aliyuncs.com', Code: code, Message: message, ...extra };
}

export interface WireInstanceSeed {
  InstanceId?: string;
  InvocationStatus?: string;
  InstanceInvokeStatus?: string;
  ExitCode?: number;
  [field: string]: unknown;
}

export interface WireInvocationSeed {
  InvokeId: string;
  /** ISO time; default now. */
  CreationTime?: string;
  InvocationStatus?: string;
  InvokeStatus?: string;
  instances?: WireInstanceSeed[];
  [field: string]: unknown;
}

/** One invocation in the documented wire shape; fields not given take plain defaults. */
export function wireInvocation(seed: WireInvocationSeed): Record<string, unknown> {
  const { instances, ...fields } = seed;
  const created = seed.CreationTime ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const status = seed.InvocationStatus ?? 'Success';
  const inst = (instances ?? [{}]).map((i, n) => ({
    InstanceId: `i-standin${String(n).padStart(4, '0')}`,
    InvocationStatus: status,
    InstanceInvokeStatus: status === 'Success' ? 'Finished' : status,
    ExitCode: status === 'Success' ? 0 : 1,
    CreationTime: created,
    StartTime: created,
    FinishTime: created,
    UpdateTime: created,
    Repeats: 1,
    Dropped: 0,
    ...i,
  }));
  return {
    CommandId: 'c-standin0001',
    CommandName: 'stand-in',
    CommandType: 'RunShellScript',
    CommandContent: Buffer.from('echo hi').toString('base64'),
    Frequency: '',
    Timed: false,
    RepeatMode: 'Once',
    Parameters: '{}',
    Username: 'root',
    InvokeStatus: status === 'Success' ? 'Finished' : status,
    ...fields,
    CreationTime: created,
    InvocationStatus: status,
    InvokeInstances: { InvokeInstance: inst },
  };
}

/** A DescribeInvocations page body. `TotalCount: undefined` leaves the field out. */
export function invocationsPage(
  invocations: Record<string, unknown>[],
  page: { PageNumber?: number; PageSize?: number; TotalCount?: number; NextToken?: string } = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    RequestId: requestId(),
    PageNumber: page.PageNumber ?? 1,
    PageSize: page.PageSize ?? 50,
    Invocations: { Invocation: invocations },
  };
  if ('TotalCount' in page ? page.TotalCount !== undefined : true) body.TotalCount = page.TotalCount ?? invocations.length;
  if (page.NextToken !== undefined) body.NextToken = page.NextToken;
  return body;
}

/**
 * A fixed set of invocations served honestly by DescribeInvocations: PageNumber/PageSize
 * paging, InvokeId and InvokeStatus=Running filters. Enough protocol for the live poller and
 * `--once`; anything else answers an empty page.
 */
export function serveInvocations(all: Record<string, unknown>[]): StandInHandler {
  return (req, res) => {
    if (req.action !== 'DescribeInvocations') return sendJson(res, 200, invocationsPage([]));
    let rows = all;
    const id = req.params.get('InvokeId');
    if (id) rows = rows.filter((r) => r.InvokeId === id);
    if (req.params.get('InvokeStatus') === 'Running') rows = rows.filter((r) => r.InvokeStatus === 'Running');
    const size = Number(req.params.get('PageSize') ?? 10);
    const number = Number(req.params.get('PageNumber') ?? 1);
    const slice = rows.slice((number - 1) * size, number * size);
    sendJson(res, 200, invocationsPage(slice, { PageNumber: number, PageSize: size, TotalCount: rows.length }));
  };
}

/** `serveInvocations(all)`, with InvokeCommand and RunCommand answered by `commands`. */
export function serveCommands(all: Record<string, unknown>[], commands: StandInHandler): StandInHandler {
  const listing = serveInvocations(all);
  return (req, res, n) => (req.action === 'InvokeCommand' || req.action === 'RunCommand' ? commands(req, res, n) : listing(req, res, n));
}

/** One DescribeInvocationResults row (a run on an instance) in the wire shape. */
export function wireRun(seed: { InvokeId: string; InstanceId: string; start: number; ExitCode?: number; [field: string]: unknown }): Record<string, unknown> {
  const { start, ...fields } = seed;
  const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const failed = (seed.ExitCode ?? 0) !== 0;
  return {
    CommandId: 'c-standin0001',
    InvocationStatus: failed ? 'Failed' : 'Success',
    InvokeRecordStatus: 'Finished',
    ExitCode: 0,
    ErrorCode: failed ? 'ExitCodeNonzero' : '',
    Output: Buffer.from('ok\n').toString('base64'),
    Dropped: 0,
    Repeats: 1,
    StartTime: iso(start),
    FinishedTime: iso(start + 1000),
    ...fields,
  };
}

/** A DescribeInvocationResults page body with token paging (an empty NextToken: the last page). */
export function runsPage(rows: Record<string, unknown>[], nextToken = ''): Record<string, unknown> {
  return { RequestId: requestId(), Invocation: { NextToken: nextToken, MaxResults: 50, InvocationResults: { InvocationResult: rows } } };
}

/** `n` final invocations created `ageMs` before `now` and one minute apart, newest first. */
export function oldInvocations(n: number, ageMs: number, now = Date.now()): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, k) =>
    wireInvocation({
      InvokeId: `t-old${String(k).padStart(5, '0')}`,
      CreationTime: new Date(now - ageMs - k * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      CommandName: `old-run-${k}`,
    }),
  );
}

// ---- hostile responses by name -----------------------------------------------------------

export const HOSTILE = {
  /** DescribeRegions with ids no region has: a terminal escape, a host name with a path, one twice, a number. */
  junkRegions: ((_req, res) =>
    sendJson(res, 200, {
      RequestId: requestId(),
      Regions: {
        Region: [
          { RegionId: 'cn-hangzhou' },
          { RegionId: 'cn-\u001b[2Jevil' },
          { RegionId: 'evil.example.com/x' },
          { RegionId: 42 },
          { RegionId: 'cn-hangzhou' },
          { RegionId: 'ap-southeast-1' },
        ],
      },
    })) as StandInHandler,
  /** DescribeRegions listing nothing. */
  noRegions: ((_req, res) => sendJson(res, 200, { RequestId: requestId(), Regions: { Region: [] } })) as StandInHandler,
  /** Run history that answers the same runs and the same NextToken on every page. */
  runsTokenLoop: ((req, res) =>
    req.action === 'DescribeInvocationResults'
      ? sendJson(res, 200, runsPage([wireRun({ InvokeId: 't-loop', InstanceId: 'i-loop', start: Date.UTC(2026, 0, 1) })], 'same-token'))
      : sendJson(res, 200, invocationsPage([]))) as StandInHandler,
  /** Full pages of the same ids whatever PageNumber says, with a TotalCount that never ends. */
  lyingTotalCount: ((_req, res) =>
    sendJson(
      res,
      200,
      invocationsPage(
        Array.from({ length: 50 }, (_, k) => wireInvocation({ InvokeId: `t-same${k}` })),
        { TotalCount: 1_000_000 },
      ),
    )) as StandInHandler,
  /** Full pages of the same ids, no TotalCount at all. */
  pagesWithoutTotal: ((_req, res) =>
    sendJson(
      res,
      200,
      invocationsPage(
        Array.from({ length: 50 }, (_, k) => wireInvocation({ InvokeId: `t-same${k}` })),
        { TotalCount: undefined },
      ),
    )) as StandInHandler,
  /** Full pages of ids never seen before on every request, with a TotalCount of 1e9. */
  freshPagesForever: (() => {
    let served = 0;
    return ((_req, res) => {
      const page = Array.from({ length: 50 }, () => wireInvocation({ InvokeId: `t-fresh${String(++served).padStart(8, '0')}` }));
      sendJson(res, 200, invocationsPage(page, { TotalCount: 1_000_000_000 }));
    }) as StandInHandler;
  })(),
  /** Full pages of ids never seen before, all in progress, with TotalCount 1e9; by InvokeId: nothing. */
  freshPagesHugeTotal: (() => {
    let next = 0;
    return ((req, res) => {
      if (req.params.get('InvokeId')) return sendJson(res, 200, invocationsPage([], { TotalCount: 0 }));
      const page = Array.from({ length: 50 }, () =>
        wireInvocation({ InvokeId: `t-fresh${String(next++).padStart(8, '0')}`, InvocationStatus: 'Running', InvokeStatus: 'Running' }),
      );
      sendJson(res, 200, invocationsPage(page, { TotalCount: 1_000_000_000 }));
    }) as StandInHandler;
  })(),
  /** A 200 body that never ends. */
  endlessBody: ((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"RequestId":"x","Invocations":{"Invocation":[');
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  }) as StandInHandler,
  /**
   * A 1.6 MB gzip body that inflates to 1.5 GB of spaces: 1,536 gzip members of 1 MiB each (a
   * gzip stream may be a series of members), so neither side ever holds the 1.5 GB.
   */
  gzipBomb: (() => {
    let member: Buffer | undefined;
    return ((_req, res) => {
      member ??= gzipSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9 });
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      let left = 1536;
      const pump = () => {
        while (!res.destroyed && left > 0) {
          left--;
          if (!res.write(member)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      pump();
    }) as StandInHandler;
  })(),
  /** Headers that announce a gigabyte of body, then one byte and nothing more. */
  hugeContentLength: ((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(1024 ** 3) });
    res.write('{');
  }) as StandInHandler,
  /** A body trickled one byte every 500 ms. */
  trickle: ((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const timer = setInterval(() => {
      if (res.destroyed) clearInterval(timer);
      else res.write(' ');
    }, 500);
    res.on('close', () => clearInterval(timer));
  }) as StandInHandler,
  /** `null` as the whole body. */
  nullBody: ((_req, res) => sendJson(res, 200, 'null')) as StandInHandler,
  /** JSON nested 100,000 deep. */
  deepNest: ((_req, res) => sendJson(res, 200, '['.repeat(100_000) + ']'.repeat(100_000))) as StandInHandler,
  /** A number out of double range. */
  hugeNumber: ((_req, res) => sendJson(res, 200, '{"RequestId":"x","TotalCount":1e400,"Invocations":{"Invocation":[]}}')) as StandInHandler,
  /** Statuses the API page does not list, and error codes named like Object.prototype's members. */
  unknownStatuses: ((_req, res) =>
    sendJson(
      res,
      200,
      invocationsPage([
        wireInvocation({
          InvokeId: 't-odd',
          InvocationStatus: 'Paused',
          instances: [
            { InvocationStatus: 'Frozen', InstanceInvokeStatus: 'Frozen', ErrorCode: 'constructor' },
            { InvocationStatus: '__proto__', InstanceInvokeStatus: '__proto__', ErrorCode: '__proto__' },
          ],
        }),
      ]),
    )) as StandInHandler,
  /** InvokeCommand/RunCommand answered 200 with nothing started that could be followed. */
  noInvokeId: ((_req, res) => sendJson(res, 200, { RequestId: requestId() })) as StandInHandler,
  /** Throttled with a retry-after of 1e12 ms. */
  hugeRetryAfter: ((_req, res) =>
    sendJson(res, 400, apiErrorBody('Throttling.User', 'Request was denied due to user flow control.'), {
      'x-acs-retry-after': '1000000000000',
    })) as StandInHandler,
} satisfies Record<string, StandInHandler>;

/** An error body that echoes a value (a token, an escape sequence) into every field. */
export function echoingError(value: string, status = 400): StandInHandler {
  return (_req, res) => sendJson(res, status, { RequestId: value, HostId: value, Code: value, Message: value, Recommend: value });
}

/** One invocation whose every string field is `length` characters long. */
export function longFields(length: number): StandInHandler {
  const long = (c: string) => c.repeat(length);
  const inv = wireInvocation({
    InvokeId: `t-${long('a')}`,
    CommandName: long('n'),
    Frequency: long('f'),
    Username: long('u'),
    InvocationStatus: 'Failed',
    instances: [{ InstanceId: `i-${long('b')}`, ErrorCode: long('E'), ErrorInfo: long('e'), InvocationStatus: 'Failed' }],
  });
  return (_req, res) => sendJson(res, 200, invocationsPage([inv]));
}

// ---- fleet responses (DescribeInstances, DescribeCloudAssistantStatus) -------------------

export interface WireInstanceInfoSeed {
  InstanceId: string;
  [field: string]: unknown;
}

/** One DescribeInstances instance in the service's shape (a VPC instance unless told). */
export function wireInstanceInfo(seed: WireInstanceInfoSeed): Record<string, unknown> {
  return {
    InstanceName: `name-${seed.InstanceId}`,
    HostName: `host-${seed.InstanceId}`,
    Status: 'Running',
    OSType: 'linux',
    InstanceNetworkType: 'vpc',
    VpcAttributes: { NatIpAddress: '', PrivateIpAddress: { IpAddress: ['10.0.0.1'] }, VSwitchId: 'vsw-1', VpcId: 'vpc-1' },
    InnerIpAddress: { IpAddress: [] },
    PublicIpAddress: { IpAddress: [] },
    EipAddress: { IpAddress: '', AllocationId: '', InternetChargeType: '' },
    Tags: { Tag: [] },
    ...seed,
  };
}

/** A DescribeInstances body. */
export function instancesPage(instances: Record<string, unknown>[], page: { TotalCount?: number } = {}): Record<string, unknown> {
  return { RequestId: requestId(), PageNumber: 1, PageSize: 100, TotalCount: page.TotalCount ?? instances.length, Instances: { Instance: instances } };
}

/** One DescribeCloudAssistantStatus entry in the service's shape. */
export function wireAgentStatus(seed: WireInstanceInfoSeed): Record<string, unknown> {
  return {
    CloudAssistantStatus: 'true',
    CloudAssistantVersion: '2.2.3.857',
    LastHeartbeatTime: '2026-12-01T10:00:00Z',
    LastInvokedTime: '2026-12-01T09:00:00Z',
    InvocationCount: 1,
    ActiveTaskCount: 0,
    OSType: 'Linux',
    SupportSessionManager: true,
    ...seed,
  };
}

/** A DescribeCloudAssistantStatus body. */
export function agentStatusPage(entries: Record<string, unknown>[]): Record<string, unknown> {
  return { RequestId: requestId(), TotalCount: entries.length, InstanceCloudAssistantStatusSet: { InstanceCloudAssistantStatus: entries } };
}

/**
 * DescribeInstances answered honestly for a fixed fleet by `InstanceIds` (ids it lacks are
 * released: not returned); `forbidden` answers 403 Forbidden.RAM instead. Other actions go to `rest`.
 */
export function serveFleet(
  fleet: Record<string, unknown>[],
  rest: StandInHandler,
  opts: { forbidden?: boolean; agents?: Record<string, unknown>[] } = {},
): StandInHandler {
  return (req, res, n) => {
    if (req.action === 'DescribeInstances') {
      if (opts.forbidden) return sendJson(res, 403, apiErrorBody('Forbidden.RAM', 'User not authorized to operate on the specified resource, or this API does not support RAM.'));
      const ids = new Set(JSON.parse(req.params.get('InstanceIds') ?? '[]') as string[]);
      return sendJson(res, 200, instancesPage(fleet.filter((i) => ids.has(i.InstanceId as string))));
    }
    if (req.action === 'DescribeCloudAssistantStatus') {
      const ids = new Set([...req.params.keys()].filter((k) => k.startsWith('InstanceId.')).map((k) => req.params.get(k)));
      return sendJson(res, 200, agentStatusPage((opts.agents ?? []).filter((a) => ids.has(a.InstanceId as string))));
    }
    rest(req, res, n);
  };
}
