// How often a crashed language server is restarted. Pure (a clock is passed in), so the policy is
// unit-tested without VS Code; languageClient.ts wires it into vscode-languageclient's ErrorHandler.

export class RestartBudget {
  private readonly crashes: number[] = [];

  /**
   * @param maxRestarts restarts allowed within `windowMs`; one crash more and the server stays
   *   down, because a server that dies on every start (a bad build, a plan that crashes it on
   *   open) would otherwise restart forever and flood the output.
   */
  constructor(
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when the server may be restarted once more. */
  tryRestart(): boolean {
    const t = this.now();
    while (this.crashes.length > 0 && t - this.crashes[0] > this.windowMs) this.crashes.shift();
    if (this.crashes.length >= this.maxRestarts) return false;
    this.crashes.push(t);
    return true;
  }
}
