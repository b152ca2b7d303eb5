// Who calls a training operation: a user (or nobody, for the console and the demo) and their scope.
import type { Scope } from '../../platform/scope.ts';

export type Caller = { userId: number | null; scope: Scope };
