// The language server as a process, spoken to over stdio with real LSP messages: a temporary copy
// of a fixture folder as the workspace, the client capabilities a test chooses (pull or push
// diagnostics, with or without workspace/configuration), document helpers that send incremental
// changes, and waitFor, which polls for what the server published: never a fixed sleep.
//
// The server is dist/server.js, built by `node esbuild.mjs` (IRPLAN_SERVER=<path> runs another build).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  CancellationTokenSource,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type CodeLens,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Definition,
  type DefinitionLink,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type DocumentSymbol,
  type FileEvent,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type Position,
  type MessageConnection,
  type PrepareRenameResult,
  type PublishDiagnosticsParams,
  type Range,
  type SymbolInformation,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
  type WorkspaceSymbol,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WORKSPACE_STATUS, type WorkspaceStatus } from '../../server/src/protocol';

/** The repository root: this file runs from out/test/lsp. */
export const REPO = path.resolve(__dirname, '..', '..', '..');
export const SERVER = process.env.IRPLAN_SERVER ? path.resolve(process.env.IRPLAN_SERVER) : path.join(REPO, 'dist', 'server.js');
export const FIXTURES = path.join(REPO, 'test', 'fixtures', 'lsp');

/** How long a test waits for the server before it fails (the server answers in milliseconds). */
export const WAIT_MS = 5000;

export const DiagnosticSeverity = { Error: 1, Warning: 2, Information: 3, Hint: 4 } as const;
export const SymbolKind = { File: 1, Namespace: 3, Class: 5, Method: 6, Field: 8, Constant: 14, Object: 19, Event: 24 } as const;
export const ErrorCodes = { ParseError: -32700, InvalidRequest: -32600, MethodNotFound: -32601, InvalidParams: -32602, InternalError: -32603, RequestFailed: -32803 } as const;

export interface StartOptions {
  /** A folder under test/fixtures/lsp, copied to a temporary folder that is the workspace. Default `workspace`. */
  fixture?: string;
  /**
   * A multi-root workspace instead: each fixture folder is copied to `<temp>/<name>` and is one
   * workspace folder (paths and uris of the session are then relative to the temp folder).
   */
  folders?: string[];
  /** How the workspace is announced: as workspaceFolders (default), as rootUri only, or not at all. */
  announce?: 'workspaceFolders' | 'rootUri' | 'none';
  /** Announce textDocument.diagnostic: the server then expects the client to pull for open documents. */
  pull?: boolean;
  /** Announce workspace/diagnostic/refresh support (pull mode). */
  refreshSupport?: boolean;
  /** Announce workspace.configuration and answer workspace/configuration with `settings`. */
  configuration?: boolean;
  /** The `irplan` section the client answers workspace/configuration with (changeable later). */
  settings?: unknown;
  initializationOptions?: unknown;
  /** Edit the temporary workspace before the server starts (write files, delete some). */
  prepare?: (root: string) => void;
  /** Wait until every plan of the workspace had its diagnostics published once (default true). */
  waitForIndex?: boolean;
}

interface OpenDocument {
  doc: TextDocument;
}

/** One server process and the client state the tests look at. */
export class LspSession {
  /** Every publishDiagnostics, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every irplan/workspaceStatus notification, in arrival order. */
  readonly statuses: WorkspaceStatus[] = [];
  /** Requests the server sent to the client, by method, with their params. */
  readonly serverRequests: { method: string; params: unknown }[] = [];
  /** window/logMessage and window/showMessage texts, and other notifications. */
  readonly log: string[] = [];
  stderr = '';
  exitCode: number | null | undefined = undefined;
  initializeResult!: InitializeResult;
  /** The answer to workspace/configuration for the `irplan` section. */
  settings: unknown;

