// The local workflow runner's API: run a GitHub Actions workflow file on this machine.
export { runWorkflow, allJobRuns, resolveInputs } from './workflow.js';
export { WorkflowError } from './workflow-file.js';
export { collectSummaries, formatReport } from './report.js';
export type * from './types.js';
