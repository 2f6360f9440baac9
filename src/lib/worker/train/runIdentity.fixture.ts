// The run identity and backend the worker's run tests (controller, persistence) start runs with.
import type { RunIdentity } from './protocol';

export const CPU_BACKEND = {
  name: 'cpu',
  adapter: 'JS',
  fallbackReason: null,
  tfjsVersion: '4',
} as const;

export function testRunIdentity(id: string): RunIdentity {
  return { id, createdAt: '2026-01-01T00:00:00Z', link: '#', backendPreference: 'auto' };
}
