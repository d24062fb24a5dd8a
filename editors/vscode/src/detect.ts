// Which YAML text is a regioplan: a line at the left margin starts with the key `regioplan:`
// (as written or quoted), or with both `region:` and `period:`: the test `regioplan check`
// makes when it walks a directory (`load::is_plan_text`). No dependency on vscode, so that the
// end-to-end test can run it.

const topKey = /^\uFEFF?(?:"([^"]*)"|'([^']*)'|([^\s:'"][^:]*?))\s*:/gm;

/// Whether the text is meant as a plan.
export function isRegioplanText(text: string): boolean {
  const keys = new Set<string>();
  for (const m of text.matchAll(topKey)) {
    keys.add(m[1] ?? m[2] ?? m[3]);
  }
  return keys.has("regioplan") || (keys.has("region") && keys.has("period"));
}
