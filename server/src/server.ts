// The irplan language server: wiring only. A plain LSP server (stdio or IPC) over the engine:
// diagnostics pushed or pulled, completion, hover, navigation, rename, symbols, quick fixes and
// code lenses. Nothing here assumes VS Code; workspace/configuration is used only when offered.
import {
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  DocumentDiagnosticReportKind,
  FileChangeType,
  ResponseError,
  ErrorCodes,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { redactSecrets, type Finding } from './engine';
import { INIT_PLAN } from './cli/initTemplate';
import { formatDay, todayDay } from './engine';
import {
  AFTER_ACTION_REPORT,
  COVERAGE,
  COVERAGE_CHANGED,
  LIST_DRILLS,
  RUN_DRILL,
  STARTER_PLAN,
  WORKSPACE_STATUS,
  type CoverageParams,
  type CoverageResult,
  type DrillListItem,
  type WorkspaceStatus,
} from './protocol';
import { WorkspaceIndex } from './lsp/workspace';
import { WorkspaceCoverage } from './lsp/coverage';
import { afterAction, runDrill } from './lsp/drills';
import { Validator, Scheduler } from './lsp/validation';
import { WorkspaceReports } from './lsp/workspaceReports';
import { Features } from './lsp/features';
import { docsLinker, toDiagnostic } from './lsp/convert';
import { FolderConfigs, sanitizeRuleSettings } from './lsp/settings';
import { filePathOf, normalizeUri } from './lsp/uris';
import { version } from '../../package.json';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const index = new WorkspaceIndex();
const coverage = new WorkspaceCoverage(index);
/** The client's spelling of each open document's uri, by normalised uri. */
const clientUris = new Map<string, string>();
const clientUri = (uri: string): string => clientUris.get(normalizeUri(uri)) ?? uri;

let folders: string[] = [];
const configs = new FolderConfigs();
let settings: Partial<Record<string, string>> = {};
let usePull = false;
let canRefresh = false;
let canConfigure = false;
let canWatch = false;
let docsHref = docsLinker();

const validator = new Validator(index, (uri) => configs.forPath(filePathOf(uri)));
const features = new Features(index, clientUri);
/** Documents whose diagnostics were pushed, to clear them when they are gone. */
const pushed = new Set<string>();
const workspaceReports = new WorkspaceReports();

/** Pushed diagnostics of a document the client pulls are duplicates: clear them. */
function clearPushed(uri: string): void {
  if (pushed.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
}

const scheduler = new Scheduler((uri) => {
  const result = validator.findings(uri);
  const target = clientUri(uri);
  if (!result) {
    clearPushed(target);
    return;
  }
  // In pull mode the client asks for open documents itself; others (importers not open) are pushed,
  // unless the client pulls the workspace too.
  if (usePull && (index.isOpen(uri) || workspaceReports.active)) return;
  pushed.add(target);
  void connection.sendDiagnostics({ uri: target, diagnostics: result.findings.map((f) => toDiagnostic(result.doc, f, docsHref)) });
  if (result.doc.text.length > LARGE_DOCUMENT) largeWork = true;
  statusSoon();
}, () => {
  // A held workspace/diagnostic request answers once per drained queue, not once per document:
  // indexing a workspace of N plans would otherwise re-scan the workspace N times.
  workspaceReports.changed();
  // After a large plan was validated, its previous version is garbage: collect it now that the
  // queue is empty, so memory does not pile up edit after edit until V8 gets round to it.
  if (largeWork && collectGarbage) {
    largeWork = false;
    setImmediate(collectGarbage);
  }
});

/** Plans this large (characters) leave enough garbage per edit to be worth collecting at once. */
const LARGE_DOCUMENT = 4_000_000;
let largeWork = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  usePull = !!caps.textDocument?.diagnostic;
  canRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
  canConfigure = !!caps.workspace?.configuration;
  canWatch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  const options = (params.initializationOptions ?? {}) as { rules?: unknown; docsFolder?: unknown };
  if (typeof options.docsFolder === 'string') docsHref = docsLinker(options.docsFolder);
  settings = sanitizeRuleSettings(options.rules);
  folders = (params.workspaceFolders ?? []).flatMap((f) => filePathOf(f.uri) ?? []);
  if (folders.length === 0 && params.rootUri) folders = [filePathOf(params.rootUri) ?? ''].filter(Boolean);
  reloadConfig();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [':', ' ', '-', '[', ','], resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      codeLensProvider: { resolveProvider: false },
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true },
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'irplan', version },
  };
});