  private readonly documents = new Map<string, OpenDocument>();
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly root: string,
    /** The server process. */
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    settings: unknown,
  ) {
    this.settings = settings;
    this.exited = new Promise((resolve) => {
      child.on('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      });
    });
  }

  /** Starts the built server on a fresh temporary copy of the fixture, initialized. */
  static async start(options: StartOptions = {}): Promise<LspSession> {
    assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: build it with \`node esbuild.mjs\` first`);
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'irplan-lsp-')));
    const folders = options.folders ?? [];
    if (folders.length === 0) fs.cpSync(path.join(FIXTURES, options.fixture ?? 'workspace'), root, { recursive: true });
    for (const name of folders) fs.cpSync(path.join(FIXTURES, name), path.join(root, name), { recursive: true });
    options.prepare?.(root);

    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(root, child, connection, 'settings' in options ? options.settings : {});
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => (session.stderr += chunk));
    // A write after the server died must fail the test through waitFor, not crash mocha.
    child.stdin!.on('error', (error) => session.log.push(`stdin: ${error.message}`));
    session.listen();
    connection.listen();

    const workspaceFolders = (folders.length > 0 ? folders.map((name) => path.join(root, name)) : [root]).map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) }));
    const announce = options.announce ?? 'workspaceFolders';
    const params: InitializeParams = {
      processId: process.pid,
      clientInfo: { name: 'irplan-lsp-tests', version: '1' },
      locale: 'en',
      rootUri: announce === 'none' ? null : workspaceFolders[0].uri,
      workspaceFolders: announce === 'workspaceFolders' ? workspaceFolders : null,
      initializationOptions: options.initializationOptions,
      capabilities: clientCapabilities(options),
    };
    try {
      session.initializeResult = await session.within(connection.sendRequest('initialize', params) as Promise<InitializeResult>, 'initialize');
      await connection.sendNotification('initialized', {});
      if ((options.waitForIndex ?? true) && announce !== 'none') {
        const plans = planFilesUnder(root).map((file) => pathToFileURL(file).href);
        await session.waitFor(() => plans.every((uri) => session.publishedFor(uri).length > 0), 'the first diagnostics of every plan in the workspace');
      }
    } catch (error) {
      // A session that failed to start is not handed to a test: end it here.
      await session.dispose();
      throw error;
    }
    return session;
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
    });
    c.onNotification(WORKSPACE_STATUS, (status: WorkspaceStatus) => {
      this.statuses.push(status);
    });
    c.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.log.push(`log(${params.type}): ${params.message}`);
    });
    c.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.log.push(`show(${params.type}): ${params.message}`);
    });
    c.onNotification((method: string, params: unknown) => {
      this.log.push(`notification ${method}: ${JSON.stringify(params)}`);
    });
    c.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) => {
      this.serverRequests.push({ method: 'workspace/configuration', params });
      return params.items.map((item) => (item.section === 'irplan' ? this.settings : item.section ? null : { irplan: this.settings }));
    });
    c.onRequest((method: string, params: unknown) => {
      this.serverRequests.push({ method, params });
      return null;
    });
    c.onError(([error]) => this.log.push(`connection error: ${error.message}`));
  }

  // ------------------------------------------------------------------------------------------
  // Workspace files and uris

  path(relative: string): string {
    return path.join(this.root, ...relative.split('/'));
  }

  uri(relative: string): string {
    return pathToFileURL(this.path(relative)).href;
  }

  /** The text of a workspace file on disk. */
  disk(relative: string): string {
    return fs.readFileSync(this.path(relative), 'utf8');
  }

  /** The text the client holds for an open document, else the file on disk. */
  text(uriOrRelative: string): string {
    const uri = this.toUri(uriOrRelative);
    const open = this.documents.get(uri);
    if (open) return open.doc.getText();
    const file = uri.startsWith('file:') ? new URL(uri) : undefined;
    assert.ok(file, `${uri} is neither open nor a file`);
    return fs.readFileSync(file, 'utf8');
  }

  private toUri(uriOrRelative: string): string {
    return /^[a-z][a-z0-9+.-]*:/i.test(uriOrRelative) ? uriOrRelative : this.uri(uriOrRelative);
  }

  // ------------------------------------------------------------------------------------------
  // Document synchronisation (incremental)

  /** Opens a workspace file (its disk text unless `text` is given) or any uri with `text`. Returns the uri. */
  async open(uriOrRelative: string, text?: string): Promise<string> {
    const uri = this.toUri(uriOrRelative);
    const content = text ?? this.text(uri);
    const doc = TextDocument.create(uri, 'irplan', 1, content);
    this.documents.set(uri, { doc });
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'irplan', version: 1, text: content } });
    return uri;
  }

  /** Sends incremental changes (each range is on the text after the previous change). */
  async change(uriOrRelative: string, changes: { range: Range; text: string }[]): Promise<void> {
    const uri = this.toUri(uriOrRelative);
    const open = this.documents.get(uri);
    assert.ok(open, `${uri} is not open`);
    const version = open.doc.version + 1;
    open.doc = TextDocument.update(open.doc, changes, version);
    const contentChanges: TextDocumentContentChangeEvent[] = changes.map((c) => ({ range: c.range, text: c.text }));
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Replaces the `occurrence`-th `search` (after `after`, when given) with `replacement`, as one incremental change. */
  async replace(uriOrRelative: string, search: string, replacement: string, at: Anchor = {}): Promise<void> {
    const uri = this.toUri(uriOrRelative);
    await this.change(uri, [{ range: rangeOf(this.text(uri), search, at), text: replacement }]);
  }

  /** Inserts text at a position. */
  async insert(uriOrRelative: string, position: Position, text: string): Promise<void> {
    await this.change(uriOrRelative, [{ range: { start: position, end: position }, text }]);
  }

  async close(uriOrRelative: string): Promise<void> {
    const uri = this.toUri(uriOrRelative);
    this.documents.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  async configurationChanged(settings: unknown): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
  }

  /**
   * Applies a WorkspaceEdit the way an editor would: to open documents as one didChange each
   * (edits sent last-first, so each range still holds), to closed files on disk. Returns the
   * new texts by uri.
   */
  async applyEdit(edit: WorkspaceEdit, target: 'documents' | 'texts' = 'documents'): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const [uri, edits] of editsByUri(edit)) {
      const before = this.text(uri);
      const after = applyTextEdits(before, edits);
      result.set(uri, after);
      if (target === 'texts') continue;
      if (this.documents.has(uri)) {
        const ordered = [...edits].sort((a, b) => compare(b.range.start, a.range.start) || compare(b.range.end, a.range.end));
        await this.change(uri, ordered.map((e) => ({ range: e.range, text: e.newText })));
        assert.equal(this.text(uri), after, `${uri}: the edits sent do not give the expected text`);
      } else {
        fs.writeFileSync(new URL(uri), after);
      }
    }
    return result;
  }

  // ------------------------------------------------------------------------------------------
  // Waiting

  /**
   * Polls `probe` until it returns something other than undefined, null or false, and returns
   * that. Fails after `timeout` ms, or at once when the server process has died.
   */
  async waitFor<T>(probe: () => T | undefined | null | false, what: string, timeout = WAIT_MS): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== null && value !== false) return value;
      if (this.exitCode !== undefined) assert.fail(`the server exited (code ${this.exitCode}) while waiting for ${what}\n${this.transcript()}`);
      if (Date.now() > deadline) assert.fail(`timed out after ${timeout} ms waiting for ${what}\n${this.transcript()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Every diagnostics publication for a uri, oldest first. */
  publishedFor(uriOrRelative: string): Diagnostic[][] {
    const uri = this.toUri(uriOrRelative);
    return this.published.filter((p) => p.uri === uri).map((p) => p.diagnostics);
  }

  /** The last published diagnostics of a uri (undefined when none were). */
  lastPublished(uriOrRelative: string): Diagnostic[] | undefined {
    const all = this.publishedFor(uriOrRelative);
    return all[all.length - 1];
  }

  /** A mark in the publication log: waitForDiagnostics(…, { since }) ignores what came before it. */
  mark(): number {
    return this.published.length;
  }

  /**
   * Waits until the latest diagnostics published for the uri (after `since`, when given) satisfy
   * the predicate, and returns them.
   */
  async waitForDiagnostics(
    uriOrRelative: string,
    predicate: (diagnostics: Diagnostic[]) => boolean,
    what = 'the expected diagnostics',
    since = 0,
  ): Promise<Diagnostic[]> {
    const uri = this.toUri(uriOrRelative);
    return this.waitFor(() => {
      for (let i = this.published.length - 1; i >= since; i--) {
        const p = this.published[i];
        if (p.uri !== uri) continue;
        return predicate(p.diagnostics) ? p.diagnostics : undefined;
      }
      return undefined;
    }, `${what} for ${path.basename(uri)} (last published: ${JSON.stringify(this.lastPublished(uri)?.map(summary))})`);
  }

  /**
   * Opens a document and waits until the validation the open caused has been published for it
   * and for `alsoFor` (a library's importers), so that later edits are not raced by it.
   */
  async openAndSettle(uriOrRelative: string, alsoFor: string[] = [], self = true): Promise<string> {
    const since = this.mark();
    const uri = await this.open(uriOrRelative);
    for (const other of [...(self ? [uri] : []), ...alsoFor]) {
      await this.waitForDiagnostics(other, () => true, 'the diagnostics the didOpen caused', since);
    }
    return uri;
  }

  /** Waits for an irplan/workspaceStatus notification that satisfies the predicate. */
  async waitForStatus(predicate: (status: WorkspaceStatus) => boolean, what: string): Promise<WorkspaceStatus> {
    return this.waitFor(() => {
      const last = this.statuses[this.statuses.length - 1];
      return last && predicate(last) ? last : undefined;
    }, `${what} (statuses: ${JSON.stringify(this.statuses.slice(-3))})`);
  }

  /**
   * A round trip: every message the server sent before answering this request has been
   * received when it resolves (messages arrive in order on one stream).
   */
  async barrier(): Promise<void> {
    await this.request('workspace/symbol', { query: 'zzzzzzzz-barrier' });
  }

  // ------------------------------------------------------------------------------------------
  // Requests

  /** Any request, within WAIT_MS. */
  async request<R>(method: string, params: unknown): Promise<R> {
    return this.within(this.connection.sendRequest(method, params) as Promise<R>, method);
  }

  /** A request whose answer may be an error: the result, or the JSON-RPC error. */
  async attempt<R>(method: string, params: unknown): Promise<{ result: R } | { error: ResponseError<unknown> }> {
    try {
      return { result: await this.request<R>(method, params) };
    } catch (error) {
      if (error instanceof ResponseError) return { error };
      throw error;
    }
  }

  /**
   * workspace/diagnostic, which the server may hold open until something changes: the answer's
   * promise (not bounded by WAIT_MS) and a cancel function.
   */
  pullWorkspace(previousResultIds: { uri: string; value: string }[] = []): { answer: Promise<WorkspaceDiagnosticReport>; cancel: () => void } {
    const source = new CancellationTokenSource();
    const answer = this.connection.sendRequest('workspace/diagnostic', { previousResultIds }, source.token) as Promise<WorkspaceDiagnosticReport>;
    return { answer, cancel: () => source.cancel() };
  }

  async pullDiagnostics(uriOrRelative: string): Promise<DocumentDiagnosticReport> {
    return this.request('textDocument/diagnostic', { textDocument: { uri: this.toUri(uriOrRelative) } });
  }

  async completion(uriOrRelative: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri: this.toUri(uriOrRelative) }, position });
    return result === null ? [] : Array.isArray(result) ? result : result.items;
  }

  async hover(uriOrRelative: string, position: Position): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri: this.toUri(uriOrRelative) }, position });
  }

  async definition(uriOrRelative: string, position: Position): Promise<Location[]> {
    const result = await this.request<Definition | DefinitionLink[] | null>('textDocument/definition', { textDocument: { uri: this.toUri(uriOrRelative) }, position });
    if (result === null) return [];
    const list = Array.isArray(result) ? result : [result];
    return list.map((l) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange } : l));
  }

  async references(uriOrRelative: string, position: Position, includeDeclaration: boolean): Promise<Location[]> {
    const result = await this.request<Location[] | null>('textDocument/references', {
      textDocument: { uri: this.toUri(uriOrRelative) },
      position,
      context: { includeDeclaration },
    });
    return result ?? [];
  }

  async prepareRename(uriOrRelative: string, position: Position): Promise<PrepareRenameResult | null> {
    return this.request('textDocument/prepareRename', { textDocument: { uri: this.toUri(uriOrRelative) }, position });
  }

  async rename(uriOrRelative: string, position: Position, newName: string): Promise<WorkspaceEdit | null> {
    return this.request('textDocument/rename', { textDocument: { uri: this.toUri(uriOrRelative) }, position, newName });
  }

  async documentSymbols(uriOrRelative: string): Promise<DocumentSymbol[]> {
    return (await this.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri: this.toUri(uriOrRelative) } })) ?? [];
  }

  async workspaceSymbols(query: string): Promise<(SymbolInformation | WorkspaceSymbol)[]> {
    return (await this.request<(SymbolInformation | WorkspaceSymbol)[] | null>('workspace/symbol', { query })) ?? [];
  }

  async codeActions(uriOrRelative: string, range: Range, diagnostics: Diagnostic[]): Promise<(CodeAction | Command)[]> {
    return (
      (await this.request<(CodeAction | Command)[] | null>('textDocument/codeAction', {
        textDocument: { uri: this.toUri(uriOrRelative) },
        range,
        context: { diagnostics, triggerKind: 1 },
      })) ?? []
    );
  }

  async codeLenses(uriOrRelative: string): Promise<CodeLens[]> {
    return (await this.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri: this.toUri(uriOrRelative) } })) ?? [];
  }

  // ------------------------------------------------------------------------------------------
  // Positions in the client's texts

  /** The position of the `occurrence`-th `search` (after `after`), plus `delta` characters. */
  positionOf(uriOrRelative: string, search: string, at: Anchor = {}, delta = 0): Position {
    const range = rangeOf(this.text(uriOrRelative), search, at);
    return { line: range.start.line, character: range.start.character + delta };
  }

  rangeOf(uriOrRelative: string, search: string, at: Anchor = {}): Range {
    return rangeOf(this.text(uriOrRelative), search, at);
  }

  /** Every range of `search` in the text. */
  rangesOf(uriOrRelative: string, search: string): Range[] {
    const text = this.text(uriOrRelative);
    const out: Range[] = [];
    for (let i = text.indexOf(search); i >= 0; i = text.indexOf(search, i + 1)) out.push(offsetRange(text, i, i + search.length));
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // Ending

  /** shutdown, then exit; resolves with the exit code (kills the process after WAIT_MS). */
  async shutdown(): Promise<number | null> {
    if (this.exitCode !== undefined) return this.exitCode;
    await this.request('shutdown', undefined);
    await this.connection.sendNotification('exit');
    return this.waitForExit();
  }

  /** Waits for the process to end; kills it (and fails) when it does not within WAIT_MS. */
  async waitForExit(): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), WAIT_MS)));
    const code = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    if (code === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
      assert.fail(`the server did not exit within ${WAIT_MS} ms of exit\n${this.transcript()}`);
    }
    return code;
  }

  /** Ends the session whatever state it is in (shutdown + exit, else kill) and removes the workspace. */
  async dispose(): Promise<void> {
    try {
      if (this.exitCode === undefined) {
        try {
          await this.shutdown();
        } catch {
          if (this.exitCode === undefined) this.child.kill('SIGKILL');
          await this.exited;
        }
      }
    } finally {
      this.connection.dispose();
      fs.rmSync(this.root, { recursive: true, force: true });
    }
  }

  /** What happened, for a failure message: stderr, logs, the last publications. */
  transcript(): string {
    const lines = [
      `server: ${SERVER} (exit code: ${this.exitCode === undefined ? 'running' : this.exitCode})`,
      `stderr:\n${this.stderr.slice(-4000) || '(empty)'}`,
      `log:\n${this.log.slice(-20).join('\n').slice(-4000) || '(empty)'}`,
      `last publications:\n${this.published
        .slice(-8)
        .map((p) => `${path.basename(p.uri)}: ${JSON.stringify(p.diagnostics.map(summary))}`)
        .join('\n')}`,
    ];
    return lines.join('\n');
  }

  private async within<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const exited = this.exited.then((code) => {
      throw new Error(`the server exited (code ${code}) before answering ${what}\n${this.transcript()}`);
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${WAIT_MS} ms\n${this.transcript()}`)), WAIT_MS);
    });
    try {
      return await Promise.race([promise, exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function clientCapabilities(options: StartOptions): ClientCapabilities {
  const capabilities: ClientCapabilities = {
    workspace: {
      applyEdit: true,
      workspaceEdit: { documentChanges: false },
      didChangeConfiguration: { dynamicRegistration: false },
      didChangeWatchedFiles: { dynamicRegistration: false },
      symbol: { dynamicRegistration: false },
      workspaceFolders: true,
      configuration: options.configuration ?? false,
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false },
      completion: {
        completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
        contextSupport: true,
      },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      definition: { linkSupport: false },
      references: {},
      rename: { prepareSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
      codeLens: {},
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    },
    window: { workDoneProgress: false },
  };
  if (options.pull) {
    capabilities.textDocument!.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
    if (options.refreshSupport) capabilities.workspace!.diagnostics = { refreshSupport: true };
  }
  return capabilities;
}

export function planFilesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true, recursive: true }).flatMap((e) => {
    if (!e.isFile() || !/.\.irplan\.ya?ml$/.test(e.name)) return []; // not the config file .irplan.yaml
    return [path.join(e.parentPath, e.name)];
  });
}

