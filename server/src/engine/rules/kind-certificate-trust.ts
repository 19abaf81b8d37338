import { quote } from '../quote';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'kind-certificate-trust',
  defaultSeverity: 'warning',
  description: 'A certificate class validates trust propagation and mTLS recovery after rotation.',
  checkClass(ctx, cls) {
    const r = cls.revocation;
    if (cls.kind?.value !== 'certificate' || !r || r.validate.length > 0) return;
    ctx.report(
      r.validateKey ?? r.key,
      `certificate class ${quote(cls.id)} has no validation after rotation: add revocation.validate checks that the new chain is trusted everywhere and that mTLS clients reconnect`,
    );
  },
};