connection.onInitialized(() => {
  // Index the workspace after answering initialize, so the editor is not kept waiting.
  setImmediate(() => {
    const found = index.addFolders(folders);
    scheduler.schedule(found);
    statusSoon();
  });
  if (canConfigure) void pullSettings();
  // Clients that let the server choose (Neovim, Helix) are asked to watch plans and the config.
  if (canWatch) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.irplan.{yaml,yml}' }, { globPattern: '**/.irplan.yaml' }],
    });
  }
});

function reloadConfig(): void {
  configs.reload(folders, sanitizeRuleSettings(settings));
}

async function pullSettings(): Promise<void> {
  try {
    const section = (await connection.workspace.getConfiguration('irplan')) as { rules?: unknown } | null;
    // A client that knows no such section answers null: keep the initialization options then.
    if (section?.rules === undefined || section.rules === null) return;
    settings = sanitizeRuleSettings(section.rules);
    reloadConfig();
    revalidateAll();
  } catch {
    // A client that announced configuration but cannot answer: keep the initialization options.
  }
}

connection.onDidChangeConfiguration((change) => {
  if (canConfigure) {
    void pullSettings();
    return;
  }
  const section = (change.settings as { irplan?: { rules?: unknown } } | null)?.irplan;
  settings = sanitizeRuleSettings(section?.rules);
  reloadConfig();
  revalidateAll();
});

function revalidateAll(): void {
  scheduler.schedule(index.allUris());
  if (usePull && canRefresh) void connection.languages.diagnostics.refresh();
}

/**
 * Applies a change to the index and re-validates the document and every document that imports
 * it, before or after the change (a deleted library's importers must learn it is gone).
 */
function update(uri: string, apply: () => void): void {
  const before = index.dependentsOf(uri);
  apply();
  const dependents = [...new Set([...before, ...index.dependentsOf(uri)])];
  scheduler.schedule([normalizeUri(uri), ...dependents]);
  if (usePull && canRefresh && dependents.some((d) => index.isOpen(d))) void connection.languages.diagnostics.refresh();
  statusSoon();
}

documents.onDidOpen((e) => {
  const key = normalizeUri(e.document.uri);
  clientUris.set(key, e.document.uri);
  // In pull mode an open document's diagnostics are pulled: clear what was pushed while closed.
  if (usePull) clearPushed(e.document.uri);
  update(e.document.uri, () => index.open(e.document.uri, e.document.getText()));
});
documents.onDidChangeContent((e) => {
  update(e.document.uri, () => index.open(e.document.uri, e.document.getText()));
});
documents.onDidClose((e) => {
  update(e.document.uri, () => {
    index.close(e.document.uri);
    validator.forget(normalizeUri(e.document.uri));
  });
  clientUris.delete(normalizeUri(e.document.uri));
});

connection.onDidChangeWatchedFiles((params) => {
  let configChanged = false;
  for (const change of params.changes) {
    if (change.uri.endsWith('/.irplan.yaml')) {
      configChanged = true;
      continue;
    }
    if (index.isOpen(change.uri)) continue; // the editor's text wins
    update(change.uri, () => index.fileChanged(change.uri, change.type === FileChangeType.Deleted));
  }
  if (configChanged) {
    reloadConfig();
    revalidateAll();
  }
});

connection.languages.diagnostics.on((params) => {
  const result = validator.findings(params.textDocument.uri);
  if (result && result.doc.text.length > LARGE_DOCUMENT && collectGarbage) setImmediate(collectGarbage);
  return {
    kind: DocumentDiagnosticReportKind.Full,
    items: result ? result.findings.map((f) => toDiagnostic(result.doc, f, docsHref)) : [],
  };
});

connection.languages.diagnostics.onWorkspace(async (params, token) => {
  const items = await workspaceReports.report(
    params.previousResultIds,
    () => index.allUris(),
    (key) => {
      const result = validator.findings(key);
      return result && { uri: clientUri(key), findings: result.findings, diagnostics: () => result.findings.map((f) => toDiagnostic(result.doc, f, docsHref)) };
    },
    token,
  );
  // From now on the workspace report carries the plans that are not open: drop their pushes.
  setImmediate(() => [...pushed].forEach(clearPushed));
  return {
    // Only what changed since the client's result ids is reported; the rest it keeps.
    items: items.map((item) => ({ kind: DocumentDiagnosticReportKind.Full, uri: item.uri, version: documents.get(item.uri)?.version ?? null, resultId: item.resultId, items: item.items })),
  };
});

