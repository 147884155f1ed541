// The printable page of a workflow instance, when its plugin has one (the 申报表, say). In print,
// the page is the plugin's sheet alone: no body margin, and none of the admin's floating layers
// (messages, notifications, tooltips) that could push a blank page after it.
import { Result } from 'antd';
import { useTranslation } from '@refinedev/core';
import { useParams } from 'react-router';
import { pluginByName } from '@/workflow/plugins';

const PRINT_CSS = `@media print {
  html, body { margin: 0 !important; padding: 0 !important; height: auto !important; min-height: 0 !important; }
  .ant-message, .ant-notification, .ant-tooltip, .ant-popover { display: none !important; }
}`;

export default function PrintPage() {
  const { translate } = useTranslation();
  const { workflow, id } = useParams();
  const Print = pluginByName.get(workflow ?? '')?.views?.print;
  if (!Print) return <Result status="404" title={translate('workflow.errors.WF007')} />;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Print instanceId={Number(id)} />
    </>
  );
}
