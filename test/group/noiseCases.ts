// Outputs that differ only by noise, and outputs that differ by signal: the fingerprint's cases,
// shared with the template's (which must answer as the fingerprint does).

/** Kind, two outputs that differ only by that noise, and what both mask to. */
export const SAME_WHEN_MASKED: ReadonlyArray<readonly [string, string, string, string]> = [
    ['ISO 8601 with zone', 'at 2026-12-01T02:03:04.5+08:00 ok', 'at 2026-11-30T23:59:59Z ok', 'at <*> ok'],
    ['ISO 8601 with a space', 'at 2026-12-01 02:03:04 ok', 'at 2026-12-02 12:00:00,123 ok', 'at <*> ok'],
    ['ISO 8601 basic', 'at 20261201T020304Z ok', 'at 20261202T110000Z ok', 'at <*> ok'],
    ['syslog', 'Dec  1 02:03:04 host sshd: ok', 'Nov 30 23:59:59 host sshd: ok', '<*> <*> host sshd: ok'],
    ['date(1)', 'Tue Dec  1 02:03:04 UTC 2026', 'Wed Dec  2 11:00:00 UTC 2026', '<*> <*> 2026'],
    ['RFC 2822', 'Date: Tue, 01 Dec 2026 02:03:04 +0000', 'Date: Wed, 02 Dec 2026 10:00:00 +0000', 'Date: <*> <*>'],
    ['Apache', '- - [01/Dec/2026:02:03:04 +0800] "GET /" 200', '- - [02/Dec/2026:11:12:13 +0800] "GET /" 200', '- - [<*>] "GET /" 200'],
    ['dates', 'built 2026/12/01 and 01.12.2026', 'built 2026/11/30 and 30.11.2026', 'built <*> and <*>'],
    ['dates with month names', 'due Dec 1, 2026 or 1 Dec 2026', 'due Jan 15, 2027 or 15 Jan 2027', 'due <*> or <*>'],
    ['clock times', 'at 02:03 then 2:03 PM then 02:03:04,123', 'at 13:59 then 4:00 AM then 23:00:00,999', 'at <*> then <*> then <*>'],
    ['durations', 'took 12ms, 1.5s, 3m20s, 0m0.003s, 250µs, 12 ms, 5 seconds', 'took 9ms, 2.25s, 1m2s, 0m1.250s, 7µs, 3 ms, 2 seconds', 'took <*>, <*>, <*>, <*>, <*>, <*>, <*>'],
    ['IPv4', 'from 10.0.0.1 to 192.168.1.254.', 'from 172.16.5.9 to 10.10.10.10.', 'from <*> to <*>.'],
    ['IPv6', 'fe80::1 2001:db8::8a2e:370:7334 [::1]:80 ::ffff:10.0.0.1', 'fe80::2 2001:db8::1 [::2]:80 ::ffff:10.9.9.9', '<*> <*> [<*>]:80 <*>'],
    ['IPv6 in full', 'addr 2001:0db8:0000:0000:0000:ff00:0042:8329', 'addr 2001:0db8:0000:0000:0000:ff00:0042:0001', 'addr <*>'],
    ['MAC', 'ether 00:16:3e:12:34:56', 'ether 00:16:3e:ab:cd:ef', 'ether <*>'],
    ['UUID', 'request 123e4567-e89b-12d3-a456-426614174000 ok', 'request 9F0A1B2C-0000-4000-8000-00000000ABCD ok', 'request <*> ok'],
    ['git sha and container id', 'commit 9fceb02d0ae598e95dc970b74767f19372d61af8 c 4f2a9e1b', 'commit 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b c 9d8c7b6a', 'commit <*> c <*>'],
    ['0x hex', 'fault at 0x7ffd1234abcd', 'fault at 0x0000000012345678', 'fault at <*>'],
    ['instance ids', 'on i-bp1abcdefgh12345 ok', 'on i-uf6zzzzzzzz00001 ok', 'on <*> ok'],
    ['ECS default hostnames', 'host iZbp1abcdefgh12345Z up', 'host iZuf6zzzzzzzz00001Z up', 'host <*> up'],
  ];

/** Kind, and two outputs that differ by signal: their masked fingerprints must differ. */
export const DIFFER_WHEN_MASKED: ReadonlyArray<readonly [string, string, string]> = [
    ['exit counts', 'failed: 3 tests', 'failed: 4 tests'],
    ['disk percentages', '/dev/vda1 93% used', '/dev/vda1 94% used'],
    ['versions', 'app version 1.22.10', 'app version 1.22.11'],
    ['error lines', 'error: permission denied', 'error: no such file or directory'],
    ['big counts (not hex: no letter)', 'rows 12345678', 'rows 12345679'],
    ['hostnames not known as its own', 'web-0001 ok', 'web-0002 ok'],
    ['ports', 'listening on 10.0.0.1:8080', 'listening on 10.0.0.1:8081'],
    ['short hex words', 'face cafe', 'fade cafe'],
    ['C++ scopes are not addresses', 'std::string', 'std::wstring'],
    ['line breaks', 'a\nb\n', 'a\nb'],
  ];
