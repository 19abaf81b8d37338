// Help texts: `irplan --help`, `irplan help <command>`, `irplan <command> --help`, and the usage
// line printed after a usage error.

export const COMMANDS = ['validate', 'drill', 'coverage', 'init', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

const USAGE: Record<CommandName, string> = {
  validate: 'irplan validate [PATH...] [--format stylish|json|sarif|junit|github] [--today YYYY-MM-DD] [--max-warnings N] [--config FILE]',
  drill: 'irplan drill FILE [DRILL-ID...] [--format text|json|markdown] [--today YYYY-MM-DD] [--config FILE]',
  coverage: 'irplan coverage [PATH...] [--format table|json|markdown|svg] [--min-coverage PERCENT]',
  init: 'irplan init [FOLDER] [--today YYYY-MM-DD]',
  help: 'irplan help [COMMAND]',
};

const DETAILS: Record<CommandName, string> = {
  validate: `Check incident-response plans: every file named, and every *.irplan.yaml and *.irplan.yml
in the folders named (node_modules and .git skipped). Default PATH: the working folder.

Options:
  --format FORMAT     stylish (default), json, sarif (SARIF 2.1.0), junit, github (annotations)
  --today YYYY-MM-DD  the date stale-review and rotation-overdue compare with (default: today)
  --max-warnings N    exit 1 when there are more than N warnings (default: no limit)
  --config FILE       rule levels (default: the nearest .irplan.yaml in this folder or above)

Exit status: 0 no errors and warnings within --max-warnings; 1 otherwise;
2 bad usage, a path that cannot be read, or a configuration with problems.`,
  drill: `Simulate drills of a plan (all of its drills when none is named): who acts when the
unavailable contacts are replaced, when each revocation step starts and ends, and whether the
drill's objectives and injects are met. The plan must validate without errors first.

Options:
  --format FORMAT     text (default), json, markdown
  --today YYYY-MM-DD  the date used when validating the plan first (default: today)
  --config FILE       rule levels (default: the nearest .irplan.yaml in this folder or above)

Exit status: 0 every drill passes; 1 a drill fails; 2 bad usage, an unknown drill id or a plan
with errors.`,
  coverage: `Report coverage: for every credential class of the plans in the paths (files, and
*.irplan.yaml and *.irplan.yml in folders; default: the working folder), which of the seven
controls are in place (owner, deputy, revocation path, rollback criteria, evidence, dependent
validation, drilled) and the verdict of its last drill; the share of classes fully covered per
plan and overall; and each OWASP Non-Human Identities Top 10 (2025) risk and each NIST CSF 2.0
Respond and Recover subcategory with the classes and drills tagged with it. Libraries
(plan.library: true) are read for their contacts but not counted.

Options:
  --format FORMAT         table (default), json, markdown, svg (a heat map for a README)
  --min-coverage PERCENT  exit 1 when less than PERCENT (0 to 100) of all classes are fully covered

Exit status: 0 done (and --min-coverage met); 1 coverage below --min-coverage; 2 bad usage or a
path that cannot be read.`,
  init: `Write a starter plan into FOLDER (default: the working folder; created when missing).
An existing plan is never overwritten.

Options:
  --today YYYY-MM-DD  the date written as last reviewed and last rotated (default: today)

Exit status: 0 written; 1 the file already exists; 2 bad usage or the folder cannot be written.`,
  help: 'Show the help of irplan or of one command.',
};

export function usageLine(command: string): string | undefined {
  return (USAGE as Record<string, string | undefined>)[command];
}

export function commandHelp(command: CommandName): string {
  return `Usage: ${USAGE[command]}\n\n${DETAILS[command]}\n`;
}

export function generalHelp(): string {
  return `irplan: incident-response plans for non-human identities (API keys, service accounts,
certificates, OAuth grants, automation and AI-agent credentials).

Usage:
  ${USAGE.validate}
  ${USAGE.drill}
  ${USAGE.coverage}
  ${USAGE.init}
  irplan help [COMMAND] | irplan --help | irplan --version

Commands:
  validate   check plans and print findings (for editors' problem lists, CI and code scanning)
  drill      simulate a plan's drills and report whether each one passes
  coverage   report which controls each credential class has, and the framework view
  init       write a starter plan to edit
  help       show this help, or a command's

Run "irplan help COMMAND" for a command's options and exit status.
`;
}
