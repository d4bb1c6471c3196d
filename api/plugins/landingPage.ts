import type { ApolloServerPlugin } from '@apollo/server';
import { renderGraphiQLPage } from '../graphiql/page.ts';

/**
 * A browser GET on /graphql (Accept: text/html) gets GraphiQL, built from local packages;
 * replaces Apollo's default landing page, which loads Apollo Sandbox from a CDN.
 */
export function graphiqlLandingPagePlugin(options: { endpoint?: string; defaultQuery?: string } = {}): ApolloServerPlugin {
  const html = renderGraphiQLPage(options);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
