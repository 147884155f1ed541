// Every screen of the admin's own, from one list each: the core's (./core-pages.tsx) and each
// plugin's (its `pages`, read from the workflow catalog), with their lazy components. The
// resources, the routes, the menu (./refine.tsx), access control (src/access/access-control.ts)
// and the 工作台's cards read them here.
import type { ComponentType } from 'react';
import { lazyPage, type LazyPage } from '@/components/lazy-page';
import type { MemberRole } from '@/access/roles';
import type { PageDef, WorkCardDef, WorkCardProps } from '@/workflow/types';
import { CORE_PAGES } from './core-pages';
import { WORKFLOW_CATALOG } from './workflows';

export const PAGES: PageDef[] = [...CORE_PAGES, ...WORKFLOW_CATALOG.flatMap((plugin) => plugin.pages)];
export const pageByName = new Map(PAGES.map((page) => [page.name, page]));

/** The 工作台's chart cards, in the pages' order: each shown to its page's roles. */
export const DASHBOARD_CARDS: { page: string; Card: LazyPage<object> }[] = PAGES.flatMap((page) =>
  page.dashboardCard ? [{ page: page.name, Card: lazyPage(page.dashboardCard) }] : [],
);

/** The core's own work card: what waits in 我的待办 (src/pages/worklist/todo.tsx's list), for everyone. */
const CORE_WORK_CARDS: { page: string; card: WorkCardDef }[] = [
  { page: 'todo', card: { name: 'todo', order: 20, component: () => import('@/pages/dashboard/todo-card') } },
];

/**
 * The 工作台's work cards, before the charts: the core's and every page's (a plugin's), by their
 * order. Each for its roles, or its page's; none named, everyone signed in.
 */
export const WORK_CARDS: { name: string; roles?: MemberRole[]; Card: LazyPage<WorkCardProps> }[] = [
  ...CORE_WORK_CARDS,
  ...PAGES.flatMap((page) => (page.workCards ?? []).map((card) => ({ page: page.name, card }))),
]
  .map(({ page, card }) => ({ card, roles: card.roles ?? pageByName.get(page)?.roles }))
  .sort((a, b) => a.card.order - b.card.order)
  .map(({ card, roles }) => ({ name: card.name, roles, Card: lazyPage(card.component) }));

/** Each page's component, made once (a lazy component must keep its identity across renders). */
export const PAGE_COMPONENTS = new Map<string, LazyPage<object>>(
  PAGES.map((page) => [
    page.name,
    lazyPage<ComponentType>(
      // The 工作台 loads its cards beside itself, not after.
      page.route === '/' ? () => ([...WORK_CARDS, ...DASHBOARD_CARDS].forEach((c) => void c.Card.preload().catch(() => undefined)), page.component()) : page.component,
    ),
  ]),
);
