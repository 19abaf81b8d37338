// Every command of the extension, in one table, registered at activation whether or not the
// server runs (as rust-analyzer does): a command that needs the server says so and offers a
// restart instead of failing with "command not found".
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LIST_DRILLS, REVEAL_COVERAGE_COMMAND, RUN_DRILL_COMMAND, SAVE_AFTER_ACTION_COMMAND, STARTER_PLAN, type DrillListItem, type StarterPlan } from '../../server/src/protocol';
import { revealTarget, type CoverageViews } from './coverage/views';
import { showMarkdown } from './documents';
import type { DrillViews } from './drill/panel';
import { exists } from './files';
import { ServerNotRunningError, type Server } from './languageClient';
import { isRuleId, planFileName, ruleCatalogue } from './options';
import type { Trust } from './trust';

export interface CommandContext {
  extension: vscode.ExtensionContext;
  server: Server;
  trust: Trust;
  drillViews: DrillViews;
  coverage: CoverageViews;
}

interface Command {
  /** As in the manifest's `contributes.commands`, for messages. */
  title: string;
  run(ctx: CommandContext, ...args: unknown[]): Promise<void> | void;
}

const COMMANDS: Record<string, Command> = {
  'irplan.restartServer': { title: 'Restart Language Server', run: (ctx) => ctx.server.restart() },
  'irplan.showOutput': { title: 'Show Output', run: (ctx) => ctx.server.output.show(true) },
  [RUN_DRILL_COMMAND]: { title: 'Run Drill…', run: runDrill },
  [SAVE_AFTER_ACTION_COMMAND]: { title: 'Save After-Action Report', run: saveAfterActionReport },
  'irplan.openRuleDocs': { title: 'Open Rule Documentation…', run: openRuleDocs },
  'irplan.newPlan': { title: 'New Plan…', run: newPlan },
  'irplan.showCoverageMatrix': { title: 'Show Coverage Matrix', run: showCoverageMatrix },
  'irplan.refreshCoverage': { title: 'Refresh Coverage', run: refreshCoverage },
  [REVEAL_COVERAGE_COMMAND]: { title: 'Go to Coverage Target', run: (_ctx, target) => revealTarget(target) },
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, command]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await command.run(ctx, ...args);
      } catch (error) {
        await reportFailure(ctx, id, command.title, error);
      }
    }),
  );
}

async function reportFailure(ctx: CommandContext, id: string, title: string, error: unknown): Promise<void> {
  if (error instanceof ServerNotRunningError) {
    const restart = 'Restart Language Server';
    const picked = await vscode.window.showWarningMessage(`irplan: ${title} needs the language server, which is not running.`, restart);
    if (picked === restart) await vscode.commands.executeCommand('irplan.restartServer');
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.server.output.error(`${id} failed: ${message}`);
  void vscode.window.showErrorMessage(`irplan: ${title} failed: ${message}`);
}

// ---- Run Drill…

/**
 * Opens the drill view. Arguments: (uri: string, drillId: string) from the drill code lens;
 * (uri: Uri) from the editor title button, to pick among that plan's drills; nothing from the
 * command palette, to pick among the workspace's drills.
 */
async function runDrill(ctx: CommandContext, uriArg?: unknown, drillArg?: unknown): Promise<void> {
  const target =
    typeof uriArg === 'string' && typeof drillArg === 'string' && parseUri(uriArg) !== undefined
      ? { uri: uriArg, drillId: drillArg }
      : await pickDrill(ctx, uriArg instanceof vscode.Uri ? uriArg.toString() : undefined);
  if (target === undefined) return;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `irplan: running drill ${target.drillId}` }, () =>
    ctx.drillViews.open(target.uri, target.drillId),
  );
}

/** Arguments: (uri, drillId) of an open drill view; nothing for the active one (its title button). */
async function saveAfterActionReport(ctx: CommandContext, uriArg?: unknown, drillArg?: unknown): Promise<void> {
  const given = typeof uriArg === 'string' && typeof drillArg === 'string';
  await ctx.drillViews.saveReport(given ? uriArg : undefined, given ? drillArg : undefined);
}

