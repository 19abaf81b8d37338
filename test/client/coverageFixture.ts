// A real irplan/coverage answer for the client's tests: the language server's coverage of the LSP
// test workspace (test/fixtures/lsp/workspace), computed in process from the files on disk.
import * as path from 'node:path';
import { WorkspaceCoverage } from '../../server/src/lsp/coverage';
import { WorkspaceIndex } from '../../server/src/lsp/workspace';
import type { CoverageResult } from '../../server/src/protocol';

export const WORKSPACE = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'lsp', 'workspace');

export function workspaceCoverage(options: { matrix?: boolean; folder?: string } = {}): CoverageResult {
  const folder = options.folder ?? WORKSPACE;
  const index = new WorkspaceIndex();
  index.addFolders([folder]);
  return new WorkspaceCoverage(index).result(index.allUris(), { matrix: options.matrix === true, clientUri: (uri) => uri, folders: [folder] });
}
