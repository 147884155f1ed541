// The screens' lists (the core's, src/registry/core-pages.tsx, and each plugin's `pages`) feed
// the resources, routes, menu and access control: one entry per screen, unique names and
// addresses, labels in both languages, each plugin's list where the build finds it, and the
// menu's groups in order with the empty ones left out.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../stack/config.ts';
import en from '../../src/i18n/en.ts';
import zhCN from '../../src/i18n/zh-CN.ts';
import { CORE_PAGES } from '../../src/registry/core-pages.tsx';
import { groupResource, MENU_GROUPS, menuResources } from '../../src/registry/menu.tsx';
import type { MemberRole } from '../../src/access/roles.ts';
import { WORKFLOWS } from '../fixtures/workflows-registry.ts';

type Tree = { [key: string]: string | Tree };
const has = (tree: Tree, key: string) => typeof key.split('.').reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree) === 'string';

const PLUGIN_PAGES = WORKFLOWS.flatMap((plugin) => (plugin.pages ?? []).map((page) => ({ plugin: plugin.name, page })));
const PAGES = [...CORE_PAGES, ...PLUGIN_PAGES.map((p) => p.page)];

describe('the pages', () => {
  it('the plugins bring the campaign\'s and the application\'s screens', () => {
    expect(PLUGIN_PAGES.map((p) => `${p.plugin}:${p.page.route}`)).toEqual(expect.arrayContaining([
      'campaign:/key-tasks', 'campaign:/targets', 'campaign:/standard', 'campaign:/scoring', 'campaign:/results',
      'application:/applications-overview',
    ]));
  });

  it('every screen has a name and an address of its own', () => {
    // Beside the generic resources' (src/registry/resources.tsx, which loads the browser's client).
    const GENERIC = ['units', 'memberships', 'member_invitations'];
    const names = [...PAGES.map((p) => p.name), ...GENERIC, ...WORKFLOWS.map((p) => `workflow-${p.name}`)];
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const routes = [
      ...PAGES.map((p) => p.route),
      '/units', '/memberships',
      ...WORKFLOWS.map((p) => `/workflows/${p.name}`),
      '/login', '/change-password', '/print',
    ];
    expect(routes.filter((r, i) => routes.indexOf(r) !== i)).toEqual([]);
    for (const page of PAGES) expect(page.route, page.name).toMatch(/^\/([a-z0-9-]+(\/[a-z0-9-]+)*)?$/);
  });

  it('labels and group labels are in zh-CN and en (the admin\'s, or a plugin\'s messages under workflows.<name>)', () => {
    const keys = [...PAGES.map((p) => p.label), ...MENU_GROUPS.map((g) => `menu.groups.${g.group}`)];
    for (const [locale, admin] of [['zh-CN', zhCN], ['en', en]] as const) {
      const tree = { ...(admin as Tree), workflows: Object.fromEntries(WORKFLOWS.map((p) => [p.name, p.messages[locale] as Tree])) };
      expect(keys.filter((k) => !has(tree, k)), locale).toEqual([]);
    }
  });

  it('each plugin\'s pages are the `pages` of the pages.tsx in its folder (the build imports that file)', async () => {
    for (const plugin of WORKFLOWS.filter((p) => p.pages?.length)) {
      const folder = plugin.folder ?? `workflows/${plugin.name}`;
      const mod = (await import(/* @vite-ignore */ path.join(projectRoot, folder, 'pages.tsx'))) as { pages: unknown };
      expect(mod.pages, plugin.name).toBe(plugin.pages);
    }
  });

  it('who sees each screen: the roles whose policies let them read it', () => {
    const STREET: MemberRole[] = ['street_office', 'reviewer', 'viewer'];
    const SCORED: MemberRole[] = [...STREET, 'community_filer'];
    // The district office reads its streets as a street-wide viewer does, where a page works with
    // several streets (a picker of their rounds or campaigns); the standard and scoring stay the streets'.
    const DISTRICT: MemberRole[] = ['district_office'];
    const roles = Object.fromEntries(PAGES.map((p) => [p.name, p.roles ? [...p.roles].sort() : 'everyone']));
    expect(roles).toMatchObject({
      dashboard: 'everyone', todo: 'everyone', done: 'everyone', 'units/tree': [...STREET, ...DISTRICT].sort(),
      'applications-overview': ['district_office', 'reviewer', 'street_office'],
      'key-tasks': [...STREET, ...DISTRICT].sort(), targets: [...STREET, ...DISTRICT].sort(),
      standard: [...SCORED].sort(), scoring: [...SCORED].sort(), results: [...SCORED, ...DISTRICT].sort(),
    });
  });
});

describe('the menu', () => {
  const entry = (name: string, group: (typeof MENU_GROUPS)[number]['group'] | undefined, order: number) => ({ place: { group, order }, resource: { name, list: `/${name}` } });

  it('puts the top first, then each group in its order, entries by order, and leaves out an empty group', () => {
    const resources = menuResources([
      entry('units', 'system', 10), entry('scoring', 'score', 20), entry('todo', undefined, 20),
      entry('standard', 'score', 10), entry('dashboard', undefined, 10), entry('apply-list', 'apply', 10),
    ]);
    expect(resources.map((r) => `${r.meta?.parent ? `${r.meta.parent}/` : ''}${r.name}`)).toEqual([
      'dashboard', 'todo',
      'menu-apply', 'menu-apply/apply-list',
      'menu-score', 'menu-score/standard', 'menu-score/scoring',
      'menu-system', 'menu-system/units',
    ]);
    expect(resources.map((r) => r.name)).not.toContain(groupResource('governance'));
    expect(resources.find((r) => r.name === 'menu-score')?.meta?.label).toBe('评分与验收');
  });

  it('has the five groups of the plan, in order', () => {
    expect(MENU_GROUPS.map((g) => (zhCN as Tree as { menu: { groups: Record<string, string> } }).menu.groups[g.group])).toEqual(['申报与审核', '评分与验收', '任务与目标', '基层治理', '系统']);
  });
});
