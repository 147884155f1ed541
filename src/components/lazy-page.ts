// React.lazy with a preload(): the layout is lazy too (src/App.tsx), and it starts loading the
// page the address names beside its own chunks, so the two do not load one after the other.
import { lazy, type ComponentType } from 'react';

export type LazyPage<P> = ComponentType<P> & { preload: () => Promise<unknown> };

export function lazyPage<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  let loading: Promise<{ default: T }> | undefined;
  const once = () => (loading ??= load());
  return Object.assign(lazy(once), { preload: once });
}

/** Starts loading the page a route element shows, when it is a lazyPage. */
export function preloadElement(element: unknown) {
  const type = (element as { type?: { preload?: () => Promise<unknown> } } | null | undefined)?.type;
  void type?.preload?.().catch(() => undefined); // React.lazy reports a failed load when it renders
}
