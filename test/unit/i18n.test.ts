// Refine's components translate fixed keys; a key we do not define shows up in English (or as
// the raw key) in a zh-CN screen. Read the keys from the installed Refine packages themselves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../stack/config.ts';
import en from '../../src/i18n/en.ts';
import zhCN from '../../src/i18n/zh-CN.ts';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function refineKeys(pkg: string): string[] {
  const file = path.join(projectRoot, 'node_modules', pkg, 'dist', 'index.mjs');
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/translate\(\s*"([a-zA-Z0-9_.]+)"/g)].map((m) => m[1]!);
}

describe('translations', () => {
  it('zh-CN and en define the same keys, none empty', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(zhCN as Tree).sort());
    for (const key of keys(zhCN as Tree)) expect(key && key.length).toBeTruthy();
    const values = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));
    expect(values(zhCN as Tree).filter((v) => v.trim() === '')).toEqual([]);
  });

  it('covers every key Refine core and Refine antd translate', () => {
    const ours = new Set(keys(zhCN as Tree));
    const used = [...new Set([...refineKeys('@refinedev/core'), ...refineKeys('@refinedev/antd')])];
    expect(used.length).toBeGreaterThan(20);
    // Auth pages we do not offer (self sign-up, password reset by mail) are exempt.
    const offered = used.filter((k) => !/^pages\.(register|forgotPassword|updatePassword)\./.test(k) && k !== 'pages.login.register');
    expect(offered.filter((k) => !ours.has(k))).toEqual([]);
  });

  it('zh-CN is Chinese where a user reads it', () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const key of ['pages.login.title', 'buttons.logout', 'notifications.success', 'auth.errors.invalid_credentials', 'dashboard.title']) {
      const value = key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part]!, zhCN as Tree);
      expect(value, key).toMatch(cjk);
    }
  });
});
