// `e`: the shown output, as the sanitised text on screen, to ./catop-<invokeId>-<instanceId>.log.
// Ids come from the network, so the file name keeps only safe characters (no path traversal).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DisplayLine } from '../text/index.js';

export function outputFileName(invokeId: string, instanceId: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 80) || '_';
  return `catop-${safe(invokeId)}-${safe(instanceId)}.log`;
}

/** Writes the lines and returns the absolute path. Throws the fs error (the caller flashes it). */
export function saveOutput(dir: string, invokeId: string, instanceId: string, lines: readonly DisplayLine[]): string {
  const path = resolve(join(dir, outputFileName(invokeId, instanceId)));
  const body = lines.map((l) => l.text).join('\n');
  writeFileSync(path, lines.length ? body + '\n' : '', { encoding: 'utf8', mode: 0o600 });
  return path;
}
