import { storedScopes, TOKEN_SCOPE_NAMES } from "@/lib/auth/token-scopes";

/** A token's scopes, one per line; a token holding all of them (tokens made before scopes) says so. */
export function TokenScopeList({ scopes }: { scopes: string[] }) {
  const known = storedScopes(scopes);
  if (known.length === 0) return <span className="text-slate-500">none</span>;
  return (
    <span data-testid="token-scopes">
      <ul className="font-mono text-xs">
        {known.map((scope) => (
          <li key={scope}>{scope}</li>
        ))}
      </ul>
      {known.length === TOKEN_SCOPE_NAMES.length ? <span className="block text-xs text-amber-700">every scope: narrow it if the integration needs less</span> : null}
    </span>
  );
}