async function pickDrill(ctx: CommandContext, onlyUri: string | undefined): Promise<{ uri: string; drillId: string } | undefined> {
  const listed = await ctx.server.request<DrillListItem[] | null>(LIST_DRILLS);
  const drills = (Array.isArray(listed) ? listed : []).filter(
    (d) => typeof d?.uri === 'string' && typeof d.drillId === 'string' && (onlyUri === undefined || d.uri === onlyUri),
  );
  if (drills.length === 0) {
    void vscode.window.showInformationMessage(
      onlyUri === undefined
        ? 'irplan: no drills in this workspace. Add one under drills: in a plan (the snippet "drill" writes one).'
        : 'irplan: this plan has no drills. Add one under drills: (the snippet "drill" writes one).',
    );
    return undefined;
  }
  if (drills.length === 1 && onlyUri !== undefined) return drills[0];
  // The active plan's drills first: that is usually the one being worked on.
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  drills.sort((a, b) => Number(b.uri === active) - Number(a.uri === active));
  const picked = await vscode.window.showQuickPick(
    drills.map((d) => ({
      label: d.drillId,
      description: d.title,
      detail: [displayPath(d.uri), d.classId === undefined ? undefined : `class ${d.classId}`].filter(Boolean).join(' · '),
      drill: d,
    })),
    { title: 'irplan: Run Drill', placeHolder: 'Which drill to simulate?', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.drill;
}

function parseUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

function displayPath(uri: string): string {
  const parsed = parseUri(uri);
  return parsed === undefined ? uri : vscode.workspace.asRelativePath(parsed, true);
}

// ---- Open Rule Documentation…

/** Argument: a rule id (from a diagnostic's code action or a hover link), or nothing to pick one. */
async function openRuleDocs(ctx: CommandContext, ruleArg?: unknown): Promise<void> {
  const rules = ruleCatalogue(ctx.extension.extension.packageJSON);
  let ruleId: string | undefined;
  if (ruleArg !== undefined) {
    // The argument can come from a command link in Markdown: only a known id becomes a path.
    if (!isRuleId(ruleArg) || !rules.some((r) => r.id === ruleArg)) {
      void vscode.window.showErrorMessage(`irplan: no rule named ${JSON.stringify(ruleArg)}.`);
      return;
    }
    ruleId = ruleArg;
  } else {
    const picked = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, detail: r.description.replace(/`/g, '') })),
      { title: 'irplan: Open Rule Documentation', placeHolder: 'Which rule?', matchOnDetail: true },
    );
    ruleId = picked?.label;
  }
  if (ruleId === undefined) return;
  const page = vscode.Uri.joinPath(ctx.extension.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  await vscode.workspace.fs.stat(page); // a missing page fails here with the path in the message
  await showMarkdown(page);
}

// ---- New Plan…

/** Argument: a folder Uri from the explorer's context menu, to save there; else a workspace folder. */
async function newPlan(ctx: CommandContext, folderArg?: unknown): Promise<void> {
  if (!ctx.trust.allowWrite('New Plan')) return;
  // Ask the server first: if it is not running, say so before anyone picks a file name.
  const starter = await ctx.server.request<StarterPlan>(STARTER_PLAN);
  if (typeof starter?.text !== 'string') throw new Error(`${STARTER_PLAN} returned no text`);

  const folder = folderArg instanceof vscode.Uri ? folderArg : vscode.workspace.workspaceFolders?.[0]?.uri;
  const chosen = await vscode.window.showSaveDialog({
    title: 'New irplan plan',
    saveLabel: 'Create Plan',
    defaultUri: folder === undefined ? undefined : vscode.Uri.joinPath(folder, 'nhi.irplan.yaml'),
    filters: { 'irplan plans': ['yaml', 'yml'] },
  });
  if (chosen === undefined) return;

  const name = planFileName(path.posix.basename(chosen.path));
  if (name === undefined) {
    void vscode.window.showErrorMessage(`irplan: "${path.posix.basename(chosen.path)}" cannot be a plan: name it like nhi.irplan.yaml.`);
    return;
  }
  // The dialog confirmed overwriting the name it showed; a name we changed gets no such question.
  const target = name === path.posix.basename(chosen.path) ? chosen : vscode.Uri.joinPath(chosen, '..', name);
  if (target !== chosen && (await exists(target))) {
    void vscode.window.showErrorMessage(`irplan: ${vscode.workspace.asRelativePath(target)} already exists: choose another name.`);
    return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(starter.text));
  await vscode.window.showTextDocument(target);
}

// ---- Coverage

async function showCoverageMatrix(ctx: CommandContext): Promise<void> {
  // Says "the server is not running" (with a restart) rather than opening an empty page.
  if (ctx.server.state !== 'running') throw new ServerNotRunningError();
  await ctx.coverage.matrix.open();
}

async function refreshCoverage(ctx: CommandContext): Promise<void> {
  if (ctx.server.state !== 'running') throw new ServerNotRunningError();
  await ctx.coverage.refresh();
}
