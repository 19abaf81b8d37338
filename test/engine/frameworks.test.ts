import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  FRAMEWORKS,
  frameworkSuccessor,
  lookupFramework,
  suggestFramework,
  type FrameworkFamily,
} from '../../server/src/engine/frameworks';

// From out/test/engine/ (the compiled test) up to the directory holding main/ and shared/.
const REFERENCE = path.resolve(__dirname, '../../../../shared/reference/frameworks.md');

interface ReferenceRow {
  family: FrameworkFamily;
  id: string;
  /** The table's second column: a title, or a CSF text. */
  text: string;
}

/** The id/title and id/text tables of frameworks.md, with the family from the section heading. */
function referenceRows(): ReferenceRow[] {
  const rows: ReferenceRow[] = [];
  let family: FrameworkFamily | undefined;
  for (const line of readFileSync(REFERENCE, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('## ')) {
      family = line.includes('OWASP') ? 'OWASP-NHI' : line.includes('NIST') ? 'NIST-CSF' : line.includes('ATLAS') ? 'MITRE-ATLAS' : undefined;
      continue;
    }
    const cells = /^\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|$/.exec(line);
    if (cells === null || family === undefined) continue;
    const [, id, text] = cells;
    if (id === 'id' || /^-+$/.test(id!)) continue;
    rows.push({ family, id: id!, text: text! });
  }
  return rows;
}

function tagOf(row: ReferenceRow): string {
  switch (row.family) {
    case 'OWASP-NHI':
      return `OWASP-${row.id.replace(/:2025$/, '')}`;
    case 'NIST-CSF':
      return `CSF-${row.id}`;
    case 'MITRE-ATLAS':
      return `ATLAS-${row.id}`;
  }
}

