// `e`: an instance's output, decoded but otherwise as the service returned it (a file is not a
// terminal), to ./catop-<invokeId>-<instanceId>.log. Ids come from the network, so the name keeps
// only safe characters, and a hash of the whole ids when any were replaced or cut, so that two
// ids never share a name. An existing file (or a link) is never written: the next free -N wins.
import { createHash } from 'node:crypto';
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MAX_ID_CHARS = 80;
/** Names tried before giving up (`name.log`, `name-1.log`, ...). */
const MAX_ATTEMPTS = 1000;

function safePart(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, MAX_ID_CHARS) || '_';
}

/**
 * `catop-<parts joined by ->[-hash][-N].<ext>` for ids from the network: only safe characters, and
 * a hash of the whole ids when any were replaced or cut. The ids are hashed joined with a NUL,
 * which none can hold unnoticed: ("a-b","c") and ("a","b-c") differ.
 */
export function safeFileName(parts: readonly string[], ext: string, attempt = 0): string {
  const safe = parts.map(safePart);
  const hash = safe.every((p, i) => p === parts[i]) ? '' : '-' + createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 10);
  return `catop-${safe.join('-')}${hash}${attempt ? `-${attempt}` : ''}.${ext}`;
}

/** The file name for these ids; with `-N` before `.log` for the Nth alternative. */
export function outputFileName(invokeId: string, instanceId: string, attempt = 0): string {
  return safeFileName([invokeId, instanceId], 'log', attempt);
}

// O_NOFOLLOW as well as O_EXCL: neither lets a symlink planted under the name redirect the write.
const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Creates a new file (mode 0600) in `dir` holding `text` as UTF-8 and returns its absolute path.
 * Never overwrites and never follows a link: a taken name moves on to `name(1)`, `name(2)`, ...
 * Throws the fs error otherwise (the caller shows it).
 */
export function writeNewFile(dir: string, name: (attempt: number) => string, text: string): string {
  const body = Buffer.from(text, 'utf8');
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const path = resolve(join(dir, name(attempt)));
    let fd: number;
    try {
      fd = openSync(path, CREATE_FLAGS, 0o600);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // EEXIST: a file or a link by that name; ELOOP: a link (where O_NOFOLLOW wins the race).
      if (code === 'EEXIST' || code === 'ELOOP') continue;
      throw err;
    }
    try {
      for (let done = 0; done < body.length; ) done += writeSync(fd, body, done, body.length - done);
    } finally {
      closeSync(fd);
    }
    return path;
  }
  throw new Error(`${MAX_ATTEMPTS} files named ${name(0)} and -N already exist in ${dir}`);
}

/** An instance's output, as returned, to `catop-<invokeId>-<instanceId>.log` (see writeNewFile). */
export function saveOutput(dir: string, invokeId: string, instanceId: string, text: string): string {
  return writeNewFile(dir, (attempt) => outputFileName(invokeId, instanceId, attempt), text);
}
