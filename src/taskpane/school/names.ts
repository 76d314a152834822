/** Temporary sheet names of an interrupted generation (src/host/generated.ts): "~МСОКО 1", … — not part of the form. */
export const GENERATED_TEMP_PREFIX_RE = /^~МСОКО \d+$/;
