// `catop completion bash|zsh|fish`: a completion script for the flags, the subcommands and the
// values catop knows (statuses, command types, themes, and the regions and profiles of the aliyun
// CLI configuration when the script is made). Values from that file are kept only when they are
// plain words, since the script is run by the shell.
import { COMMAND_TYPES, INVOKE_STATUSES } from '../api/wire.js';
import { COMPLETION_SHELLS, THEMES, flagNames, type CompletionShell, type FlagInfo } from '../config/args.js';
import { readAliyunConfig } from '../config/aliyunConfig.js';
import { NOTIFY_ON } from '../notify/options.js';

const SUBCOMMANDS = ['emulator', 'completion', 'help'];
const PLAIN_WORD = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface CompletionSources {
  home: string;
  env: NodeJS.ProcessEnv;
}

/** Values offered after each flag that takes one; flags absent here take free text. */
function knownValues({ home, env }: CompletionSources): Record<string, readonly string[]> {
  const conf = readAliyunConfig(home);
  const profiles = conf.state === 'ok' ? conf.profiles : [];
  const words = (list: (string | undefined)[]) => [...new Set(list.filter((v): v is string => v !== undefined && PLAIN_WORD.test(v)))].sort();
  return {
    '--status': INVOKE_STATUSES,
    '--command-type': COMMAND_TYPES,
    '--theme': THEMES,
    '--timed': ['true', 'false'],
    '--notify-on': NOTIFY_ON,
    '--region': words([env['ALIBABA_CLOUD_REGION_ID'], ...profiles.map((p) => p.regionId)]),
    '--profile': words(profiles.map((p) => p.name)),
  };
}

function bash(monitor: FlagInfo[], emulator: FlagInfo[], values: Record<string, readonly string[]>): string {
  const valueCases = Object.entries(values)
    .map(([flag, list]) => `    ${flag}) COMPREPLY=($(compgen -W "${list.join(' ')}" -- "$cur")); return 0 ;;`)
    .join('\n');
  const free = (flags: FlagInfo[]) => flags.filter((f) => f.value === 'required' && !values[f.flag]).map((f) => f.flag).join('|');
  const names = (flags: FlagInfo[]) => flags.map((f) => f.flag).join(' ');
  return `# catop completion for bash. Load it with
#   eval "$(catop completion bash)"                 (in ~/.bashrc), or save it as
#   ~/.local/share/bash-completion/completions/catop
_catop() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  COMPREPLY=()
  case "\${COMP_WORDS[1]}" in
    emulator)
      case "$prev" in ${free(emulator)}) return 0 ;; esac
      COMPREPLY=($(compgen -W "${names(emulator)}" -- "$cur")); return 0 ;;
    completion)
      [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W "${COMPLETION_SHELLS.join(' ')}" -- "$cur")); return 0 ;;
    help)
      [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W "emulator" -- "$cur")); return 0 ;;
  esac
  case "$prev" in
${valueCases}
    ${free(monitor)}) return 0 ;;
  esac
  local words="${names(monitor)}"
  [[ $COMP_CWORD -eq 1 ]] && words="${SUBCOMMANDS.join(' ')} $words"
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _catop catop
`;
}

function zshSpec(f: FlagInfo, values: Record<string, readonly string[]>): string {
  if (f.value === 'none') return `'${f.flag}'`;
  const list = values[f.flag];
  const action = list?.length ? `(${list.join(' ')})` : ' ';
  return `'${f.flag}${f.value === 'optional' ? '::' : ':'}${f.flag.slice(2)}:${action}'`;
}

function zsh(monitor: FlagInfo[], emulator: FlagInfo[], values: Record<string, readonly string[]>): string {
  return `#compdef catop
# catop completion for zsh. Load it with
#   eval "$(catop completion zsh)"                  (in ~/.zshrc, after compinit), or save it
#   as _catop in a directory of $fpath
_catop() {
  case $words[2] in
    emulator) _arguments '1:subcommand:(emulator)' ${emulator.map((f) => zshSpec(f, values)).join(' ')} ;;
    completion) _arguments '1:subcommand:(completion)' '2:shell:(${COMPLETION_SHELLS.join(' ')})' ;;
    help) _arguments '1:subcommand:(help)' '2:topic:(emulator)' ;;
    *) _arguments '1::subcommand:(${SUBCOMMANDS.join(' ')})' ${monitor.map((f) => zshSpec(f, values)).join(' ')} ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _catop "$@"; else compdef _catop catop; fi
`;
}

function fish(monitor: FlagInfo[], emulator: FlagInfo[], values: Record<string, readonly string[]>): string {
  const line = (cond: string, f: FlagInfo) => {
    const list = values[f.flag];
    const arg = f.value === 'required' ? ' -x' : '';
    return `complete -c catop -n '${cond}' -l ${f.flag.slice(2)}${arg}${list?.length ? ` -a '${list.join(' ')}'` : ''}`;
  };
  const notSub = `not __fish_seen_subcommand_from ${SUBCOMMANDS.join(' ')}`;
  return [
    '# catop completion for fish. Load it with',
    '#   catop completion fish > ~/.config/fish/completions/catop.fish',
    'complete -c catop -f',
    `complete -c catop -n '__fish_use_subcommand' -a '${SUBCOMMANDS.join(' ')}'`,
    ...monitor.map((f) => line(notSub, f)),
    ...emulator.map((f) => line('__fish_seen_subcommand_from emulator', f)),
    `complete -c catop -n '__fish_seen_subcommand_from completion' -a '${COMPLETION_SHELLS.join(' ')}'`,
    `complete -c catop -n '__fish_seen_subcommand_from help' -a 'emulator'`,
    '',
  ].join('\n');
}

export function completionScript(shell: CompletionShell, sources: CompletionSources): string {
  const { monitor, emulator } = flagNames();
  const values = knownValues(sources);
  if (shell === 'bash') return bash(monitor, emulator, values);
  if (shell === 'zsh') return zsh(monitor, emulator, values);
  return fish(monitor, emulator, values);
}
