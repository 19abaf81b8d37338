// Workspace trust. The manifest declares `untrustedWorkspaces: limited`: in restricted mode the
// server still validates (it only reads plans), but no command writes a file, because a workspace
// you have not trusted should not be able to steer where irplan writes. Commands that write call
// `allowWrite` first.
import * as vscode from 'vscode';

export class Trust implements vscode.Disposable {
  private readonly granted = new vscode.EventEmitter<void>();
  /** Fires once, when the person trusts the workspace (trust is never revoked in a running window). */
  readonly onDidGrant = this.granted.event;
  private readonly subscription = vscode.workspace.onDidGrantWorkspaceTrust(() => this.granted.fire());

  get isTrusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  /**
   * True when `action` may write files; otherwise says why it refuses and offers the trust
   * editor, so the refusal is never a dead end.
   */
  allowWrite(action: string): boolean {
    if (vscode.workspace.isTrusted) return true;
    const manage = 'Manage Workspace Trust';
    void vscode.window
      .showWarningMessage(`irplan: ${action} writes files, which restricted mode does not allow. Trust this workspace to use it.`, manage)
      .then((picked) => (picked === manage ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
    return false;
  }

  dispose(): void {
    this.subscription.dispose();
    this.granted.dispose();
  }
}
