import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

/**
 * A type assertion (`x as T`) tells the compiler to trust us. On data that
 * crossed a boundary (parsed, stored, received) that trust belongs to a
 * schema, so a cast in lib/, db/ or app/ must say on its line why it is safe:
 * `// cast: <why>`. `as const` is not an assertion and is always fine.
 */
const castReason = {
  meta: {
    type: "problem",
    docs: { description: "a type assertion must carry `// cast: <why>` on its line" },
    schema: [],
    messages: { reason: "a type assertion needs `// cast: <why>` on its line (or validate with a schema instead)" },
  },
  create(context) {
    const source = context.sourceCode;
    const check = (node) => {
      const t = node.typeAnnotation;
      if (t.type === "TSTypeReference" && t.typeName.type === "Identifier" && t.typeName.name === "const") return;
      for (let line = node.loc.start.line; line <= node.loc.end.line; line++) {
        if (source.lines[line - 1].includes("// cast:")) return;
      }
      context.report({ node, messageId: "reason" });
    };
    return { TSAsExpression: check, TSTypeAssertion: check };
  },
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "next-env.d.ts", "db/migrations/**", "data/**", "public/fit-worker.js", "public/_prerendered/**", "public/_bench/**", "tests/e2e/artifacts/**"] },
  ...nextVitals,
  ...tseslint.configs.strict,
  {
    plugins: { lawdex: { rules: { "cast-reason": castReason } } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}", "db/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    rules: { "lawdex/cast-reason": "error" },
  },
);
