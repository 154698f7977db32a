// `catop emulator --help`: the emulator's own flags and the --faults grammar, within 80 columns.
import { DEFAULTS } from './args.js';

export const EMULATOR_HELP_TEXT = `catop emulator: a local Cloud Assistant (ECS API) on loopback, for catop,
the aliyun CLI and the SDKs; serves until stopped (Ctrl-C, SIGTERM)

Usage
  catop emulator [--port N] [--host H] [--seed N] [--fleet N] [--faults SPEC]

Flags
  --port N               port to listen on, 0..65535 (default ${DEFAULTS.emulatorPort}: a free one)
  --host ADDRESS         address to listen on (default ${DEFAULTS.emulatorHost}); another
                         address lets anyone who reaches it use the demo keys
  --seed N               seed of the simulated fleet and of the faults
                         (default ${DEFAULTS.emulatorSeed}): the same seed, the same run
  --fleet N              instances in the fleet, 1..10000 (default: the demo's)
  --faults SPEC          failures on demand, see below
  -h, --help             this help

Faults: SPEC is a comma-separated list of KEY=VALUE
  throttle=RATE          Throttling.User (HTTP 400), half with a retry-after
  error500=RATE          InternalError.Dispatch (HTTP 500)
  reset=RATE             connection closed without an answer
  badgateway=RATE        an HTML 502 Bad Gateway page instead of JSON
  latency=MIN-MAX        added delay per request in ms (latency=N: exactly N)
  RATE is a fraction of requests from 0 to 1, e.g. 0.05 for one in twenty.
  Example: --faults throttle=0.1,error500=0.05,latency=20-300,reset=0.01
  REGION:KEY=VALUE       a fault in that region only, e.g.
                         cn-shanghai:throttle=1 (the others keep working)

Output (stdout)
  endpoint: and region: lines, then export lines with the demo key pair:
  catop emulator --port 8080 > emulator.txt &
  eval "$(grep ^export emulator.txt)"; catop --endpoint http://127.0.0.1:8080
`;
