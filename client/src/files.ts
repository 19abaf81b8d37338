// Files the extension writes in the workspace, through vscode.workspace.fs (so remote and virtual
// workspaces work too).
import * as vscode from 'vscode';

/**
 * Writes `bytes` to a new file in `folder` named by `pick` (given the names already there):
 * first a temporary file in the same folder, then a rename that refuses to overwrite, so the
 * report appears whole or not at all, and a name taken meanwhile moves on to the next one.
 */
export async function writeNewFile(folder: vscode.Uri, pick: (taken: ReadonlySet<string>) => string, bytes: Uint8Array): Promise<vscode.Uri> {
  const fs = vscode.workspace.fs;
  await fs.createDirectory(folder);
  const taken = new Set((await fs.readDirectory(folder)).map(([name]) => name));
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = pick(taken);
    const target = vscode.Uri.joinPath(folder, name);
    const temp = vscode.Uri.joinPath(folder, `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
    await fs.writeFile(temp, bytes);
    try {
      await fs.rename(temp, target, { overwrite: false });
      return target;
    } catch (error) {
      await Promise.resolve(fs.delete(temp)).catch(() => undefined);
      if (!(await exists(target))) throw error;
      taken.add(name);
    }
  }
  throw new Error(`could not find a free name for the report in ${folder.fsPath}`);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
