// Reads the role's provisioning script and the files it ships from the workspace.
//
// "Files it ships": the directory next to the script named after it without its
// extension plus `.files` (deploy/api/provision.sh → deploy/api/provision.files/). Its
// regular files, recursively, are copied to the builder (under $IMMUT_FILES, with their
// relative paths) and are part of the fingerprint. Nothing else in the workspace is: the
// script's own directory may hold other roles' scripts, so it is not shipped wholesale.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '@immut/core/errors';
import type { ShippedFile } from '@immut/core/builder-protocol';
import {
  WORKSPACE_FILE_MAX_BYTES,
  readWorkspaceFile,
  resolveInWorkspace,
  showGiven,
} from '@immut/core/inputs';

export interface Provision {
  /** The input as given, for messages and the summary. */
  given: string;
  script: { name: string; content: Buffer };
  /** Workspace-relative path of the shipped files directory, or undefined when there is none. */
  filesDir: string | undefined;
  files: ShippedFile[];
}

export const PROVISION_EXPECTED = 'the path of the provisioning script, relative to the workspace';

const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

/** The shipped files directory for a script path: `provision.sh` → `provision.files`. */
export function filesDirFor(scriptPath: string): string {
  const parsed = path.parse(scriptPath);
  return path.join(parsed.dir, `${parsed.name}.files`);
}

function problem(given: string, why: string): InputError {
  return new InputError([
    `Input 'provision' was ${showGiven(given)}: ${why}; expected ${PROVISION_EXPECTED}.`,
  ]);
}

/** Everything shipped, read through core's workspace reader (contained, regular, capped). */
function collectFiles(
  workspace: string,
  dir: { real: string; relative: string },
  given: string,
  budget: { bytes: number },
  relative = '',
): ShippedFile[] {
  const entries = readdirSync(path.join(dir.real, relative), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  );
  const files: ShippedFile[] = [];
  for (const entry of entries) {
    const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (!SAFE_NAME.test(entry.name)) {
      throw problem(
        given,
        `shipped file ${showGiven(rel)} has a name other than letters, digits, '.', '_' and '-'`,
      );
    }
    // Dirents come from lstat: a symlink is neither a directory nor a file here.
    if (entry.isDirectory()) files.push(...collectFiles(workspace, dir, given, budget, rel));
    else if (entry.isFile()) {
      const file = readWorkspaceFile(workspace, {
        input: 'provision',
        given,
        expected: PROVISION_EXPECTED,
        path: path.join(dir.relative, rel),
        what: `shipped file ${showGiven(rel)}`,
        maxBytes: budget.bytes,
      });
      budget.bytes -= file.content.length;
      files.push({ path: rel, mode: file.executable ? 0o755 : 0o644, content: file.content });
    } else {
      throw problem(
        given,
        `shipped file ${showGiven(rel)} is not a regular file or directory (symlinks are not shipped)`,
      );
    }
  }
  return files;
}

/** Reads the script and its shipped files; throws an InputError naming what is wrong. */
export function readProvision(workspace: string, given: string): Provision {
  // The script and its files share one budget; user data is 16 KB anyway, even gzipped.
  const budget = { bytes: WORKSPACE_FILE_MAX_BYTES };
  const script = readWorkspaceFile(workspace, {
    input: 'provision',
    given,
    expected: PROVISION_EXPECTED,
    maxBytes: budget.bytes,
  });
  budget.bytes -= script.content.length;
  const name = path.basename(given);
  if (!SAFE_NAME.test(name))
    throw problem(given, "the script's file name may only use letters, digits, '.', '_' and '-'");
  if (script.content.length === 0) throw problem(given, 'the script is empty');
  const filesDir = resolveInWorkspace(workspace, filesDirFor(given));
  if (!filesDir.ok && !filesDir.missing)
    throw problem(given, `its files directory ${showGiven(filesDirFor(given))}: ${filesDir.problem}`);
  const dir = filesDir.ok && statSync(filesDir.real).isDirectory() ? filesDir : undefined;
  return {
    given,
    script: { name, content: script.content },
    filesDir: dir?.relative,
    files: dir ? collectFiles(workspace, dir, given, budget) : [],
  };
}
