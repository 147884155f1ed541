// React.lazy with a preload(): the layout is lazy too (src/App.tsx), and it starts loading the
// page the address names beside its own chunks, so the two do not load one after the other.
//
// A page whose chunk has loaded by the time it first renders is rendered as itself, not through
// React.lazy: lazy suspends on its first render even when its chunk is there, and React holds
// back what a Suspense boundary reveals for 300 ms after its fallback showed (its "fallback
// throttle") — on the first screen, that was 300 ms of spinner per lazy step (login, layout,
// 工作台) with everything already loaded.
import { createElement, lazy, useState, type ComponentProps, type ComponentType } from 'react';

export type LazyPage<P> = ComponentType<P> & { preload: () => Promise<unknown> };

export function lazyPage<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  let loading: Promise<{ default: T }> | undefined;
  let loaded: T | undefined;
  const once = () =>
    (loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(once);
  function Page(props: object) {
    // (chosen once per mount: switching the element type later would remount the page)
    const [Component] = useState<ComponentType<any>>(() => loaded ?? Lazy);
    return createElement(Component, props);
  }
  return Object.assign(Page, { preload: once }) as unknown as LazyPage<ComponentProps<T>>;
}

/** Starts loading the page a route element shows, when it is a lazyPage. */
export function preloadElement(element: unknown) {
  const type = (element as { type?: { preload?: () => Promise<unknown> } } | null | undefined)?.type;
  void type?.preload?.().catch(() => undefined); // React.lazy reports a failed load when it renders
}
