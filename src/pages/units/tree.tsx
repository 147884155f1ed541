// The street office's view of its street as a tree: streets, then what is under each unit,
// loaded level by level as the user expands it.
import { List } from '@refinedev/antd';
import { useTranslation } from '@refinedev/core';
import { Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useState } from 'react';
import type { Tables } from '@/lib/rows';
import { supabaseClient } from '@/providers/supabase-client';

type UnitRow = Pick<Tables<'units'>, 'id' | 'name' | 'kind'>;

const LEAF_KINDS = new Set<UnitRow['kind']>(['compound', 'building', 'business_district', 'social_org']);

export default function UnitTreePage() {
  const { translate } = useTranslation();
  const [treeData, setTreeData] = useState<TreeDataNode[]>([]);

  const toNode = (u: UnitRow): TreeDataNode => ({
    key: u.id,
    isLeaf: LEAF_KINDS.has(u.kind),
    title: (
      <span>
        {u.name} <Tag bordered={false} style={{ marginInlineStart: 4 }}>{translate(`units.kinds.${u.kind}`)}</Tag>
      </span>
    ),
  });

  useEffect(() => {
    void supabaseClient
      .from('units')
      .select('id, name, kind')
      .eq('kind', 'street')
      .order('name')
      .then(({ data }) => setTreeData((data ?? []).map(toNode)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function loadChildren(node: TreeDataNode) {
    if (node.children) return;
    const rows: UnitRow[] = [];
    // PostgREST returns at most 1,000 rows a request: page through a large community.
    for (let from = 0; ; from += 1000) {
      const { data } = await supabaseClient.from('units').select('id, name, kind').eq('parent_id', node.key as number).order('kind').order('name').range(from, from + 999);
      rows.push(...(data ?? []));
      if (!data || data.length < 1000) break;
    }
    const attach = (nodes: TreeDataNode[]): TreeDataNode[] =>
      nodes.map((n) => (n.key === node.key ? { ...n, children: rows.map(toNode), isLeaf: rows.length === 0 } : n.children ? { ...n, children: attach(n.children) } : n));
    setTreeData((current) => attach(current));
  }

  return (
    <List title={translate('units.tree')} canCreate={false}>
      <Typography.Paragraph type="secondary">{translate('units.treeHint')}</Typography.Paragraph>
      <Tree treeData={treeData} loadData={loadChildren} height={640} showLine blockNode />
    </List>
  );
}
