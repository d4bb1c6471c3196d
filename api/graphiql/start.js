// Boots GraphiQL on the PlanGraph page. Served as a local file (not inline) so the page's
// Content-Security-Policy can forbid inline and remote scripts alike.
/* global React, ReactDOM, GraphiQL */
(function () {
  var config = JSON.parse(document.getElementById('plangraph-config').textContent);
  var fetcher = GraphiQL.createFetcher({ url: new URL(config.endpoint, window.location.href).toString() });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: config.defaultQuery,
      defaultEditorToolsVisibility: false,
      isHeadersEditorEnabled: true,
    }),
  );
})();
