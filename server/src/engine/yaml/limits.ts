// Limits that keep hostile YAML from exhausting the stack or memory.

/** Deeper than this, a plan is certainly not a plan: stop building and say so once. */
export const MAX_DEPTH = 200;
/** Nodes that aliases may add by expansion, in total, before we treat the document as a bomb. */
export const MAX_ALIAS_EXPANSION = 10_000;
