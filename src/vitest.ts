/** Placeholder until the matchers land: `iam-eval/vitest`. */
export {}