// ---------------------------------------------------------------------------------------------
// Text helpers: offsets and positions in the client's texts.

/** Where to look: the `occurrence`-th match (0-based) after the first `after` (and after an earlier match of it). */
export interface Anchor {
  after?: string;
  occurrence?: number;
}

export function rangeOf(text: string, search: string, at: Anchor = {}): Range {
  let from = 0;
  if (at.after !== undefined) {
    const anchor = text.indexOf(at.after);
    assert.ok(anchor >= 0, `${JSON.stringify(at.after)} is not in the text`);
    from = anchor + at.after.length;
  }
  let index = text.indexOf(search, from);
  for (let n = at.occurrence ?? 0; n > 0 && index >= 0; n--) index = text.indexOf(search, index + 1);
  assert.ok(index >= 0, `${JSON.stringify(search)} (${JSON.stringify(at)}) is not in the text`);
  return offsetRange(text, index, index + search.length);
}

export function offsetRange(text: string, start: number, end: number): Range {
  return { start: positionAt(text, start), end: positionAt(text, end) };
}

export function positionAt(text: string, offset: number): Position {
  const doc = TextDocument.create('x:', 'x', 0, text);
  return doc.positionAt(offset);
}

export function offsetAt(text: string, position: Position): number {
  return TextDocument.create('x:', 'x', 0, text).offsetAt(position);
}

