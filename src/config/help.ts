// `catop --help`: short, grouped, with examples, within 80 columns. Kept by hand so it reads like
// a man page synopsis rather than commander's generated list.
import { DEFAULTS } from './args.js';

export const HELP_TEXT = `catop: a live monitor for Alibaba Cloud Cloud Assistant command invocations

Usage
  catop [flags]          live monitor (without a terminal: like --once)
  catop --demo           the same against a built-in emulated fleet, no account
  catop emulator [--port N] [--host H] [--seed N] [--fleet N] [--faults SPEC]
                         run the emulator alone (catop emulator --help)
  catop completion bash|zsh|fish   a shell completion script (see README)

Connection
  --region ID[,ID]|all   else ALIBABA_CLOUD_REGION_ID, else profile region_id
  --endpoint URL         default https://ecs.<region>.aliyuncs.com; plain http
                         only to loopback unless --allow-http
  --vpc                  https://ecs-vpc.<region>.aliyuncs.com (also when the
                         profile has endpoint_type vpc)
  --profile NAME         aliyun CLI profile or ~/.alibabacloud/credentials
                         section (else ALIBABA_CLOUD_PROFILE, else current)

Filters (sent to DescribeInvocations)
  --invoke-id ID  --command-id ID  --command-name NAME  --instance-id ID
  --command-type RunShellScript|RunBatScript|RunPowerShellScript
  --status STATUS        API: Running|Finished|Failed|PartialFailed|Stopped;
                         also Pending|Scheduled|Stopping|Success, narrowed here
  --timed [true|false]   scheduled invocations only (false: one-time only)

Polling
  --interval SECONDS     between refreshes (default ${DEFAULTS.interval}; e.g. 0.5)
  --page-size N          invocations per call, 1..50 (default ${DEFAULTS.pageSize})
  --history N            invocations to load: 0..100000, default ${DEFAULTS.history}, 0: 1 page
  --max-rps N --budget M API calls: N a second at most (${DEFAULTS.maxRps}), M a minute (${DEFAULTS.budget})

Output modes
  --once                 a table of the newest --history invocations, then exit
                         (stderr says when there are more or paging was wrong)
  --json                 one JSON invocation per line; --runs: one per run
  --wait                 with --invoke-id: a line per status change; exit 0 on
                         Success, 1 on Failed/PartialFailed/Stopped
  --groups               --invoke-id's instances by result (--group-by, --json)
  --include-output       --json/--wait add output (--invoke-id/--instance-id)
  --read-only  no x or R keys   --no-names  ids only   --clipboard  y: OSC 52
  --notify bell,osc9,osc777,title  alerts (--notify-on, --notify-failed-ratio)
  --no-color             no colours (also NO_COLOR)
  --theme MODE           auto (default: ask the terminal), dark or light
  --ascii                ASCII glyphs and borders (default without UTF-8)

Other
  -h, --help, help       this help     -v, --version   the version

Credentials, first found: ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (and
ALIBABA_CLOUD_SECURITY_TOKEN), ~/.aliyun/config.json,
~/.alibabacloud/credentials, the ECS instance RAM role.
Exit codes: 0 ok, 1 failure, 2 usage/configuration, 3 credentials/permission.

Examples
  catop --region cn-hangzhou
  catop --once --format '▶{running} ✗{failed}'   # a line for tmux's status bar
  catop --invoke-id t-hz0jdfwd9f1234 --wait && echo done
  catop --instance-id i-bp1abc --json --include-output | jq .commandName
`;