const guard =
  <P, R>(fallback: R, handler: (params: P) => R) =>
  (params: P): R => {
    // A bad request (a position past the end, a document we do not know) gets an empty answer,
    // never a crashed server.
    try {
      return handler(params);
    } catch (error) {
      if (error instanceof ResponseError) throw error; // a deliberate answer, such as "cannot rename"
      connection.console.error(`irplan: ${(error as Error).stack ?? String(error)}`);
      return fallback;
    }
  };

connection.onCompletion(guard([], (p) => features.completion(p.textDocument.uri, p.position)));
connection.onHover(guard(null, (p) => features.hover(p.textDocument.uri, p.position)));
connection.onDefinition(guard([], (p) => features.definition(p.textDocument.uri, p.position)));
connection.onReferences(guard([], (p) => features.references(p.textDocument.uri, p.position, p.context.includeDeclaration)));
connection.onPrepareRename(
  guard(null, (p) => {
    const result = features.prepareRename(p.textDocument.uri, p.position);
    if (result && 'error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return result;
  }),
);
connection.onRenameRequest((p) => {
  const result = features.rename(p.textDocument.uri, p.position, p.newName);
  if ('error' in result) return new ResponseError(ErrorCodes.InvalidRequest, result.error);
  return result;
});
connection.onDocumentSymbol(guard([], (p) => features.documentSymbols(p.textDocument.uri)));
connection.onWorkspaceSymbol(guard([], (p) => features.workspaceSymbols(p.query)));
connection.onCodeAction(
  guard([], (p) => {
    const findings: Finding[] = validator.findings(p.textDocument.uri)?.findings ?? [];
    return features.codeActions(p.textDocument.uri, p.range, findings);
  }),
);
connection.onCodeLens(guard([], (p) => features.codeLenses(p.textDocument.uri)));

connection.onRequest(
  LIST_DRILLS,
  guard([] as DrillListItem[], () =>
    [...index.allUris()].flatMap((uri) => {
      const doc = index.get(uri);
      if (!doc) return [];
      return [...doc.model.drills.values()].map((d) => ({ uri: clientUri(uri), drillId: d.id, title: d.title && redactSecrets(d.title.value), classId: d.class?.value }));
    }),
  ),
);

const drillFailed: { markdown: string; error?: string } = { markdown: '', error: 'the drill could not be simulated: the irplan output has the details' };
connection.onRequest(RUN_DRILL, guard(drillFailed, (params: unknown) => runDrill(index, params)));
connection.onRequest(AFTER_ACTION_REPORT, guard(drillFailed, (params: unknown) => afterAction(index, params)));

connection.onRequest(STARTER_PLAN, () => ({ text: INIT_PLAN.replace(/\{\{TODAY\}\}/g, formatDay(todayDay())) }));

connection.onRequest(
  COVERAGE,
  guard(null as CoverageResult | null, (params: CoverageParams | null | undefined) =>
    coverage.result(index.allUris(), { matrix: params?.matrix === true, clientUri, folders }),
  ),
);

let statusTimer: NodeJS.Timeout | undefined;

/**
 * The status bar's totals, sent about once a second while plans change, and irplan/coverageChanged
 * when a plan's coverage may differ from what the client last asked for.
 */
function statusSoon(): void {
  if (statusTimer) return;
  statusTimer = setTimeout(() => {
    statusTimer = undefined;
    const status: WorkspaceStatus = { plans: 0, errors: 0, warnings: 0, infos: 0, coverage: { covered: 0, total: 0 } };
    const plans: string[] = [];
    for (const uri of index.allUris()) {
      const result = validator.findings(uri);
      if (!result || result.doc.model.plan?.library) continue;
      plans.push(uri);
      status.plans++;
      for (const f of result.findings) status[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
      const plan = coverage.plan(result.doc);
      status.coverage.covered += plan.fullyCovered;
      status.coverage.total += plan.total;
    }
    void connection.sendNotification(WORKSPACE_STATUS, status);
    if (coverage.changed(plans)) void connection.sendNotification(COVERAGE_CHANGED, {});
    collectGarbageWhenIdle();
  }, 1000);
}

/**
 * A large plan leaves tens of megabytes of garbage per edit, which V8 collects late; when the
 * editor is idle, collect it, so the server's memory stays near what it really holds.
 */
let gcTimer: NodeJS.Timeout | undefined;
const collectGarbage = exposeGc();
function collectGarbageWhenIdle(): void {
  if (!collectGarbage) return;
  if (gcTimer) clearTimeout(gcTimer);
  gcTimer = setTimeout(() => {
    gcTimer = undefined;
    collectGarbage();
  }, 2000);
  gcTimer.unref();
}

function exposeGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

documents.listen(connection);
connection.listen();
