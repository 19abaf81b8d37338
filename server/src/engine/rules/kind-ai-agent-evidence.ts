import { quote } from '../quote';
import type { Rule } from './rule';

const NEEDED: { word: string; what: string }[] = [
  { word: 'prompt', what: 'prompts' },
  { word: 'tool', what: 'tool logs' },
  { word: 'authori', what: 'authorization traces' },
];

export const rule: Rule = {
  id: 'kind-ai-agent-evidence',
  defaultSeverity: 'warning',
  description: "An AI agent credential's evidence covers prompts, tool logs and authorization traces.",
  checkClass(ctx, cls) {
    if (cls.kind?.value !== 'ai-agent-credential' || !cls.evidenceKey || !cls.evidence || cls.evidence.length === 0) return;
    const text = cls.evidence.map((e) => [e.id?.value, e.source?.value, e.action?.value].join(' ')).join(' ').toLowerCase();
    const missing = NEEDED.filter((n) => !text.includes(n.word));
    if (missing.length === 0) return;
    ctx.report(
      cls.evidenceKey,
      `AI agent credential ${quote(cls.id)} does not preserve ${missing.map((m) => m.what).join(', ')}: add evidence items for them, so what the agent was asked and did can be reconstructed`,
    );
  },
};
