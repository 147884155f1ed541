// The printable page of a workflow instance, when its plugin has one (the 申报表, say).
import { Result } from 'antd';
import { useTranslation } from '@refinedev/core';
import { useParams } from 'react-router';
import { pluginByName } from '@/workflow/plugins';

export default function PrintPage() {
  const { translate } = useTranslation();
  const { workflow, id } = useParams();
  const Print = pluginByName.get(workflow ?? '')?.views?.print;
  if (!Print) return <Result status="404" title={translate('workflow.errors.WF007')} />;
  return <Print instanceId={Number(id)} />;
}
