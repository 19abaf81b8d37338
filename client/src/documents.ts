// What the client shows as Markdown: rule pages.
import * as vscode from 'vscode';

/**
 * Opens `uri` rendered by VS Code's built-in Markdown preview; falls back to the plain text when
 * the Markdown extension is disabled.
 */
export async function showMarkdown(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}
