// Where a webview panel opens what a click in it leads to: another editor group than its own, so
// the panel stays in sight (in its own group the opened editor would cover it).
import * as vscode from 'vscode';

/** Group One, or the group beside when the panel itself is in group One. */
export function besidePanel(panel: vscode.WebviewPanel | undefined): vscode.ViewColumn {
  const own = panel?.viewColumn;
  return own === undefined || own === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
}
