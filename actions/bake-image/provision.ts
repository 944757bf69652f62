// Reads the role's provisioning script and the files it ships from the workspace.
//
// "Files it ships": the directory next to the script named after it without its
// extension plus `.files` (deploy/api/provision.sh → deploy/api/provision.files/). Its
// regular files, recursively, are copied to the builder (under $IMMUT_FILES, with their
// relative paths) and are part of the fingerprint. Nothing else in the workspace is: the
// script's own directory may hold other roles' scripts, so it is not shipped wholesale.
import { lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '@immut/core/errors';
import type { ShippedFile } from '@immut/core/builder-protocol';

export interface Provision {
  /** The input as given, for messages and the summary. */
  given: string;
  script: { name: string; content: Buffer };
  /** Workspace-relative path of the shipped files directory, or undefined when there is none. */
  filesDir: string | undefined;
  files: ShippedFile[];
}

const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

/** The shipped files directory for a script path: `provision.sh` → `provision.files`. */
export function filesDirFor(scriptPath: string): string {
  const parsed = path.parse(scriptPath);
  return path.join(parsed.dir, `${parsed.name}.files`);
}

function problem(given: string, why: string): InputError {
  return new InputError([
    `Input 'provision' was '${given}': ${why}; expected the path of the provisioning script, relative to the workspace.`,
  ]);
}

function collectFiles(root: string, given: string, relative = ''): ShippedFile[] {
  const dir = path.join(root, relative);
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const files: ShippedFile[] = [];
  for (const entry of entries) {
    const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (!SAFE_NAME.test(entry.name)) {
      throw problem(given, `shipped file '${rel}' has a name other than letters, digits, '.', '_' and '-'`);
    }
    if (entry.isDirectory()) files.push(...collectFiles(root, given, rel));
    else if (entry.isFile()) {
      const full = path.join(root, rel);
      const executable = (statSync(full).mode & 0o111) !== 0;
      files.push({ path: rel, mode: executable ? 0o755 : 0o644, content: readFileSync(full) });
    } else {
      throw problem(
        given,
        `shipped file '${rel}' is not a regular file or directory (symlinks are not shipped)`,
      );
    }
  }
  return files;
}

/** Reads the script and its shipped files; throws an InputError naming what is wrong. */
export function readProvision(workspace: string, given: string): Provision {
  const full = path.resolve(workspace, given);
  const relative = path.relative(workspace, full);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw problem(given, 'it points outside the workspace');
  }
  let stat;
  try {
    stat = lstatSync(full);
  } catch {
    throw problem(
      given,
      `no such file in the workspace (${workspace}); check out the repository first (actions/checkout)`,
    );
  }
  if (!stat.isFile()) throw problem(given, 'it is not a regular file');
  const name = path.basename(full);
  if (!SAFE_NAME.test(name))
    throw problem(given, "the script's file name may only use letters, digits, '.', '_' and '-'");
  const content = readFileSync(full);
  if (content.length === 0) throw problem(given, 'the script is empty');
  const filesDir = filesDirFor(full);
  let hasFiles = false;
  try {
    hasFiles = lstatSync(filesDir).isDirectory();
  } catch {
    hasFiles = false;
  }
  return {
    given,
    script: { name, content },
    filesDir: hasFiles ? path.relative(workspace, filesDir) : undefined,
    files: hasFiles ? collectFiles(filesDir, given) : [],
  };
}
