// Public entry of @immut/action-runner: run a JavaScript action's built bundle the way the
// GitHub runner does, and read back what the runner would see.
export {
  FAKE_GITHUB_TOKEN,
  JOB_DEFAULTS,
  REPO_ROOT,
  describeRun,
  errorsOf,
  evaluateExpressions,
  inputEnv,
  inputEnvName,
  interpretLines,
  parseFileCommands,
  parseWorkflowCommand,
  readActionYml,
  resumesCommands,
  runAction,
  runActionWithPost,
  unescapeData,
  unescapeProperty,
} from './run-action.js';
export {
  ACTION_NODE_ENV,
  bundledNodePath,
  checkRuntime,
  nodeMajor,
  resolveActionNode,
} from './node-runtime.js';
export type { InProcessAction } from './run-action.js';
export type { ActionNode } from './node-runtime.js';
export type {
  ActionRun,
  ActionRunWithPost,
  ActionYml,
  Annotation,
  AnnotationLevel,
  RunOptions,
  WorkflowCommand,
} from './run-action.js';
