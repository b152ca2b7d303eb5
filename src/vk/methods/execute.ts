// execute: up to 25 calls in one request (VKScript); each inner call is checked as if made alone.
import type { ExecuteResult } from '../vk-client.ts';
import { defineMethod } from './method.ts';

export const execute = defineMethod<{ code: string }, ExecuteResult>({
  name: 'execute',
  params: { code: { required: true, doc: 'VKScript; Publica sends only `return [API.m(…), …];`' } },
  tokenKinds: ['user', 'community'],
  schemaKinds: ['user', 'community'],
  tokenKindsFrom: 'schema',
  rate: 'batch',
  readOnly: true,
  schemaResponse: null,
  parse: (r) => r as ExecuteResult,
});