export function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function contains(range: Range, position: Position): boolean {
  return compare(range.start, position) <= 0 && compare(position, range.end) <= 0;
}

export function editsByUri(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out.set(uri, [...(out.get(uri) ?? []), ...edits]);
  for (const change of edit.documentChanges ?? []) {
    assert.ok('textDocument' in change, `unexpected resource operation ${JSON.stringify(change)}`);
    const edits = change.edits.map((e) => ('newText' in e ? { range: e.range, newText: e.newText } : e));
    out.set(change.textDocument.uri, [...(out.get(change.textDocument.uri) ?? []), ...(edits as TextEdit[])]);
  }
  return out;
}

/** Applies non-overlapping edits, all relative to the original text (LSP semantics). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
  withOffsets.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < withOffsets.length; i++) {
    assert.ok(withOffsets[i].start >= withOffsets[i - 1].end, `overlapping edits: ${JSON.stringify(edits)}`);
  }
  let out = '';
  let at = 0;
  for (const e of withOffsets) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** A diagnostic's message as text (LSP 3.18 allows markup). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** A diagnostic in one comparable line: code, severity and range. */
export function summary(d: Diagnostic): string {
  const r = d.range;
  return `${String(d.code)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}/${d.severity}`;
}

/** Diagnostics as sorted summaries, for deepEqual. */
export function summaries(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(summary).sort();
}

