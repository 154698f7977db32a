// The built CLI against loopback stand-ins, with a key pair the stand-in accepts and a home of
// its own: the set-up the --once, --json, --runs and names tests share.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { closeStandIns } from '../../helpers/standIn.js';
import { makeHome, type HomeFixture } from './home.js';
import { ensureBuilt, runCli } from './cli.js';

export const STAND_IN_ENV = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'STANDINKEY',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'standin-secret',
  ALIBABA_CLOUD_REGION_ID: 'cn-hangzhou',
};

export interface StandInCli {
  /** `catop --endpoint ENDPOINT --max-rps 1000 ARGS` (a generous budget: the stand-in is local). */
  catop(endpoint: string, args: string[]): ReturnType<typeof runCli>;
  /** `catop ARGS` with the same home and keys. */
  run(args: string[]): ReturnType<typeof runCli>;
}

/** Registers the build, the home and the stand-ins' clean-up for the calling test file. */
export function standInCliForEachFile(): StandInCli {
  let home: HomeFixture | undefined;
  beforeAll(async () => {
    await ensureBuilt();
    home = makeHome();
  }, 180_000);
  afterAll(() => home?.remove());
  afterEach(closeStandIns);
  const run = (args: string[]) => runCli(args, { home: home!.dir, env: STAND_IN_ENV });
  return { run, catop: (endpoint, args) => run(['--endpoint', endpoint, '--max-rps', '1000', ...args]) };
}
