// Hardening rules for workflow files (GitHub's "Security hardening for GitHub Actions"),
// which actionlint does not check. Used by lint-workflows.mjs; a pure function of a file's
// text so tests can feed it workflows of their own.
//
// 1. unpinned-action: a third-party action (any `uses:` outside this repository) is pinned
//    by a full 40-hex commit SHA with its version in a comment (`@<sha> # v5.1.0`). A tag
//    can be moved to other code by whoever controls that repository; a commit cannot.
// 2. persist-credentials: every actions/checkout sets `persist-credentials: false`, or the
//    job's token stays in .git/config for every later step (user commands, npm scripts)
//    to read. None of our jobs pushes with git.
// 3. needless-contents: a job asks for `contents` only if a step needs the repository:
//    actions/checkout, or one of our actions that talks to GitHub (it declares a
//    `github-token` input). A job that only calls AWS (DNS, load balancers) needs none.
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** This repository's actions: `./<dir>` or `<owner>/immut[/<dir>]@<ref>`, released with it. */
const OWN_ACTION = /^(?:\.\/|[^/@]+\/immut(?:\/[^@]*)?@)/;
const DOCKER = /^docker:\/\//;
const PINNED = /^[^@]+@[0-9a-f]{40}$/;
const VERSION_COMMENT = /^\s*v\d+(?:\.\d+){0,2}\b/;

/**
 * Problems of one workflow file: [{ file, line, col, message, kind }].
 * `needsGitHub(uses)` says whether a step's action (one of ours) talks to GitHub.
 */
export function hygieneProblems(file, source, needsGitHub = () => false) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) return []; // actionlint reports the syntax error
  const at = (node) => {
    const offset = node?.range?.[0];
    return offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
  };
  const problems = [];
  const problem = (node, kind, message) => problems.push({ file, ...at(node), message, kind });
  const jobs = doc.get('jobs', true);
  if (!isMap(jobs)) return problems;
  const workflowPermissions = doc.get('permissions', true);

  for (const jobPair of jobs.items) {
    const job = jobPair.value;
    if (!isMap(job)) continue;
    const jobId = String(jobPair.key?.value ?? jobPair.key);
    const steps = job.get('steps', true);
    let needsContents = false;
    for (const step of isSeq(steps) ? steps.items : []) {
      if (!isMap(step)) continue;
      const usesNode = step.get('uses', true);
      if (!isScalar(usesNode)) continue;
      const uses = String(usesNode.value);
      if (/^actions\/checkout@/.test(uses)) {
        needsContents = true;
        const withNode = step.get('with', true);
        const persist = isMap(withNode) ? withNode.get('persist-credentials', true) : undefined;
        if (!isScalar(persist) || (persist.value !== false && persist.value !== 'false')) {
          problem(
            usesNode,
            'persist-credentials',
            `job '${jobId}': actions/checkout without 'persist-credentials: false' leaves the job's token in .git/config for every later step; add it under 'with:'`,
          );
        }
      }
      if (OWN_ACTION.test(uses)) {
        if (needsGitHub(uses)) needsContents = true;
        continue;
      }
      if (DOCKER.test(uses)) continue;
      if (!PINNED.test(uses)) {
        problem(
          usesNode,
          'unpinned-action',
          `job '${jobId}': "${uses}" is not pinned to a full commit SHA; use <owner>/<repo>@<40-hex sha> # <version> (a tag can be moved, a commit cannot)`,
        );
      } else if (!VERSION_COMMENT.test(usesNode.comment ?? '')) {
        problem(
          usesNode,
          'unpinned-action',
          `job '${jobId}': "${uses}" has no version comment; write the release it is, e.g. '# v5.1.0', so updates stay reviewable`,
        );
      }
    }
    if (job.get('uses', true) !== undefined) continue; // a reusable workflow: its jobs decide
    const permissions = job.get('permissions', true) ?? workflowPermissions;
    const contents = isMap(permissions) ? permissions.get('contents', true) : undefined;
    if (isScalar(contents) && contents.value !== 'none' && !needsContents) {
      problem(
        contents,
        'needless-contents',
        `job '${jobId}' asks for 'contents: ${contents.value}' but no step checks out the repository or uses an action that talks to GitHub; remove it`,
      );
    }
  }
  return problems;
}
