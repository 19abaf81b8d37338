// Creating the language client, starting and stopping it, and the restart policy. The server
// (dist/server.js) does all the work; this file only decides how it is launched, which documents
// it sees, what it is told at start, and what happens when it dies.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { COVERAGE_CHANGED, WORKSPACE_STATUS, type WorkspaceStatus } from '../../server/src/protocol';
import { documentSchemes, sanitizeRules } from './options';
import { RestartBudget } from './restartPolicy';
import { parseWorkspaceStatus, type ServerState } from './statusText';

/** Thrown by `Server.request` when there is no running server to ask. */
export class ServerNotRunningError extends Error {
  constructor() {
    super('the irplan language server is not running');
    this.name = 'ServerNotRunningError';
  }
}

/**
 * The one language client of the extension. Commands hold this object, not a LanguageClient: a
 * manual restart replaces the client (a LanguageClient whose start failed cannot be started
 * again), and commands keep working across that.
 */
export class Server implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private clientSubscriptions: vscode.Disposable[] = [];
  private current: ServerState = 'stopped';
  private restartAnnounced = false;
  /** start/stop/restart run one at a time, in the order they were asked for. */
  private queue: Promise<void> = Promise.resolve();

  private readonly stateChanged = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.stateChanged.event;
  private readonly statusChanged = new vscode.EventEmitter<WorkspaceStatus | undefined>();
  /** The workspace totals; undefined when they are no longer known (the server stopped). */
  readonly onDidChangeWorkspaceStatus = this.statusChanged.event;
  private readonly coverageChanged = new vscode.EventEmitter<void>();
  /** The server said coverage may have changed (irplan/coverageChanged): ask irplan/coverage again. */
  readonly onDidChangeCoverage = this.coverageChanged.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    /** Created by the extension, not by the client, so "Show Output" works before and between starts. */
    readonly output: vscode.LogOutputChannel,
  ) {}

  get state(): ServerState {
    return this.current;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  /** Stops the server (if it runs) and starts a fresh one, with a fresh restart budget. */
  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  /**
   * Sends a custom `irplan/*` request; rejects with ServerNotRunningError when nothing runs. A
   * start, stop or restart in progress is waited for first: the command that activated the
   * extension (onCommand) arrives while the server is still starting.
   */
  async request<R>(method: string, params?: object, token?: vscode.CancellationToken): Promise<R> {
    await this.queue;
    const client = this.client;
    if (client === undefined || this.current !== 'running') throw new ServerNotRunningError();
    return params === undefined ? client.sendRequest<R>(method, token) : client.sendRequest<R>(method, params, token);
  }

  dispose(): void {
    // deactivate() has already awaited stop(); this only releases the emitters.
    for (const d of this.clientSubscriptions) d.dispose();
    this.stateChanged.dispose();
    this.statusChanged.dispose();
    this.coverageChanged.dispose();
  }

  private enqueue(op: () => Promise<void>): Promise<void> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private setState(state: ServerState): void {
    if (state === this.current) return;
    this.current = state;
    this.stateChanged.fire(state);
    if (state !== 'running') this.statusChanged.fire(undefined);
  }

  private async doStart(): Promise<void> {
    if (this.client !== undefined) return;
    const serverModule = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'server.js');
    try {
      await vscode.workspace.fs.stat(serverModule);
    } catch {
      // Say what is missing instead of vscode-languageclient's "couldn't create connection".
      this.output.error(`${serverModule.fsPath} is missing: the extension was not built (npm run build).`);
      this.setState('failed');
      return;
    }
    try {
      const client = this.createClient(serverModule.fsPath);
      this.client = client;
      this.clientSubscriptions.push(
        client.onDidChangeState((e) => this.setState(toServerState(e.newState))),
        client.onNotification(WORKSPACE_STATUS, (payload: unknown) => {
          const status = parseWorkspaceStatus(payload);
          if (status) this.statusChanged.fire(status);
          else this.output.warn(`ignored a malformed ${WORKSPACE_STATUS} notification`);
        }),
        client.onNotification(COVERAGE_CHANGED, () => this.coverageChanged.fire()),
      );
      this.setState('starting');
      await client.start();
    } catch (error) {
      // vscode-languageclient has logged its side; keep the extension (and its commands) alive
      // and leave the client in place, so a restart disposes it before starting a new one.
      this.output.error(`The irplan language server could not start: ${error instanceof Error ? error.message : String(error)}`);
      this.setState('failed');
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    if (client === undefined) return;
    this.client = undefined;
    try {
      // A client in the middle of an automatic restart cannot be stopped yet; let it come up
      // first, or it would be left running with nobody listening.
      if (client.state === State.Starting) await client.start().catch(() => undefined);
      await client.dispose();
    } catch {
      // A client that failed to start, or is still starting, throws "not running"; there is
      // nothing left to shut down then.
    }
    for (const d of this.clientSubscriptions) d.dispose();
    this.clientSubscriptions = [];
    this.setState('stopped');
  }

  private createClient(serverModule: string): LanguageClient {
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      // Launched instead of `run` when the extension host is being debugged: attach to port 6009.
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.irplan.{yaml,yml}');
    this.clientSubscriptions.push(watcher);
    const docsFolder = vscode.Uri.joinPath(this.context.extensionUri, 'docs', 'rules').fsPath;
    const folderSchemes = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme);
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSchemes(folderSchemes).map((scheme) => ({ scheme, language: 'irplan' })),
      // A function, so every (re)start sends the settings as they are then.
      initializationOptions: () => ({
        rules: sanitizeRules(vscode.workspace.getConfiguration('irplan').get('rules')),
        docsFolder,
      }),
      synchronize: {
        // Sends workspace/didChangeConfiguration with the whole `irplan` section when it changes.
        configurationSection: 'irplan',
        // Plans on disk change under the server's feet (git checkout, another editor): their
        // importers must be re-checked, and `.irplan.yaml` (which this pattern matches) re-read.
        fileEvents: watcher,
      },
      diagnosticCollectionName: 'irplan',
      // Hovers and diagnostics may link to a rule's page with a `command:` link; only that
      // command is allowed, and it accepts nothing but a known rule id.
      markdown: { isTrusted: { enabledCommands: ['irplan.openRuleDocs'] }, supportHtml: false },
      outputChannel: this.output,
      // The language status item shows trouble; the output does not jump open over the editor.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      errorHandler: this.errorHandler(),
    };
    return new LanguageClient('irplan', 'irplan language server', serverOptions, clientOptions);
  }

  /**
   * Restart a crashed server, up to a limit, and say so once. vscode-languageclient's default
   * handler puts up "Connection to server got closed. Server will restart." on every restart; one
   * message the first time tells people a crash happened (and where to look) without nagging, and
   * the output still logs every restart.
   */
  private errorHandler(): ErrorHandler {
    const budget = new RestartBudget();
    return {
      error: (_error, _message, count): ErrorHandlerResult => ({
        // A few write/read errors in a row can be a hiccup; more mean the connection is gone.
        action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
      }),
      closed: (): CloseHandlerResult => {
        if (!budget.tryRestart()) {
          return {
            action: CloseAction.DoNotRestart,
            message: `The irplan language server stopped ${budget.maxRestarts + 1} times in 3 minutes and was not restarted. The irplan output says why; "irplan: Restart Language Server" starts it again.`,
          };
        }
        this.announceRestart();
        return { action: CloseAction.Restart, handled: true };
      },
    };
  }

  private announceRestart(): void {
    if (this.restartAnnounced) return;
    this.restartAnnounced = true;
    const show = 'Show Output';
    void vscode.window
      .showInformationMessage('The irplan language server stopped and was restarted', show)
      .then((picked) => (picked === show ? this.output.show(true) : undefined));
  }
}

function toServerState(state: State): ServerState {
  switch (state) {
    case State.Starting:
      return 'starting';
    case State.Running:
      return 'running';
    case State.StartFailed:
      return 'failed';
    case State.Stopped:
      return 'stopped';
  }
}