export function expected(code: string, range: Range, severity: number): string {
  return summary({ code, range, severity: severity as Diagnostic['severity'], message: '' });
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

/** Depth-first: every symbol of an outline, with its parent chain. */
export function flattenSymbols(symbols: readonly DocumentSymbol[], parents: string[] = []): { symbol: DocumentSymbol; parents: string[] }[] {
  return symbols.flatMap((s) => [{ symbol: s, parents }, ...flattenSymbols(s.children ?? [], [...parents, s.name])]);
}

/** The markdown or plain text of a hover. */
export function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const c = hover.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((m) => (typeof m === 'string' ? m : m.value)).join('\n');
  return c.value;
}

/** The documentation of a completion item as text. */
export function documentationText(item: CompletionItem): string {
  const d = item.documentation;
  return d === undefined ? '' : typeof d === 'string' ? d : d.value;
}

/**
 * Registers mocha hooks that start a session before each test (or once, `shared`) and end it
 * after; on a failure the session's transcript is printed.
 */
export function useSession(options: StartOptions | (() => StartOptions), mode: 'each' | 'shared' = 'each'): () => LspSession {
  let session: LspSession | undefined;
  const start = async () => {
    session = await LspSession.start(typeof options === 'function' ? options() : options);
  };
  const stop = async () => {
    const s = session;
    session = undefined;
    await s?.dispose();
  };
  // Registered first, so it runs before the session of a failed test is disposed.
  afterEach(function () {
    if (this.currentTest?.state === 'failed' && session) console.error(`\n--- server transcript ---\n${session.transcript()}\n---`);
  });
  if (mode === 'shared') {
    before(start);
    after(stop);
  } else {
    beforeEach(start);
    afterEach(stop);
  }
  return () => {
    assert.ok(session, 'no session: the server did not start');
    return session;
  };
}
