// `catop --help`: short, grouped, with examples. Kept by hand so it reads like a man page
// synopsis rather than commander's generated list.
import { DEFAULTS } from './args.js';

export const HELP_TEXT = `catop: a live monitor for Alibaba Cloud Cloud Assistant command invocations

Usage
  catop [flags]                 live monitor (without a terminal: one snapshot, like --once)
  catop --demo                  the same against a built-in emulated fleet: no account, no network
  catop emulator [--port N] [--host H] [--seed N] [--fleet N] [--faults SPEC]
                                run the emulator alone; prints its endpoint and demo key pair

Connection
  --region ID           region (else ALIBABA_CLOUD_REGION_ID, else the aliyun CLI profile's region_id)
  --endpoint URL        API endpoint (default https://ecs.<region>.aliyuncs.com);
                        plain http only to loopback unless --allow-http
  --vpc                 use https://ecs-vpc.<region>.aliyuncs.com (also: profile endpoint_type vpc)
  --profile NAME        aliyun CLI profile (else ALIBABA_CLOUD_PROFILE, else the current one)

Filters (sent to DescribeInvocations)
  --invoke-id ID   --command-id ID   --command-name NAME   --instance-id ID
  --command-type RunShellScript|RunBatScript|RunPowerShellScript
  --status Running|Finished|Failed|PartialFailed|Stopped
  --timed [true|false]  scheduled invocations only (false: one-time only)

Polling
  --interval SECONDS    between refreshes (default ${DEFAULTS.interval}; e.g. 0.5)
  --page-size N         invocations per call, 1..50 (default ${DEFAULTS.pageSize})
  --history N           past invocations to load, 0..100000 (default ${DEFAULTS.history})
  --max-rps N           request budget per second (default ${DEFAULTS.maxRps})

Output modes
  --once                print one snapshot table (page 1: up to --page-size rows) and exit
  --json                print one JSON invocation per line and exit
  --include-output      with --json or --wait: include command output (needs --invoke-id or --instance-id)
  --wait                with --invoke-id: print each status change, exit 0 on Success, 1 otherwise
  --read-only           live monitor without the stop key
  --no-color            no colours (also NO_COLOR)

Other
  --demo                built-in emulated fleet
  -h, --help            this help
  -v, --version         version

Credentials: ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (+ ALIBABA_CLOUD_SECURITY_TOKEN), ~/.aliyun/config.json,
~/.alibabacloud/credentials, or the ECS instance RAM role.
Exit codes: 0 ok, 1 failure, 2 usage or configuration, 3 credentials or permission.

Examples
  catop --region cn-hangzhou
  catop --status Failed --once
  catop --invoke-id t-hz0jdfwd9f1234 --wait && echo done
  catop --instance-id i-bp1abc --json --include-output | jq .commandName
  catop emulator --port 8080 > emulator.txt &        # serves until Ctrl-C / kill
  eval "$(grep ^export emulator.txt)"; catop --endpoint http://127.0.0.1:8080
`;
