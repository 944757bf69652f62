// What the world action may do: it makes no AWS call (the actions it plans do); it writes
// the world release's tag and notes through the GitHub token.
import { definePermissions } from '@immut/core/iam-policy';

export default definePermissions({
  iam: [],
  github: { contents: 'write' },
});
