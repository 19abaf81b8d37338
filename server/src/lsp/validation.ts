// Findings per document, computed once per version of the document and of what it imports, and
// a scheduler that validates in the background: each document is validated in its own turn of
// the event loop, so an edit that arrives meanwhile makes the queued, now stale, work skip.
import { todayDay, validateDocument, type Finding, type PlanDocument, type RuleConfig } from '../engine';
import type { WorkspaceIndex } from './workspace';

interface Cached {
  doc: PlanDocument;
  /** The imported documents the findings were computed against. */
  imported: PlanDocument[];
  today: number;
  config: RuleConfig;
  findings: Finding[];
}

export class Validator {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly index: WorkspaceIndex,
    /** The rule levels for a document. */
    private readonly config: (uri: string) => RuleConfig,
  ) {}

  /** The current findings of a document (undefined when it cannot be read). */
  findings(uri: string): { doc: PlanDocument; findings: Finding[] } | undefined {
    const doc = this.index.get(uri);
    if (!doc) return undefined;
    const scope = this.index.scopeOf(doc);
    const today = todayDay();
    const config = this.config(doc.uri);
    const cached = this.cache.get(doc.uri);
    if (cached && cached.doc === doc && cached.today === today && cached.config === config && sameDocs(cached.imported, scope.imported)) {
      return { doc, findings: cached.findings };
    }
    const findings = validateDocument(doc, scope, { today, config });
    this.cache.set(doc.uri, { doc, imported: [...scope.imported], today, config, findings });
    return { doc, findings };
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

function sameDocs(a: readonly PlanDocument[], b: readonly PlanDocument[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Runs `work` for queued uris, one per event-loop turn; re-queued uris run once, later. */
export class Scheduler {
  private readonly queue = new Set<string>();
  private running = false;

  constructor(
    private readonly work: (uri: string) => void,
    /** Called when the queue has drained. */
    private readonly idle: () => void = () => undefined,
  ) {}

  schedule(uris: Iterable<string>): void {
    for (const uri of uris) {
      // Re-adding moves it to the end: the newest edit is validated after the others queued.
      this.queue.delete(uri);
      this.queue.add(uri);
    }
    if (!this.running) {
      this.running = true;
      setImmediate(() => this.drain());
    }
  }

  private drain(): void {
    const next = this.queue.values().next();
    if (next.done) {
      this.running = false;
      this.idle();
      return;
    }
    this.queue.delete(next.value);
    try {
      this.work(next.value);
    } finally {
      setImmediate(() => this.drain());
    }
  }
}