describe('frameworks', () => {
  describe('catalogue against ../shared/reference/frameworks.md', () => {
    const rows = referenceRows();

    it('finds the reference tables', () => {
      const count = (family: FrameworkFamily) => rows.filter((row) => row.family === family).length;
      assert.equal(count('OWASP-NHI'), 10);
      assert.equal(count('NIST-CSF'), 27 + 7);
      assert.equal(count('MITRE-ATLAS'), 9);
    });

    it('has every id and title exactly', () => {
      for (const row of rows) {
        const entry = lookupFramework(tagOf(row));
        assert.ok(entry, `missing ${tagOf(row)}`);
        assert.equal(entry.family, row.family);
        assert.equal(entry.id, row.id);
        if (row.family === 'NIST-CSF' && !row.id.includes('-')) {
          // A category row is "Title: description".
          assert.equal(entry.kind, 'category');
          assert.equal(entry.text, row.text);
          assert.equal(entry.title, row.text.slice(0, row.text.indexOf(':')));
        } else {
          assert.equal(entry.title, row.text, `title of ${entry.tag}`);
        }
      }
    });

    it('has nothing else but ID.RA-08, the successor of the withdrawn RS.AN-05', () => {
      const documented = new Set(rows.map(tagOf));
      const extra = FRAMEWORKS.filter((entry) => !documented.has(entry.tag)).map((entry) => entry.tag);
      assert.deepEqual(extra, ['CSF-ID.RA-08']);
      assert.equal(
        lookupFramework('CSF-ID.RA-08')?.title,
        'Processes for receiving, analyzing, and responding to vulnerability disclosures are established',
      );
    });

    it('has unique tags in the plan form and the expected shape per family', () => {
      assert.equal(new Set(FRAMEWORKS.map((entry) => entry.tag)).size, FRAMEWORKS.length);
      for (const entry of FRAMEWORKS) {
        assert.match(entry.tag, /^(?:OWASP-NHI(?:[1-9]|10)|CSF-[A-Z]{2}\.[A-Z]{2}(?:-[0-9]{2})?|ATLAS-AML\.T[0-9]{4}(?:\.[0-9]{3})?)$/);
        if (entry.family === 'OWASP-NHI') {
          assert.equal(entry.kind, 'risk');
          assert.ok(entry.text && entry.text.length > 40 && entry.text.endsWith('.'), `text of ${entry.tag}`);
        }
        if (entry.family === 'NIST-CSF') {
          assert.equal(entry.respondRecover, /^(RS|RC)\./.test(entry.id));
        }
        if (entry.family === 'MITRE-ATLAS') assert.equal(entry.kind, 'technique');
      }
    });

    it('looks tags up exactly, case included', () => {
      assert.equal(lookupFramework('OWASP-NHI2')?.id, 'NHI2:2025');
      assert.equal(lookupFramework('OWASP-NHI2')?.title, 'Secret Leakage');
      assert.equal(lookupFramework('CSF-RS.MI-01')?.title, 'Incidents are contained');
      assert.equal(lookupFramework('CSF-RS.MA')?.title, 'Incident Management');
      assert.equal(lookupFramework('ATLAS-AML.T0083')?.title, 'Credentials from AI Agent Configuration');
      assert.equal(lookupFramework('ATLAS-AML.T0091.000')?.title, 'Application Access Token');
      for (const tag of ['csf-rs.mi-01', 'OWASP-NHI11', 'CSF-RS.RP-1', 'NHI2:2025', 'RS.MI-01', '']) {
        assert.equal(lookupFramework(tag), undefined, tag);
      }
    });
  });

  describe('frameworkSuccessor', () => {
    const cases: Array<[string, string[], RegExp]> = [
      // CSF 1.1 and withdrawn CSF 2.0 ids (frameworks.md).
      ['CSF-RS.RP-1', ['CSF-RS.MA-01'], /CSF 1\.1/],
      ['CSF-RS.CO-2', ['CSF-RS.CO-02'], /CSF 1\.1/],
      ['CSF-RS.CO-3', ['CSF-RS.CO-02'], /CSF 1\.1/],
      ['CSF-RS.AN-01', ['CSF-RS.MA-02'], /withdrawn/],
      ['CSF-RS.AN-02', ['CSF-RS.MA-02', 'CSF-RS.MA-03', 'CSF-RS.MA-04'], /withdrawn/],
      ['CSF-RS.AN-04', ['CSF-RS.MA-03'], /withdrawn/],
      ['CSF-RS.AN-05', ['CSF-ID.RA-08'], /withdrawn/],
      ['CSF-RS.IM-1', ['CSF-ID.IM-04'], /CSF 1\.1/],
      ['CSF-RC.IM-1', ['CSF-ID.IM-04'], /CSF 1\.1/],
      ['CSF-RS.AN-1', ['CSF-RS.MA-02'], /withdrawn/],
      ['RS.RP-1', ['CSF-RS.MA-01'], /CSF 1\.1/],
      // Loose OWASP spellings.
      ['OWASP-NHI-02', ['OWASP-NHI2'], /OWASP-NHI<n>/],
      ['OWASP-NHI02', ['OWASP-NHI2'], /OWASP-NHI<n>/],
      ['NHI-02', ['OWASP-NHI2'], /NHI2:2025/],
      ['NHI2:2025', ['OWASP-NHI2'], /OWASP-NHI<n>/],
      ['NHI10:2025', ['OWASP-NHI10'], /OWASP-NHI<n>/],
      ['OWASP-NHI-10', ['OWASP-NHI10'], /OWASP-NHI<n>/],
      // One-digit CSF 2.0, missing prefix.
      ['CSF-RS.MA-1', ['CSF-RS.MA-01'], /two-digit/],
      ['CSF-RS.MI-1', ['CSF-RS.MI-01'], /two-digit/],
      ['RS.MI-01', ['CSF-RS.MI-01'], /CSF-<id>/],
      ['NIST-CSF-PR.AA-01', ['CSF-PR.AA-01'], /CSF-<id>/],
      // ATLAS without its prefixes.
      ['ATLAS-T0083', ['ATLAS-AML.T0083'], /ATLAS-/],
      ['AML.T0083', ['ATLAS-AML.T0083'], /ATLAS-/],
      ['AML.T0091.000', ['ATLAS-AML.T0091.000'], /ATLAS-/],
      // Case.
      ['csf-rs.mi-01', ['CSF-RS.MI-01'], /case-sensitive/],
      ['owasp-nhi7', ['OWASP-NHI7'], /case-sensitive/],
      ['Atlas-aml.t0055', ['ATLAS-AML.T0055'], /case-sensitive/],
    ];
    for (const [tag, successors, reason] of cases) {
      it(`${tag} → ${successors.join(', ')}`, () => {
        const found = frameworkSuccessor(tag);
        assert.ok(found, `no successor for ${tag}`);
        assert.deepEqual(found.successors, successors);
        assert.match(found.reason, reason);
      });
    }

    it('names only catalogue tags as successors', () => {
      for (const [tag] of cases) {
        for (const successor of frameworkSuccessor(tag)!.successors) {
          assert.ok(lookupFramework(successor), `${tag} → ${successor}`);
        }
      }
    });

    it('gives nothing for catalogue tags and for unrecognisable ones', () => {
      for (const entry of FRAMEWORKS) assert.equal(frameworkSuccessor(entry.tag), undefined, entry.tag);
      for (const tag of ['OWASP-NHI11', 'NHI0', 'CSF-RS.ZZ-01', 'CSF-RS.CO-05', 'ATLAS-AML.T0051', 'ISO-27001', 'MAESTRO-L3', '']) {
        assert.equal(frameworkSuccessor(tag), undefined, tag);
      }
    });

    it('does not repeat the successor in the reason for CSF ids', () => {
      assert.doesNotMatch(frameworkSuccessor('CSF-RS.RP-1')!.reason, /RS\.MA-01/);
      assert.doesNotMatch(frameworkSuccessor('CSF-RS.AN-05')!.reason, /ID\.RA-08/);
    });
  });

  describe('suggestFramework', () => {
    it('suggests the nearest tags, nearest first, at most three', () => {
      assert.deepEqual(suggestFramework('CSF-RS.MI-0l').slice(0, 1), ['CSF-RS.MI-01']);
      assert.deepEqual(suggestFramework('OWASP-NH12').slice(0, 1), ['OWASP-NHI2']);
      assert.equal(suggestFramework('ATLAS-AML.T0O83')[0], 'ATLAS-AML.T0083');
      assert.ok(suggestFramework('CSF-RS.MA-0').length <= 3);
      assert.ok(suggestFramework('CSF-RS.MA-0').includes('CSF-RS.MA-01'));
    });

    it('ignores case and never suggests the tag itself', () => {
      assert.equal(suggestFramework('csf-rs.mi-01')[0], 'CSF-RS.MI-01');
      assert.ok(!suggestFramework('CSF-RS.MI-01').includes('CSF-RS.MI-01'));
    });

    it('suggests nothing far away', () => {
      assert.deepEqual(suggestFramework('ISO-27001-A.5.17'), []);
      assert.deepEqual(suggestFramework(''), []);
    });
  });

  it('the engine modules import nothing outside the engine (no node:fs, vscode or LSP)', () => {
    for (const name of ['frameworks', 'secrets', 'time']) {
      const source = readFileSync(path.resolve(__dirname, `../../../server/src/engine/${name}.ts`), 'utf8');
      assert.doesNotMatch(source, /(?:from|require\()\s*['"](?:node:|fs|vscode|path)/, name);
    }
  });
});
