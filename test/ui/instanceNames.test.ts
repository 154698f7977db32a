// The agent's state in words, with what to do: start a stopped agent (Linux or Windows), upgrade
// one the run said needs it, install one the service does not know; and the names line.
import { describe, expect, it } from 'vitest';
import type { InstanceResult } from '../../src/api/model.js';
import { EMPTY_FLEET, withAgents, withNames } from '../../src/store/names.js';
import { agentLine, idWithName, namesLine } from '../../src/ui/instanceNames.js';
import type { TimeText } from '../../src/ui/hooks/useTimeText.js';

const times = { now: 0, mode: 'absolute', time: (t?: number) => (t === undefined ? '-' : `T${t}`), since: () => '', wakeAt: () => undefined } as unknown as TimeText;
const inst = (errorCode?: string): InstanceResult =>
  ({ invokeId: 't-1', instanceId: 'i-a', invocationStatus: 'Aborted', exitCode: null, dropped: 0, repeats: 0, errorCode }) as InstanceResult;
const agentFleet = (running: boolean, osType = 'Linux') =>
  withAgents(EMPTY_FLEET, { asked: ['i-a'], found: [{ instanceId: 'i-a', running, version: '2.2.3.857', lastHeartbeat: 5, osType }] }, 0);

describe('agentLine', () => {
  it('tells how to start a stopped agent on Linux and on Windows', () => {
    expect(agentLine(agentFleet(false), inst('ClientNotRunning'), times)).toBe(
      'agent stopped (version 2.2.3.857, last heartbeat T5): start it with `systemctl start aliyun.service`',
    );
    expect(agentLine(agentFleet(false, 'Windows'), inst('ClientNotRunning'), times)).toMatch(/the Windows service "AliyunService"/);
  });

  it('tells to upgrade when the run said the agent needs it', () => {
    expect(agentLine(agentFleet(true), inst('ClientNeedUpgrade'), times)).toBe(
      'agent running (version 2.2.3.857, last heartbeat T5): upgrade the agent from the console or run `aliyun_installer -u` on it',
    );
  });

  it('says when the service knows no agent, and says nothing when nothing is known', () => {
    const missing = withAgents(EMPTY_FLEET, { asked: ['i-a'], found: [] }, 0);
    expect(agentLine(missing, inst('ClientNotRunning'), times)).toMatch(/knows no agent on it: install/);
    expect(agentLine(EMPTY_FLEET, inst('ClientNotRunning'), times)).toBe('');
    expect(agentLine({ ...EMPTY_FLEET, agentsUnavailable: 'agent states unavailable: refused' }, inst('ClientNotRunning'), times)).toBe(
      'agent states unavailable: refused',
    );
  });
});

describe('names in words', () => {
  it('names the instance beside its id, and says when it is released', () => {
    const fleet = withNames(
      EMPTY_FLEET,
      { asked: ['i-a', 'i-b'], found: [{ instanceId: 'i-a', instanceName: 'web-01', hostName: 'h-web', privateIp: '10.0.0.1', publicIp: '47.0.0.1', osType: 'linux' }] },
      0,
    );
    expect(idWithName(fleet, 'i-a')).toBe('i-a (web-01)');
    expect(idWithName(fleet, 'i-c')).toBe('i-c');
    expect(namesLine(fleet, 'i-a')).toBe('web-01 · 10.0.0.1 · public 47.0.0.1 · host h-web · linux');
    expect(namesLine(fleet, 'i-b')).toMatch(/^\(released/);
  });
});
