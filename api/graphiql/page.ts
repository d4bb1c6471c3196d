import { ASSET_PREFIX } from './assets.ts';

/** What GraphiQL shows on first visit: the flagship question, answered across every plan. */
export const FLAGSHIP_QUERY = `# Which departments lead tasks touching 花都区 (Huadu), in every plan?
# Each assignment carries the document, line and quote it was read from.
# Try includeDescendants / includeEnclosing / includeSupporting on leadingDepartments.
{
  district(name: "花都") {
    name
    code
    leadingDepartments {
      department { name }
      role
      tasks {
        title
        plan { title }
        assignments {
          evidence { document line quote }
        }
      }
    }
  }
}
`;

/**
 * Only same-origin scripts, styles and requests; fonts and icons come from data: URLs inside
 * graphiql.min.css. The browser itself then refuses anything remote.
 */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON inside <script type="application/json">: escape "<" so the content cannot close the tag. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function renderGraphiQLPage({ endpoint = '/graphql', defaultQuery = FLAGSHIP_QUERY } = {}): string {
  const asset = (name: string) => `${ASSET_PREFIX}${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PlanGraph GraphiQL</title>
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script type="application/json" id="plangraph-config">${scriptJson({ endpoint, defaultQuery })}</script>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script src="${asset('plangraph-graphiql.js')}"></script>
</body>
</html>
`;
}
