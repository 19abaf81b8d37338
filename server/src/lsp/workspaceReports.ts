// Workspace diagnostics (workspace/diagnostic) for clients that pull them, as VS Code does.
//
// Why: a pull client forgets a document's pulled diagnostics when its tab closes, before any
// didClose reaches the server (VS Code keeps the text document alive for a while), so findings
// of a plan whose tab was closed vanished from the Problems panel. With workspace diagnostics the
// client keeps them and the workspace report carries them on. Once a client pulls the workspace,
// plans that are not open are reported here instead of pushed.
//
// The request is answered with only what changed since the client's previous result ids; when
// nothing changed it is held open until something does (or the client cancels it), so a client
// that re-asks every two seconds does not make the server re-send the workspace.
import type { CancellationToken } from 'vscode-languageserver/node';
import type { Finding } from '../engine';

export interface PreviousResultId {
  uri: string;
  value: string;
}

export interface WorkspaceItem<D> {
  uri: string;
  resultId: string;
  items: D[];
}

export class WorkspaceReports {
  /** Result ids by findings array: the validator keeps one array per validated version. */
  private readonly ids = new WeakMap<readonly Finding[], string>();
  private nextId = 1;
  private readonly waiting = new Set<() => void>();
  /** Set by the first workspace request: from then on, plans not open are reported here. */
  active = false;

  resultIdOf(findings: readonly Finding[]): string {
    let id = this.ids.get(findings);
    if (id === undefined) {
      id = String(this.nextId++);
      this.ids.set(findings, id);
    }
    return id;
  }

  /** Something may have changed: wake the held request. */
  changed(): void {
    const wake = [...this.waiting];
    this.waiting.clear();
    for (const w of wake) w();
  }

  /**
   * The items that differ from `previous`: every known document whose findings changed, and an
   * empty report for a document the client knows that is gone. Waits while there is none.
   */
  async report<D>(
    previous: readonly PreviousResultId[],
    keys: () => Iterable<string>,
    /** By index key: the client's uri for it and its findings, or undefined when unreadable. */
    diagnosticsOf: (key: string) => { uri: string; findings: readonly Finding[]; diagnostics: () => D[] } | undefined,
    token: CancellationToken,
  ): Promise<WorkspaceItem<D>[]> {
    this.active = true;
    const known = new Map(previous.map((p) => [p.uri, p.value]));
    for (;;) {
      const items: WorkspaceItem<D>[] = [];
      const seen = new Set<string>();
      for (const key of keys()) {
        const current = diagnosticsOf(key);
        if (!current) continue;
        seen.add(current.uri);
        const resultId = this.resultIdOf(current.findings);
        if (known.get(current.uri) !== resultId) items.push({ uri: current.uri, resultId, items: current.diagnostics() });
      }
      for (const [uri, id] of known) {
        if (!seen.has(uri) && id !== GONE) items.push({ uri, resultId: GONE, items: [] });
      }
      if (items.length > 0 || token.isCancellationRequested) return items;
      await new Promise<void>((resolve) => {
        const cancelled = token.onCancellationRequested(() => wake());
        const wake = (): void => {
          cancelled.dispose();
          this.waiting.delete(wake);
          resolve();
        };
        this.waiting.add(wake);
      });
      if (token.isCancellationRequested) return [];
    }
  }
}

/** The result id of a document that is no longer in the workspace. */
const GONE = 'gone';
