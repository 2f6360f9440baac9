import { describe, expect, it } from 'vitest';
import { judgeAudit } from './audit.mjs';

const counts = (high: number, critical: number) => ({
  info: 0,
  low: 1,
  moderate: 2,
  high,
  critical,
  total: 3 + high + critical,
});

describe('judgeAudit', () => {
  it('passes with only low and moderate findings', () => {
    const verdict = judgeAudit({
      metadata: { vulnerabilities: counts(0, 0) },
      vulnerabilities: {},
    });
    expect(verdict.status).toBe('pass');
  });

  it('fails on high or critical findings and names them', () => {
    const verdict = judgeAudit({
      metadata: { vulnerabilities: counts(1, 0) },
      vulnerabilities: { 'node-fetch': { name: 'node-fetch', severity: 'high', via: [] } },
    });
    expect(verdict.status).toBe('fail');
    expect(verdict.lines.join('\n')).toContain('high: node-fetch');
  });

  it('skips, saying so, when the registry gave no report', () => {
    expect(judgeAudit(null).lines[0]).toMatch(/^audit skipped: registry unreachable/);
    expect(judgeAudit({ message: '405 Method Not Allowed', error: {} }).status).toBe('skipped');
  });
});
