import { AsyncLocalStorage } from 'node:async_hooks';

export interface NavView {
  id: string;
  name: string;
  url: string;
}

const renderingViews = new AsyncLocalStorage<NavView[]>();

/** Renders with the reader's saved views at hand: the navigation lists them on every page. */
export function withSavedViews<T>(views: NavView[], render: () => T): T {
  return renderingViews.run(views, render);
}

export function currentSavedViews(): NavView[] {
  return renderingViews.getStore() ?? [];
}
